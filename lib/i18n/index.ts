// The popup's and the follow-up page's strings, Chinese first, English switchable at run time (the
// extension's own `browser.i18n` follows the browser's language and cannot be switched from a button;
// the manifest strings stay in public/_locales). Keys are ids: tests assert ids and data attributes,
// not this text. `{name}` placeholders are filled from params.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  appName: '勾稽',
  appTagline: '政府信息公开年报核对',
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  loading: '正在读取…',
  // report card
  agency: '机关',
  year: '年度',
  format: '格式',
  pageTitle: '页面标题',
  unknown: '未识别',
  tablesRead: '读取 {read}/{expected}',
  tableFound: '{name}：已读取 {read}/{expected}',
  tableMissing: '{name}：未找到',
  // counts
  countPass: '通过',
  countFail: '不一致',
  countErrors: '处错误',
  countFailingChecks: '项核对不一致',
  errorChecks: '影响 {n} 项核对：',
  countUncertain: '无法判断',
  countsLabel: '核对结果',
  allConsistent: '所有勾稽关系一致。',
  // sections
  failHeading: '不一致（{n}）',
  errorsHeading: '错误（{n} 处，{checks} 项核对不一致）',
  narrativeHeading: '正文与表格（{n}）',
  uncertainHeading: '无法判断（{n}）',
  blankHeading: '空白单元格（{n}）',
  noticesHeading: '提示',
  culprit: '可能出错：{where}，应为 {value}',
  assumedZero: '{n} 个空白单元格按 0 计',
  locate: '在页面中定位',
  flag: '标记跟进',
  flagged: '已标记 · {status}',
  flagNote: '备注（可选）',
  flagSave: '保存标记',
  cancel: '取消',
  flagDone: '已标记，可在跟进清单中查看',
  flagFailed: '标记失败：{error}',
  // non-report
  notReport: '此页不是政府信息公开工作年度报告，或未能自动识别。',
  notReportHint: '如果这确实是年度报告，可以手动检查。',
  noState: '勾稽尚未检查此页。',
  checkPage: '检查此页',
  checking: '正在检查…',
  checkTimeout: '检查没有结果：页面可能仍在加载，请稍后再试。',
  checkFailed: '无法在此页运行：{error}',
  pageError: '检查此页时出错：{error}',
  noTab: '找不到要检查的标签页。',
  // export
  exportJson: '导出 JSON',
  exportCsv: '导出 CSV',
  copy: '复制',
  copied: '已复制 JSON 到剪贴板',
  textCopied: '已复制到剪贴板',
  copyFailed: '复制失败：{error}',
  downloaded: '已导出 {name}',
  feedback: '生成反馈意见',
  feedbackHint: '可粘贴到该机关政务公开信箱的意见文本：',
  feedbackEmpty: '没有需要反馈的不一致。',
  copyText: '复制文本',
  close: '关闭',
  marks: '在页面上显示标记',
  openFlags: '跟进清单',
  // follow-up page
  flagsTitle: '跟进清单',
  flagsCount: '共 {n} 条标记',
  flagsShown: '显示 {shown} / {n} 条',
  filterStatus: '状态',
  filterAgency: '机关',
  filterYear: '年度',
  filterAll: '全部',
  search: '搜索',
  status: '跟进状态',
  note: '备注',
  saveNote: '保存备注',
  noteSaved: '备注已保存',
  openSource: '打开原页面',
  remove: '删除',
  confirmRemove: '确认删除',
  removed: '已删除 1 条标记',
  importJson: '导入 JSON',
  imported: '导入完成：新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条',
  importSkipped: '{n} 条记录无法读取，已跳过：',
  importFailed: '导入失败：{error}',
  problemsHeading: '{n} 条已保存的记录无法读取，已跳过（未删除）：',
  emptyFlags: '还没有标记。在弹出窗口或页面提示中点击“标记跟进”即可添加。',
  emptyFiltered: '没有符合筛选条件的标记。',
  flaggedAt: '标记于 {date}',
  updatedAt: '更新于 {date}',
  cells: '单元格',
  yearSuffix: '{year} 年度',
  reportGroup: '{agency} · {year}',
  noUrl: '（无页面地址）',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'Gouji',
  appTagline: 'Disclosure report auditor',
  switchLang: '中文',
  switchLangLabel: '切换到中文',
  loading: 'Loading…',
  agency: 'Agency',
  year: 'Year',
  format: 'Format',
  pageTitle: 'Page title',
  unknown: 'not recognized',
  tablesRead: 'Read {read}/{expected}',
  tableFound: '{name}: read {read}/{expected}',
  tableMissing: '{name}: not found',
  countPass: 'Pass',
  countFail: 'Inconsistent',
  countErrors: 'errors',
  countFailingChecks: 'Inconsistent checks',
  errorChecks: 'Breaks {n} checks:',
  countUncertain: 'Undecided',
  countsLabel: 'Results',
  allConsistent: 'Every identity holds.',
  failHeading: 'Inconsistent ({n})',
  errorsHeading: 'Errors ({n}; {checks} failing checks)',
  narrativeHeading: 'Text vs. tables ({n})',
  uncertainHeading: 'Undecided ({n})',
  blankHeading: 'Blank cells ({n})',
  noticesHeading: 'Notices',
  culprit: 'Probably wrong: {where}, should be {value}',
  assumedZero: '{n} blank cells counted as 0',
  locate: 'Show on the page',
  flag: 'Flag for follow-up',
  flagged: 'Flagged · {status}',
  flagNote: 'Note (optional)',
  flagSave: 'Save flag',
  cancel: 'Cancel',
  flagDone: 'Flagged; see the follow-up list',
  flagFailed: 'Could not flag: {error}',
  notReport: 'This page is not an annual disclosure report, or it was not recognized.',
  notReportHint: 'If it is one, you can check it by hand.',
  noState: 'Gouji has not checked this page.',
  checkPage: 'Check this page',
  checking: 'Checking…',
  checkTimeout: 'No result: the page may still be loading. Try again shortly.',
  checkFailed: 'Cannot run on this page: {error}',
  pageError: 'Checking this page failed: {error}',
  noTab: 'No tab to check.',
  exportJson: 'Export JSON',
  exportCsv: 'Export CSV',
  copy: 'Copy',
  copied: 'JSON copied to the clipboard',
  textCopied: 'Copied to the clipboard',
  copyFailed: 'Copy failed: {error}',
  downloaded: 'Exported {name}',
  feedback: 'Draft feedback',
  feedbackHint: 'Text (in Chinese) to paste into the agency’s disclosure mailbox:',
  feedbackEmpty: 'Nothing to report.',
  copyText: 'Copy text',
  close: 'Close',
  marks: 'Show marks on the page',
  openFlags: 'Follow-up list',
  flagsTitle: 'Follow-up list',
  flagsCount: '{n} flags',
  flagsShown: 'Showing {shown} of {n}',
  filterStatus: 'Status',
  filterAgency: 'Agency',
  filterYear: 'Year',
  filterAll: 'All',
  search: 'Search',
  status: 'Status',
  note: 'Note',
  saveNote: 'Save note',
  noteSaved: 'Note saved',
  openSource: 'Open source page',
  remove: 'Delete',
  confirmRemove: 'Confirm delete',
  removed: 'Deleted 1 flag',
  importJson: 'Import JSON',
  imported: 'Imported: {added} added, {updated} updated, {unchanged} unchanged',
  importSkipped: '{n} entries could not be read and were skipped:',
  importFailed: 'Import failed: {error}',
  problemsHeading: '{n} stored entries could not be read and were skipped (not deleted):',
  emptyFlags: 'No flags yet. Use “Flag for follow-up” in the popup or in a tooltip on the page.',
  emptyFiltered: 'No flag matches the filters.',
  flaggedAt: 'Flagged {date}',
  updatedAt: 'Updated {date}',
  cells: 'Cells',
  yearSuffix: '{year}',
  reportGroup: '{agency} · {year}',
  noUrl: '(no page address)',
};

const CATALOG: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const s = CATALOG[lang]?.[key] ?? zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Chinese unless the stored choice (or a non-Chinese browser when nothing is stored) says English. */
export function pickLang(stored: unknown, uiLanguage?: string): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  if (uiLanguage && !/^zh\b/i.test(uiLanguage) && /^en\b/i.test(uiLanguage)) return 'en';
  return 'zh';
}

/** storage.local key of the language choice (shared by the popup and the follow-up page). */
export const LANG_KEY = 'gouji:settings:lang';

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  // ISO-like order reads the same in both languages; `lang` is kept for a future localized form.
  void lang;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
