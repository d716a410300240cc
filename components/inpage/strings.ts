// Words of the in-page UI, Chinese first. English when the user chose it in the popup (storage key
// LANG_KEY, read by the engine's boot) or, with no choice stored, when the browser's language is
// English (lib/i18n pickLang). Findings' own messages come from the core in Chinese and are shown as
// they are in both.
import { pickLang, type Lang } from '../../lib/i18n';
import type { TableKey } from '../../lib/types';
import { checkTitle, describeField, fieldInWords } from '../../lib/export/labels';
import { TABLES } from '../../lib/schema/tables';

let zh = pickLang(undefined, typeof navigator === 'undefined' ? undefined : navigator.language) === 'zh';

/** Switch the language of the strings below (callers re-render). */
export function setLang(lang: Lang): void {
  zh = lang === 'zh';
  Object.assign(ui, words());
}

function words() {
  return {
    brand: '勾稽',
    status: {
      fail: zh ? '不一致' : 'inconsistent',
      culprit: zh ? '可能出错的格' : 'probable wrong cell',
      uncertain: zh ? '无法判断' : 'undecided',
      warn: zh ? '正文数字存疑' : 'text number questionable',
      zero: zh ? '空白按 0 计' : 'blank counted as 0',
    } as Record<string, string>,
    flag: zh ? '标记跟进' : 'Flag for follow-up',
    flagged: zh ? '已标记' : 'Flagged',
    notePlaceholder: zh ? '备注（可选）' : 'Note (optional)',
    noteLabel: zh ? '跟进备注' : 'Follow-up note',
    save: zh ? '保存标记' : 'Save flag',
    cancel: zh ? '取消' : 'Cancel',
    close: zh ? '关闭' : 'Close',
    flagFailed: zh ? '未能保存标记（扩展后台无响应）' : 'Could not save the flag (extension not responding)',
    needs: (v: number) => (zh ? `应为 ${v}` : `should be ${v}`),
    targetLabel: (key: string, status: string) => `${ui.brand}：${key} ${status}`,
    /** Accessible name of a marked cell: table, row, column, the value shown, the verdict. */
    cellName: (field: string, value: string, verdict: string) => {
      const p = describeField(field, zh ? 'zh' : 'en');
      const table = p.table ? TABLES[p.table].short[zh ? 'zh' : 'en'] : '';
      return zh
        ? `${ui.brand}：${table}${fieldInWords(field, 'zh')}，表中为 ${value}，${verdict}`
        : `${ui.brand}: ${table}, ${fieldInWords(field, 'en')}, shows ${value}, ${verdict}`;
    },
    /** Accessible name of a number in the text that was checked against a table. */
    claimName: (quote: string, verdict: string) =>
      zh ? `${ui.brand}：正文“${quote}”，${verdict}` : `${ui.brand}: text “${quote}”, ${verdict}`,
    blankValue: zh ? '空白' : 'blank',
    gotoText: zh ? '转到正文' : 'Go to the text',
    gotoCell: zh ? '转到表格' : 'Go to the table',
    navLabel: zh ? '勾稽：逐处查看' : 'Gouji: walk the findings',
    navPrev: zh ? '上一处' : 'Previous',
    navNext: zh ? '下一处' : 'Next',
    navPosition: (i: number, n: number) => (zh ? `第 ${i} / ${n} 处` : `${i} of ${n}`),
    navCount: (n: number) => (zh ? `共 ${n} 处` : `${n} findings`),
    navHint: zh ? 'Alt+↓/↑ 或 j/k 切换，Esc 关闭' : 'Alt+↓/↑ or j/k to move, Esc to close',
    verdictNeeds: (v: number) => (zh ? `可能出错的格（应为 ${v}）` : `probable wrong cell (should be ${v})`),
    verdictProse: zh ? '与正文所写数字不一致' : 'contradicted by the text',
    tooltipHint: zh ? '按 Enter 固定提示并操作，Esc 关闭' : 'Enter pins this note, Esc closes it',
  };
}

export const ui = words();

