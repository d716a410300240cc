// Is this page an annual report at all? Two stages: `quickGate` is what the content script asks before
// touching the DOM (title and, optionally, a slice of text the caller already has); `describeReport`
// decides on the full extraction. Each pattern carries the examples that forced it (see tests/unit/detect).

import { normalizeText, stripPinyin } from './normalize/text';

// Simplified and traditional forms, before any conversion (the gate must not load the converter), and the
// Taiwan phrase 資訊 (资讯) that phrase converters write for 信息 (lib/detect.examples.ts, "繁體 title").
/** What quickGate looks for in a page's title (exported for the test that its shortcut changes no answer). */
export const GATE_TITLE =
  /((?:信息|[资資][讯訊])公[开開]|政[务務]公[开開]).{0,12}(年度?[报報]告|年[报報])|(年度?[报報]告|年[报報]).{0,4}((?:信息|[资資][讯訊])公[开開])/;
/**
 * Every match of GATE_TITLE holds 公开 or 公開 (each alternative ends its 信息/资讯/政务 in 公[开開]). Most gov.cn
 * titles (news, home and list pages) hold neither, and the expression's first run on a page is cold: V8
 * compiles it before it matches anything. `indexOf` answers those titles without compiling it.
 */
const GATE_TITLE_NEEDS = ['公开', '公開'] as const;
/**
 * What quickGate looks for in a page's text: the definition, which the test holds quickGate's answer to on
 * every string it matches and every page the tests have. quickGate itself never runs it (below).
 */
export const GATE_TEXT =
  /勾稽[关關][系係]|本年新收政府(?:信息|[资資][讯訊])公[开開]申[请請]|政府(?:信息|[资資][讯訊])公[开開](工作)?年度[报報]告/;

/**
 * Every match of GATE_TEXT holds one of these (one per alternative: 勾稽…, 本年新收…, …年度[报報]告): `indexOf`
 * (native from the first call) finds them in a page's text, which is most often news (how far: GATE_WINDOW).
 */
const GATE_TEXT_NEEDS = ['年度报告', '年度報告', '勾稽', '本年新收'] as const;
/**
 * GATE_TEXT and GATE_TITLE as plain phrases over text whose traditional forms (the expressions' character
 * classes) are folded to simplified, one character for one: the same matches, without running the
 * expressions, which on a page's first call are compiled and interpreted cold (0.4–4 ms over a news page in
 * site chrome whose column is 政府信息公开年度报告). Each phrase list holds simplified characters only, so a
 * form folded that no phrase of one list holds (務 for the text, 關係請 for the title) changes no answer. The
 * test holds both to the expressions' answers on every title and page it has.
 */
const GATE_FOLD: Readonly<Record<string, string>> = {
  關: '关',
  係: '系',
  資: '资',
  訊: '讯',
  開: '开',
  請: '请',
  報: '报',
  務: '务',
};
const GATE_TEXT_PHRASES = [
  '勾稽关系',
  '本年新收政府信息公开申请',
  '本年新收政府资讯公开申请',
  '政府信息公开年度报告',
  '政府信息公开工作年度报告',
  '政府资讯公开年度报告',
  '政府资讯公开工作年度报告',
] as const;

/** `s` folded (code point by code point: an astral character stays whole, positions are kept). */
const foldGate = (s: string): string => Array.from(s, (ch) => GATE_FOLD[ch] ?? ch).join('');
/** The same folding by character code (what the text scan compares: no string made per character). */
const GATE_FOLD_CODE: Readonly<Record<number, number>> = Object.fromEntries(
  Object.entries(GATE_FOLD).map(([t, s]) => [t.charCodeAt(0), s.charCodeAt(0)]),
);

