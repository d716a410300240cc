// The body that published a report, in full. In order (issue #11): the page's metadata row
// ("发布机构：江门市新会区自然资源局" — gov.cn article pages print 索引号 / 发布机构 / 成文日期 above the text),
// `<meta name="ContentSource">`, then the title (lib/detect.parseReportTitle), then the heading. The
// title often shortens the name ("新会区自然资源局2023年…", "双鸭山市2024年…"); the metadata row says it whole.

import { normalizeText } from './normalize/text';
import { isTraditionalCode, simplifyChar } from './normalize/t2s';

// What an agency's name ends with. A value that ends otherwise ("本网", a date, a site name) is not taken.
const AGENCY_END =
  /(?:人民政府|政府|办公室|办公厅|局|委员会|委|厅|院|中心|办|所|署|处|部|会|站|队|馆|镇|乡|街道|街道办事处|管委会|管理委员会|集团|公司|学校|大学|研究所|法院|检察院)$/;
const LABELS = /(?:发布机构|发文机关|发文单位|发布单位|发布机关)\s*[:：]\s*/g;
// Labels that follow the agency in the same metadata table, glued to it by textContent.
const NEXT_LABEL =
  /(?:成文日期|发文日期|发布日期|生成日期|公开日期|印发日期|文号|发文字号|索引号|主题分类|分类|名称|标题|主题词|时效|有效性|公开方式|来源|[:：\s|｜/]).*$/;

/** A plausible full agency name: Han characters (and brackets), 3–40 of them, ending like an agency. */
export function isAgencyName(s: string | null | undefined): s is string {
  if (!s) return false;
  if (!/^[\u3400-\u9fff（）()·]{3,40}$/.test(s)) return false;
  if (/^(?:本|我)/.test(s)) return false;
  return AGENCY_END.test(s);
}

const RUBY_LETTERS = /([\u3400-\u9fff])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}/g;

function clean(s: string): string {
  return s
    .replace(NEXT_LABEL, '')
    .replace(/^[()（）]+/, '')
    .trim();
}

// What normalizeText removes between two characters of a label: inline pinyin "(fā)" / "（fā）" and ruby
// letters "fā" (stripPinyin, RUBY_LETTERS). Whitespace is not removed (collapse keeps a space, which no
// label has), so it ends the skip.
const PINYIN_CHAR = /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ()（）]/;

/** Whether the character after a 发 at `i` (past any pinyin) simplifies to 布 or 文: a label could start. */
function labelCanFollow(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 20);
  while (i < end && PINYIN_CHAR.test(text[i]!)) i++;
  if (i >= text.length) return false;
  const ch = text[i]!;
  if (ch === '布' || ch === '文') return true;
  if (!isTraditionalCode(ch.charCodeAt(0))) return false;
  const next = simplifyChar(ch);
  return next === '布' || next === '文';
}

/**
 * "发布机构：X" / "发文机关：X" in the page's text (the first 40,000 characters: the row sits above the
 * article). Only short windows are normalized (繁體, pinyin), never the whole text.
 */
export function agencyFromMetaRow(text: string): string | null {
  const head = text.length > 40_000 ? text.slice(0, 40_000) : text;
  // Traditional characters and inline pinyin ("發(fā)布機(jī)構(gòu)：") are normalized per window.
  for (const m of head.matchAll(/[发發]/g)) {
    // Every label starts 发布 or 发文: a 发 followed by anything else (发展, 发生 …, most of them) cannot
    // start one, and its window is not normalized.
    if (!labelCanFollow(head, m.index + 1)) continue;
    // <ruby> pinyin reads as bare letters in textContent ("發fā布機jī構gòu").
    const window = normalizeText(head.slice(m.index, m.index + 120).replace(RUBY_LETTERS, '$1'));
    LABELS.lastIndex = 0;
    const hit = LABELS.exec(window);
    if (!hit || hit.index !== 0) continue;
    const value = clean(window.slice(hit[0].length));
    if (isAgencyName(value)) return value;
  }
  return null;
}

/** `<meta name="ContentSource">` values, the first that reads as an agency name. */
export function agencyFromSources(sources: readonly string[]): string | null {
  for (const s of sources) {
    const v = clean(normalizeText(s));
    if (isAgencyName(v)) return v;
  }
  return null;
}
