// Is this page an annual report at all? Two stages: `quickGate` is what the content script asks before
// touching the DOM (title and, optionally, a slice of text the caller already has); `describeReport`
// decides on the full extraction. Each pattern carries the examples that forced it (see tests/unit/detect).

import { normalizeText, stripPinyin } from './normalize/text';

// Simplified and traditional forms, before any conversion (the gate must not load the converter).
const GATE_TITLE = /(信息公[开開]|政[务務]公[开開]).{0,12}(年度?[报報]告|年[报報])|(年度?[报報]告|年[报報]).{0,4}(信息公[开開])/;
const GATE_TEXT = /勾稽[关關][系係]|本年新收政府信息公[开開]申[请請]|政府信息公[开開](工作)?年度[报報]告/;

/** Cheap first test on a page: could it be a report? Reads only the strings given. */
export function quickGate(title: string, bodyText?: string): boolean {
  if (GATE_TITLE.test(stripPinyin(title))) return true;
  return bodyText !== undefined && GATE_TEXT.test(bodyText);
}

/** "<机关>2024年度政府信息公开工作年度报告" — agency, year. Run on normalized (simplified) text. */
const REPORT_TITLE = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:的\s*)?(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const AGENCY_NOISE = /^(?:.*?(?:现公布|现予公布|公布|发布|印发|关于|编制|现将|本报告为|根据))/;

export interface TitleInfo {
  title: string;
  agency: string | null;
  year: number | null;
}

// Other word orders (issue #11): "2019年上海市人民政府办公厅政府信息公开工作年度报告" (year first),
// "中山市人民政府办公室政府信息公开工作2024年度报告" (year inside), "…政府信息公开工作年度报告（2024年度）" (year last).
const YEAR_FIRST = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const YEAR_INSIDE = /([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:报告|年报)/;
const YEAR_LAST = /([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)\s*[(（]\s*((?:19|20)\d{2})\s*年?\s*度?\s*[)）]/;

function otherOrder(t: string): TitleInfo | null {
  const first = YEAR_FIRST.exec(t);
  const inside = first ? null : YEAR_INSIDE.exec(t) ?? YEAR_LAST.exec(t);
  const m = first ?? inside;
  if (!m) return null;
  const year = Number(first ? m[1] : m[2]);
  let agency = (first ? m[2] : m[1])!.replace(AGENCY_NOISE, '').replace(/^[()（）]+/, '');
  // The lazy agency stops before "政府信息公开": "上海市人民" + "政府信息公开" is 上海市人民政府's report.
  const after = t.slice(m.index + m[0].indexOf(agency) + agency.length);
  if (/人民$/.test(agency) && after.startsWith('政府')) agency += '政府';
  agency = agency.replace(/^(?:度|年度)/, '');
  // Only a name that reads as a body ("全市", "我局" are not names).
  if (/^(?:全|本|我)/.test(agency) || !/(?:[省市区县州旗盟镇乡]|政府|办公室|办公厅|局|委员会|委|厅|院|中心|办|署|处|部|会|站|馆|街道|街道办事处|管委会)$/.test(agency)) agency = '';
  return { title: m[0], agency: agency || null, year };
}

export function parseReportTitle(text: string): TitleInfo | null {
  const t = normalizeText(text);
  const m = REPORT_TITLE.exec(t);
  if (!m) return otherOrder(t);
  const before = t.slice(Math.max(0, m.index - 60), m.index);
  const run = /[\u3400-\u9fff()（）·]+$/.exec(before.replace(/\s+$/, ''));
  let agency = run ? run[0].replace(AGENCY_NOISE, '') : '';
  agency = agency.replace(/^[()（）]+/, '').replace(/^(?:我|本)(?:市|区|县|局|委|办|厅|镇|乡)$/, '');
  return {
    title: t.slice(Math.max(0, m.index - (run ? run[0].length : 0)), m.index + m[0].length),
    agency: agency || null,
    year: Number(m[1]),
  };
}

// The six section headings of the national format (FORMAT.md §1). Only the short windows after "一、"…"七、"
// are normalized: converting a whole page to simplified costs more than the rest of the analysis. (No
// "start of line" test: textContent often glues "</p><p>" together, and a \s* before the numeral made the
// scan quadratic in the long whitespace runs of Word-pasted pages.)
const SECTION_START = /[一二三四五六七][、.．]/g;
// Headings of the 2019/2021 formats, and of the pre-2019 format (一、概述 … 三、依申请公开政府信息情况 …
// 五、因政府信息公开申请提起行政复议 …: the old-format fixture), so old reports are still recognized.
const SECTION = /^[一二三四五六七][、.]\s*(总体情况|总体概述|概述|主动公开政府信息情况|收到和处理政府信息公开申请情况|依申请公开政府信息情况|政府信息公开的收费及减免情况|政府信息公开行政复议|因政府信息公开申请提起行政复议|(?:政府信息公开工作)?存在的主要问题|存在问题|其他需要报告的事项)/;

export function countSections(text: string): number {
  const found = new Set<string>();
  const t = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const m of t.matchAll(SECTION_START)) {
    const at = m.index;
    const hit = SECTION.exec(normalizeText(t.slice(at, at + 64)));
    if (hit) found.add(hit[1]!.replace(/^政府信息公开工作/, ''));
  }
  return found.size;
}