/** `errors`: probable wrong cells + unexplained failing checks (lib/errors.ts); `fail`: failing checks. */
/** `blankUndecided`: of `uncertain`, the checks undecided only because of blanks (said once, in the chip's detail). */
export function chipText(
  checks: number,
  fail: number,
  uncertain: number,
  cellsRead: number,
  errors = fail,
  blankUndecided = 0,
): string {
  if (!checks)
    return zh ? `已读取 ${cellsRead} 项（本表无勾稽关系）` : `${cellsRead} values read (no identities in this table)`;
  const head = zh ? `勾稽关系 ${checks} 项：` : `${checks} identities: `;
  const parts: string[] = [];
  if (fail)
    parts.push(
      zh
        ? `${errors} 处错误（${fail} 项核对不一致）`
        : `${errors} ${errors === 1 ? 'error' : 'errors'} (${fail} failing checks)`,
    );
  else if (uncertain) parts.push(zh ? '未发现不一致' : 'nothing inconsistent');
  if (uncertain && blankUndecided === uncertain)
    parts.push(zh ? `${uncertain} 项因空白无法判断` : `${uncertain} undecided (blank cells)`);
  else if (uncertain) parts.push(zh ? `${uncertain} 项无法判断` : `${uncertain} undecided`);
  if (!parts.length) parts.push(zh ? '全部一致' : 'all consistent');
  return head + parts.join(zh ? '，' : ', ');
}

export const pageChipText = {
  missing: (all: boolean) =>
    zh
      ? `是年度报告，但页面中找不到${all ? '统计表' : '部分统计表'}（可能是图片或附件），无法核对勾稽关系`
      : `A report, but ${all ? 'its tables are' : 'some tables are'} not on the page (images or attachments?): not checked`,
  /** The tables' cause named by the core (its message is Chinese). */
  missingBecause: (cause: string) => (zh ? `是年度报告，未核对勾稽关系：${cause}` : `A report, not checked: ${cause}`),
  /** The page chip of a report whose tables are in a PDF/DOCX attachment: what a click does. */
  openAttachment: () => (zh ? '点击检查附件' : 'click to check it'),
  tableName: (t: TableKey) => TABLES[t].full[zh ? 'zh' : 'en'],
  tooLarge: (cells: number, limit: number) =>
    zh
      ? `页面过大（${cells} 个表格单元格，上限 ${limit}），未进行核对`
      : `Page too large (${cells} table cells, limit ${limit}); not checked`,
  failed: (why: string) => (zh ? `核对出错：${why}` : `Check failed: ${why}`),
  /** The user's 空白按 0 计 option is on (said on every table chip). */
  blankAsZero: () =>
    zh ? '已选“空白按 0 计”：空白单元格均按 0 核对' : '“Blank as 0” is on: blank cells are checked as 0',
  /** The extension was updated or reloaded under an open page: the old marks are gone. */
  updated: () => (zh ? '勾稽已更新，请刷新本页以重新核对' : 'Gouji was updated: reload this page to check it again'),
};

export const findingText = {
  prose: (quote: string, message: string) =>
    zh ? `正文“${quote}”与此格不一致：${message}` : `The text “${quote}” contradicts this cell: ${message}`,
  // Checks named in the report's words ("表三 · “（一）予以公开”行 · 本行合计"), never by id.
  culprit: (suggested: number, explains: string[]) => {
    const names = explains.map((id) => checkTitle(id, [], zh ? 'zh' : 'en'));
    return zh
      ? `可能是这一格出错：若为 ${suggested}，${names.join('、')}都将一致（也可能是合计格出错）`
      : `This cell is probably wrong: with ${suggested}, ${names.join(', ')} would all hold (or a total is wrong)`;
  },
  zero: (checks: string[]) => {
    const names = checks.map((id) => checkTitle(id, [], zh ? 'zh' : 'en'));
    return zh
      ? `此格空白，核对${names.join('、')}时按 0 计入（空白不等于 0）`
      : `This cell is blank; ${names.join(', ')} counted it as 0 (blank is not zero)`;
  },
};