/**
 * Under each needle, the phrases that hold it and where: a phrase's occurrence in the folded text holds its
 * needle's simplified or traditional form (年度报告 or 年度報告; 勾稽 and 本年新收 have one form) at that offset,
 * so each needle found at `i` is checked only against its phrases starting at `i - offset`. A news page in site
 * chrome holds 年度报告 dozens of times in its menus; each is a few character comparisons (a window folded into
 * a new string per occurrence took 0.06–0.2 ms warm, 0.4 cold, over the bench's page).
 */
export const GATE_TEXT_AT: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]> =
  GATE_TEXT_NEEDS.map((needle) => {
    const folded = foldGate(needle);
    return [needle, GATE_TEXT_PHRASES.filter((p) => p.includes(folded)).map((p) => [p, p.indexOf(folded)] as const)];
  });

/** Whether `phrase` (simplified) is at `start` in `text` once folded. */
function phraseAt(text: string, start: number, phrase: string): boolean {
  if (start < 0 || start + phrase.length > text.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const c = text.charCodeAt(start + k);
    if ((GATE_FOLD_CODE[c] ?? c) !== phrase.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * How far into a page's text the gate looks for a report's name (…年度报告): its title or heading is near the
 * top of the article, and the name deep down a long page is most often a link in its menus or footer.
 */
export const GATE_WINDOW = 20_000;
/**
 * How far it looks for what only a report's own table or its words about the tables hold (本年新收政府信息公开申请,
 * table 三's first row; 勾稽关系): a report whose title says nothing, under more than GATE_WINDOW characters of
 * site chrome and inline scripts (their text is the body's text too), is still seen. Capped so that a page of
 * tens of MB of text costs the gate a few native scans at most.
 */
export const GATE_TABLE_REACH = 2_000_000;
/** The needles that are searched up to GATE_TABLE_REACH (the others up to GATE_WINDOW). */
const GATE_TABLE_NEEDLES: ReadonlySet<string> = new Set(['勾稽', '本年新收']);

function gateTextMatches(text: string): boolean {
  for (const [needle, phrases] of GATE_TEXT_AT) {
    // A phrase counts only when it ends within its reach (as if the text had been cut there).
    const reach = Math.min(text.length, GATE_TABLE_NEEDLES.has(needle) ? GATE_TABLE_REACH : GATE_WINDOW);
    for (let i = text.indexOf(needle); i >= 0 && i < reach; i = text.indexOf(needle, i + 1))
      for (const [phrase, offset] of phrases)
        if (i - offset + phrase.length <= reach && phraseAt(text, i - offset, phrase)) return true;
  }
  return false;
}

/**
 * GATE_TITLE without running it (its first run on a page is compiled cold: 0.5–0.7 ms of the gate on a report
 * page, Chromium), over the title folded (GATE_FOLD): a 公开 phrase (信息公开, 资讯公开, 政务公开) followed
 * within 0–12 characters by 年度报告, 年报告 or 年报, or one of those followed within 0–4 characters by 信息公开 or
 * 资讯公开 — the characters between never a line terminator (the expression's `.`). Linear in the title: each
 * occurrence is checked only at the positions its gap allows. The test holds it to the expression's answer.
 */
const TITLE_OPEN = ['信息公开', '资讯公开', '政务公开'] as const;
const TITLE_OPEN_INFO = ['信息公开', '资讯公开'] as const;
const TITLE_REPORT = ['年度报告', '年报告', '年报'] as const;

const isLineBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** Whether one of `firsts` is followed in `f`, after 0–`gap` characters that hold no line break, by one of `seconds`. */
function followedWithin(f: string, firsts: readonly string[], seconds: readonly string[], gap: number): boolean {
  for (const first of firsts)
    for (let a = f.indexOf(first); a >= 0; a = f.indexOf(first, a + 1)) {
      const end = a + first.length;
      for (let b = end; b <= end + gap && b < f.length; b++) {
        if (b > end && isLineBreak(f.charCodeAt(b - 1))) break;
        if (seconds.some((s) => f.startsWith(s, b))) return true;
      }
    }
  return false;
}

function gateTitleMatches(title: string): boolean {
  const f = foldGate(title);
  return followedWithin(f, TITLE_OPEN, TITLE_REPORT, 12) || followedWithin(f, TITLE_REPORT, TITLE_OPEN_INFO, 4);
}

/**
 * Cheap first test on a page: could it be a report? Reads only the strings given: the title, and the body's
 * text, of which it reads the first GATE_WINDOW characters for a report's name and up to GATE_TABLE_REACH for
 * the table's own phrases.
 */
export function quickGate(title: string, bodyText?: string): boolean {
  const t = stripPinyin(title);
  if (GATE_TITLE_NEEDS.some((s) => t.includes(s)) && gateTitleMatches(t)) return true;
  return bodyText !== undefined && gateTextMatches(bodyText);
}

/** "<机关>2024年度政府信息公开工作年度报告" — agency, year. Run on normalized (simplified) text. */
const REPORT_TITLE =
  /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:的\s*)?(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const AGENCY_NOISE = /^(?:.*?(?:现公布|现予公布|公布|发布|印发|关于|编制|现将|本报告为|根据))/;

export interface TitleInfo {
  title: string;
  agency: string | null;
  year: number | null;
}

// Other word orders (issue #11): "2019年上海市人民政府办公厅政府信息公开工作年度报告" (year first),
// "中山市人民政府办公室政府信息公开工作2024年度报告" (year inside), "…政府信息公开工作年度报告（2024年度）" (year last).
const YEAR_FIRST =
  /((?:19|20)\d{2})\s*年\s*(?:度\s*)?([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const YEAR_INSIDE =
  /([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:报告|年报)/;
const YEAR_LAST =
  /([\u3400-\u9fff()（）·]{2,40}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)\s*[(（]\s*((?:19|20)\d{2})\s*年?\s*度?\s*[)）]/;

function otherOrder(t: string): TitleInfo | null {
  const first = YEAR_FIRST.exec(t);
  const inside = first ? null : (YEAR_INSIDE.exec(t) ?? YEAR_LAST.exec(t));
  const m = first ?? inside;
  if (!m) return null;
  const year = Number(first ? m[1] : m[2]);
  let agency = (first ? m[2] : m[1])!.replace(AGENCY_NOISE, '').replace(/^[()（）]+/, '');
  // The lazy agency stops before "政府信息公开": "上海市人民" + "政府信息公开" is 上海市人民政府's report.
  const after = t.slice(m.index + m[0].indexOf(agency) + agency.length);
  if (/人民$/.test(agency) && after.startsWith('政府')) agency += '政府';
  agency = agency.replace(/^(?:度|年度)/, '');
  // Only a name that reads as a body ("全市", "我局" are not names).
  if (
    /^(?:全|本|我)/.test(agency) ||
    !/(?:[省市区县州旗盟镇乡]|政府|办公室|办公厅|局|委员会|委|厅|院|中心|办|署|处|部|会|站|馆|街道|街道办事处|管委会)$/.test(
      agency,
    )
  )
    agency = '';
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
// Old reports word them many ways ("依申请公开工作情况", "因…申请行政复议、提起行政诉讼的情况", "主要问题和
// 改进措施", "…情况统计表"): those count as the section they stand for.
const SECTION =
  /^[一二三四五六七八九][、.]\s*(总体情况|总体概述|概述|基本情况|主动公开政府信息情况|主动公开(?:政府信息)?(?:工作)?情况|收到和处理政府信息公开申请情况|依申请公开政府信息情况|依申请公开(?:政府信息)?(?:工作)?(?:的)?情况|政府信息公开的收费及减免情况|(?:政府信息公开)?(?:的)?收费(?:及|和)减免情况|政府信息公开行政复议|因政府信息公开申请提起行政复议|因.{0,16}申请(?:而)?(?:提起|申请)?行政复议|(?:政府信息公开工作)?存在的主要问题|存在问题|(?:主要)?问题(?:和|及)改进措施|其他需要报告的事项)/;

export function countSections(text: string): number {
  const found = new Set<string>();
  const t = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const m of t.matchAll(SECTION_START)) {
    const at = m.index;
    const hit = SECTION.exec(normalizeText(t.slice(at, at + 64)));
    if (hit) found.add(sectionOf(hit[1]!));
  }
  return found.size;
}

/** Which of the six sections a heading stands for (old wordings fold onto the new ones). */
function sectionOf(h: string): string {
  if (/总体|概述|基本情况/.test(h)) return 'overall';
  if (/主动公开/.test(h)) return 'active';
  if (/申请情况|依申请/.test(h)) return 'apply';
  if (/收费|减免/.test(h)) return 'fees';
  if (/复议/.test(h)) return 'review';
  if (/问题/.test(h)) return 'problems';
  return 'other';
}

// The pre-2019 statistics table (指标名称 / 计量单位 / 本年 / 累计, or the "…情况统计表" rows).
const OLD_TABLE = /指标名称|计量单位|主动公开政府信息数|收到申请数|申请办结数|依申请公开信息收取的费用/g;

/** Does the text hold the pre-2019 statistics table? (two of its tell-tale labels) */
export function hasOldStatsTable(text: string): boolean {
  const seen = new Set<string>();
  for (const m of text.slice(0, 200_000).matchAll(OLD_TABLE)) {
    seen.add(m[0]);
    if (seen.size >= 2) return true;
  }
  return false;
}

// Pages about the reports that are not one: the format notice (any year's, reposted), notices on 编制/报送/
// 发布, 公开指南, 工作要点, 统计公报. Told by the page's own title; "…的公告" publishing a report is a report.
// Examples: tests/unit/core/detect.test.ts ("notices are not reports").
const NOTICE_TITLE =
  /(?:通知|通报|函|意见|办法|规定|格式|模板|范本|样表|样式|指南|要点|统计公报|公报|目录|列表|解读|图解)(?:[(（].{0,20}[)）])?$|关于.{0,60}(?:编制|报送|印发|做好|格式|模板)|^转发/;
const NOTICE_DOC_NO = /国办公开办函\s*[〔[(（]\s*20\d{2}\s*[〕\])）]\s*\d+\s*号/;

/**
 * Is this page a notice about the reports rather than a report? `title` is the page's own title (the
 * article heading or <title>), `head` the start of its text. A 文号 of 国办公开办函 counts only when the
 * title is not itself a report's title (reports cite that notice).
 */
export function isNoticeAboutReports(title: string | null, head: string): boolean {
  const t = title ? normalizeText(title).replace(/\s+/g, '') : '';
  if (t && !/公告$|公示$/.test(t) && NOTICE_TITLE.test(t)) return true;
  const titleIsReport = !!t && parseReportTitle(t) !== null;
  return !titleIsReport && NOTICE_DOC_NO.test(head.slice(0, 3000)) && /格式|模板|范本|通知/.test(head.slice(0, 3000));
}

/**
 * Is this string a report's own title ("<机关>2024年度政府信息公开工作年度报告", maybe with a site suffix
 * "_XX政府网")? Enough for "report" on its own — when the body is not there yet or holds no tables, the
 * report says "tables missing" instead of "not a report". News ("我市发布…") names no agency; notices and
 * 解读 pages are told by isNoticeAboutReports.
 */
export function isOwnReportTitle(title: string): TitleInfo | null {
  const t = normalizeText(title)
    .replace(/\s+/g, '')
    .split(/[_|｜]|--|—/)[0]!
    .replace(/[-－]$/, '');
  if (!t || t.length > 80 || NOTICE_TITLE.test(t)) return null;
  const info = parseReportTitle(t);
  if (!info?.agency || !info.year) return null;
  return t.endsWith(info.title.replace(/\s+/g, '')) ? info : null;
}
