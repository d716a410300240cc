// Words of the in-page UI, from the one string system (lib/i18n) and the findings renderer
// (lib/rules/render.ts). Chinese first; English when the user chose it in the popup (storage key LANG_KEY,
// read and followed live by the engine's boot) or, with no choice stored, when the browser's language is
// English (pickLang). Findings' messages are rendered in the same language.
import { pickLang, t, type Lang, type PageKey } from '../../lib/i18n/page';
import type { TableKey } from '../../lib/types';
import { checkTitle, describeField } from '../../lib/export/labels';
import { cellInWords, stateName, verdictText } from '../../lib/rules/render';
import { TABLES } from '../../lib/schema/tables';

let lang: Lang = pickLang(undefined, typeof navigator === 'undefined' ? undefined : navigator.language);

/** The in-page view's language now (the findings are rendered in it). */
export function currentLang(): Lang {
  return lang;
}

/** Switch the language of the strings below (callers re-render). */
export function setLang(next: Lang): void {
  lang = next;
  Object.assign(ui, words());
}

const w = (key: PageKey, params?: Record<string, string | number>) => t(lang, key, params);

function words() {
  return {
    brand: w('page.brand'),
    /** A target's verdict, one word per state (lib/rules/render.ts stateName). */
    status: {
      fail: stateName('fail', lang),
      culprit: stateName('culprit', lang),
      uncertain: stateName('uncertain', lang),
      warn: stateName('warn', lang),
      zero: stateName('zero', lang),
    } as Record<string, string>,
    flag: w('flag'),
    flagged: w('page.flagged'),
    notePlaceholder: w('flagNote'),
    noteLabel: w('page.noteLabel'),
    save: w('flagSave'),
    cancel: w('cancel'),
    close: w('close'),
    flagFailed: w('page.flagFailed'),
    needs: (v: number) => w('page.needs', { value: v }),
    targetLabel: (key: string, status: string) => w('page.targetLabel', { key, status }),
    /** Accessible name of a marked cell: table, row, column, the value shown, the verdict. */
    cellName: (field: string, value: string, verdict: string) => {
      const p = describeField(field, lang);
      return w('page.cellName', {
        table: p.table ? TABLES[p.table].short[lang] : '',
        place: cellInWords(field, lang),
        value,
        verdict,
      });
    },
    /** Accessible name of a number in the text that was checked against a table. */
    claimName: (quote: string, verdict: string) => w('page.claimName', { quote, verdict }),
    /** "<state>：<message>", the verdict part of a claim's accessible name. */
    claimVerdict: (state: string, message: string) => w('page.claimVerdict', { state, message }),
    blankValue: w('cell.blankWord'),
    gotoText: w('page.gotoText'),
    gotoCell: w('page.gotoCell'),
    navLabel: w('page.navLabel'),
    navPrev: w('page.navPrev'),
    navNext: w('page.navNext'),
    navPosition: (i: number, n: number) => w('page.navPosition', { i, n }),
    navCount: (n: number) => w('page.navCount', { n }),
    navHint: w('page.navHint'),
    verdictNeeds: (v: number) => w('page.verdictNeeds', { value: v }),
    verdictProse: w('page.verdictProse'),
    tooltipHint: w('page.tooltipHint'),
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
  if (!checks) return w('verdict.noChecks', { n: cellsRead });
  const blankOnly = uncertain > 0 && blankUndecided === uncertain;
  return (
    w('verdict.head', { n: checks }) +
    verdictText({ errors: fail ? errors : 0, failing: fail, uncertain, blankOnly }, lang)
  );
}

export const pageChipText = {
  missing: (all: boolean) => w(all ? 'page.missingAll' : 'page.missingSome'),
  /** The tables' cause named by the core, rendered in the view's language (lib/rules/render.ts renderNotice). */
  missingBecause: (cause: string) => w('page.missingBecause', { cause }),
  /** The page chip of a report whose tables are in a PDF/DOCX attachment: what a click does. */
  openAttachment: () => w('page.openAttachment'),
  /** The page chip of a report whose tables are in a .doc/.wps/.xls/.ofd attachment: what to do first. */
  saveAs: () => w('page.saveAs'),
  tableName: (key: TableKey) => TABLES[key].full[lang],
  tooLarge: (cells: number, limit: number) => w('page.tooLarge', { cells, limit }),
  failed: (why: string) => w('page.failed', { why }),
  t2sMissing: () => w('page.t2sMissing'),
  /** The user's 空白按 0 计 option is on (said on every table chip). */
  blankAsZero: () => w('page.blankAsZero'),
  /** The extension was updated or reloaded under an open page: the old marks are gone. */
  updated: () => w('page.updated'),
};

export const findingText = {
  prose: (quote: string, message: string) => w('claim.prose', { quote, message }),
  // Checks named in the report's words ("表三 · “（一）予以公开”行 · 本行合计"), never by id.
  culprit: (suggested: number, explains: string[]) =>
    w('culprit.cell', {
      value: suggested,
      checks: explains.map((id) => checkTitle(id, [], lang)).join(t(lang, 'list.sep')),
    }),
  /** This year's 上年结转 against the previous report's 结转下年度 (apply.year-over-year), both numbers in words. */
  yoy: (status: 'fail' | 'uncertain', year: number, actual: number | null, expected: number | null) =>
    status === 'fail'
      ? w('yoy.fail', { year, actual: actual ?? '', expected: expected ?? '' })
      : w('yoy.uncertain', { year }),
  /** The table chip's line on the cross-year check. */
  yoyChip: (status: 'pass' | 'fail' | 'uncertain', year: number, n: number) =>
    w(status === 'pass' ? 'yoy.chipPass' : status === 'fail' ? 'yoy.chipFail' : 'yoy.chipUncertain', { year, n }),
  /** Appended to the 表三 chip's text when this year's 上年结转 differs from last year's 结转下年度. */
  yoyChipShort: (year: number, n: number) => w('yoy.chipShort', { year, n }),
  openPrevious: (year: number) => w('yoy.openPrevious', { year }),
  zero: (checks: string[]) =>
    w('zero.cell', { checks: checks.map((id) => checkTitle(id, [], lang)).join(t(lang, 'list.sep')) }),
};
