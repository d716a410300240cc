// Analysis → what the page shows: the attributes to set on the page's own cells, the focusable targets
// (one per marked cell or narrative number) with their findings, and the summary chips. Pure: reads the
// analysis and, for the top-of-article chip, the document's text; writes nothing.
import { ATTR } from '../../lib/contract';
import type { NarrativeClaim, Report, TableKey } from '../../lib/types';
import { tableOfCheck, tableOfField } from '../../lib/schema/fields';
import { TABLE_KEYS } from '../../lib/schema/tables';
import { chipText, findingText, pageChipText, ui } from './strings';
import { groupErrors, withoutCulpritClause } from '../../lib/errors';
import { BLANK_UNDECIDED } from '../../lib/check';
import type { InPageAnalysis } from './types';

export type FindingStatus = 'fail' | 'culprit' | 'uncertain' | 'zero' | 'warn';

export interface Finding {
  /** Check id or narrative claim id: the key flags are stored under. */
  id: string;
  status: FindingStatus;
  /** Chinese, with the arithmetic (from the core, or built here for culprit / blank cells). */
  message: string;
  /** Failing / uncertain checks and fail / warn claims can be flagged for follow-up. */
  flaggable: boolean;
  /** The other end of a text-vs-table contradiction (target key), offered as a link. */
  goto?: string;
}

export interface Target {
  /** Field id ("apply.new.total") or claim id ("narrative:…"). */
  key: string;
  kind: 'cell' | 'claim';
  /** The strongest finding, which decides the icon. */
  severity: FindingStatus;
  findings: Finding[];
  element?: Element;
  claim?: NarrativeClaim;
  range?: Range;
  /** Cells that make up this cell's failing totals: highlighted while it is hovered or focused. */
  related: Element[];
  /** The value the cell would need, when it is the probable culprit. */
  suggested?: number;
  /** The culprit's one sentence ("可能是这一格出错：若为 N，…都将一致"), above its checks in the tooltip. */
  lead?: string;
  /** Accessible name: table, row and column in the report's words, the value shown, the verdict. */
  name?: string;
}

export type ChipLevel = 'ok' | 'fail' | 'uncertain' | 'info' | 'missing' | 'error';

/** A linked file the report view reads: http(s), .pdf or .docx (the background checks the host again). */
export function isCheckableAttachment(href: string): boolean {
  try {
    const u = new URL(href);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /\.(pdf|docx)$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export interface Chip {
  key: string;
  table: TableKey | 'page';
  anchor: Element;
  level: ChipLevel;
  text: string;
  /** Longer text (notices) shown under the chip text. */
  detail?: string[];
  /** Target to jump to when the chip is activated. */
  first?: string;
  /** Position among chips sharing the same anchor (they are laid side by side). */
  slot: number;
  /** What the compact chip shows beside its icon when the full one has no room ("5": errors). */
  short?: string;
  /** A report whose tables are in a linked PDF/DOCX: activating the chip opens it in the report view. */
  attachment?: string;
}

export interface MarkPlan {
  /** Attributes to set on the page's own elements (html[data-gouji-state] is set by the caller). */
  attrs: Map<Element, Record<string, string>>;
  /** Cells that keep their attributes but get no outline (their table's blanks are said once, on its chip). */
  quiet?: Set<Element>;
  targets: Target[];
  chips: Chip[];
}

const SEVERITY: FindingStatus[] = ['fail', 'culprit', 'uncertain', 'warn', 'zero'];

export { tableOfField };

function addWord(rec: Record<string, string>, name: string, word: string): void {
  const words = rec[name] ? rec[name].split(' ') : [];
  if (!words.includes(word)) words.push(word);
  rec[name] = words.join(' ');
}

/** Claims worth marking in the text: contradictions and warnings (pass / info stay quiet). */
export function markableClaims(report: Report): NarrativeClaim[] {
  return report.narrative.filter((c) => c.status === 'fail' || c.status === 'warn');
}

export function claimKey(claim: NarrativeClaim, index: number): string {
  return claim.id ?? `narrative:${index}`;
}

export function planMarks(analysis: InPageAnalysis, doc: Document): MarkPlan {
  const { report, elements } = analysis;
  const attrs = new Map<Element, Record<string, string>>();
  const rec = (el: Element): Record<string, string> => {
    let r = attrs.get(el);
    if (!r) attrs.set(el, (r = {}));
    return r;
  };

  const keys = TABLE_KEYS;
  for (const key of keys) for (const t of analysis.tableElements[key] ?? []) addWord(rec(t), ATTR.table, key);
  for (const [field, el] of elements) rec(el)[ATTR.field] = field;

  // Findings per field, in check order (the core's order: row sums, result sums, balances, review).
  const findings = new Map<string, Finding[]>();
  const related = new Map<string, Set<Element>>();
  const suggested = new Map<string, number>();
  const explains = new Map<string, Set<string>>();
  const push = (field: string, f: Finding) => {
    const list = findings.get(field) ?? [];
    if (!list.some((x) => x.id === f.id && x.status === f.status)) list.push(f);
    findings.set(field, list);
  };

  const grouped = groupedBlankChecks(report);
  for (const check of report.checks) {
    const cells = check.cells.filter((c) => elements.has(c));
    if (check.status === 'fail') {
      for (const c of cells) addWord(rec(elements.get(c)!), ATTR.fail, check.id);
      const total = check.cells[0];
      if (total && elements.has(total)) {
        addWord(rec(elements.get(total)!), ATTR.total, check.id);
        push(total, { id: check.id, status: 'fail', message: check.message, flaggable: true });
        const set = related.get(total) ?? new Set<Element>();
        for (const c of cells.slice(1)) set.add(elements.get(c)!);
        related.set(total, set);
      }
      if (check.culprit && elements.has(check.culprit.field)) {
        const cf = check.culprit.field;
        rec(elements.get(cf)!)[ATTR.culprit] = String(check.culprit.suggested);
        suggested.set(cf, check.culprit.suggested);
        // One sentence for the cell (Target.lead), then each check it breaks with its arithmetic.
        const ex = explains.get(cf) ?? new Set<string>();
        for (const id of check.culprit.explains) ex.add(id);
        explains.set(cf, ex);
        push(cf, {
          id: check.id,
          status: 'culprit',
          message: withoutCulpritClause(check.message),
          flaggable: true,
        });
      }
    } else if (check.status === 'uncertain') {
      for (const c of cells) addWord(rec(elements.get(c)!), ATTR.uncertain, check.id);
      const total = check.cells[0];
      // Undecided only because of blanks, in a table with many: said once by the table's chip, not a "?" per cell.
      if (total && elements.has(total) && !grouped.has(check.id))
        push(total, { id: check.id, status: 'uncertain', message: check.message, flaggable: true });
    }
    for (const z of check.assumedZero ?? []) {
      const el = elements.get(z);
      if (!el) continue;
      addWord(rec(el), ATTR.zero, check.id);
    }
  }
  // A number in the text that contradicts a table: the cell it contradicts is marked too, and each end
  // links to the other.
  markableClaims(report).forEach((claim, i) => {
    if (claim.status !== 'fail' || !claim.field || !elements.has(claim.field)) return;
    const key = claimKey(claim, i);
    addWord(rec(elements.get(claim.field)!), ATTR.prose, key);
    push(claim.field, {
      id: key,
      status: 'fail',
      message: findingText.prose(claim.quote, claim.message),
      flaggable: true,
      goto: key,
    });
  });
  // Blank cells: one explanation per cell listing every check that counted it as 0.
  for (const r of attrs.values()) {
    const z = r[ATTR.zero];
    const field = r[ATTR.field];
    if (z && field)
      push(field, { id: `zero:${field}`, status: 'zero', message: findingText.zero(z.split(' ')), flaggable: false });
  }

  // Cells of a table whose blanks are said once (its chip): no outline of their own when all they carry is
  // an undecided-because-blank check or a blank counted as 0 — a 2019 report would be a grid of dotted boxes.
  const quiet = new Set<Element>();
  const quietTables = new Set([...grouped].map((id) => tableOfCheck({ id })));
  // With 空白按 0 计 on, every blank is 0 by the user's choice: blank cells get no outline of their own either.
  const asZero = !!report.options?.blankAsZero;
  for (const [el, r] of attrs) {
    const field = r[ATTR.field];
    if (!field || (!asZero && !quietTables.has(tableOfField(field)))) continue;
    if (r[ATTR.fail] || r[ATTR.total] || r[ATTR.culprit] || r[ATTR.prose]) continue;
    if ((r[ATTR.uncertain] ?? '').split(' ').every((id) => !id || grouped.has(id))) quiet.add(el);
  }

  const targets: Target[] = [];
  for (const [field, el] of elements) {
    const list = findings.get(field);
    if (!list?.length) continue;
    list.sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status));
    const entry = report.values[field];
    const shown = !entry || entry.blank ? ui.blankValue : entry.raw;
    const need = suggested.get(field);
    const verdict = need !== undefined ? ui.verdictNeeds(need) : (ui.status[list[0]!.status] ?? '');
    targets.push({
      key: field,
      kind: 'cell',
      severity: list[0]!.status,
      findings: list,
      element: el,
      related: [...(related.get(field) ?? [])],
      suggested: need,
      ...(need !== undefined ? { lead: findingText.culprit(need, [...(explains.get(field) ?? [])]) } : {}),
      name: ui.cellName(field, shown, verdict),
    });
  }

  markableClaims(report).forEach((claim, i) => {
    const range = analysis.claimRange(claim);
    if (!range) return;
    const status: FindingStatus = claim.status === 'fail' ? 'fail' : 'warn';
    const key = claimKey(claim, i);
    targets.push({
      key,
      kind: 'claim',
      severity: status,
      findings: [
        {
          id: key,
          status,
          message: claim.message,
          flaggable: true,
          ...(status === 'fail' && claim.field && elements.has(claim.field) ? { goto: claim.field } : {}),
        },
      ],
      claim,
      range,
      related: claim.field && elements.has(claim.field) ? [elements.get(claim.field)!] : [],
      name: ui.claimName(claim.quote, `${ui.status[status] ?? ''}：${claim.message}`),
    });
  });

  return { attrs, targets, chips: planChips(analysis, targets, doc, grouped), quiet };
}

/** From this many checks in one table undecided only because of blanks, they are one notice on the chip. */
export const GROUP_BLANKS_FROM = 3;

/** Ids of the checks said by their table's `blanks-undecided.<table>` notice instead of one mark each. */
export function groupedBlankChecks(report: Report): Set<string> {
  const out = new Set<string>();
  for (const key of TABLE_KEYS) {
    if (!report.notices.some((n) => n.id === `blanks-undecided.${key}`)) continue;
    const ids = report.checks
      .filter((c) => c.status === 'uncertain' && BLANK_UNDECIDED.has(c.messageId ?? '') && tableOfCheck(c) === key)
      .map((c) => c.id);
    if (ids.length >= GROUP_BLANKS_FROM) for (const id of ids) out.add(id);
  }
  return out;
}

function planChips(
  analysis: InPageAnalysis,
  targets: Target[],
  doc: Document,
  grouped: ReadonlySet<string> = new Set(),
): Chip[] {
  const { report } = analysis;
  const chips: Chip[] = [];
  const slots = new Map<Element, number>();
  const slot = (el: Element) => {
    const n = slots.get(el) ?? 0;
    slots.set(el, n + 1);
    return n;
  };
  for (const key of TABLE_KEYS) {
    const anchor = analysis.tableElements[key]?.[0];
    if (!anchor || !report.tables[key]?.found) continue;
    const checks = report.checks.filter((c) => tableOfCheck(c) === key);
    const fail = checks.filter((c) => c.status === 'fail').length;
    const uncertain = checks.filter((c) => c.status === 'uncertain').length;
    const level: ChipLevel = fail ? 'fail' : uncertain ? 'uncertain' : checks.length ? 'ok' : 'info';
    const errors = groupErrors({ checks, narrative: [] }).length;
    const first = targets.find((t) => t.kind === 'cell' && tableOfField(t.key) === key && t.severity !== 'zero');
    // The table's blanks, said once (lib/check.ts blankNotices), and the 空白按 0 计 option when it is on.
    const blankNotes = report.notices
      .filter((n) => n.id === `blanks-undecided.${key}` || n.id === `blank-as-zero.${key}`)
      .map((n) => n.message);
    if (report.options?.blankAsZero && !blankNotes.length) blankNotes.push(pageChipText.blankAsZero());
    chips.push({
      key: `table:${key}`,
      table: key,
      anchor,
      level,
      text: chipText(
        checks.length,
        fail,
        uncertain,
        report.tables[key].cellsRead,
        errors,
        checks.filter((c) => grouped.has(c.id)).length,
      ),
      short: fail ? String(errors) : uncertain ? String(uncertain) : undefined,
      ...(blankNotes.length ? { detail: blankNotes } : {}),
      first: first?.key,
      slot: slot(anchor),
    });
  }

  const missing = TABLE_KEYS.filter((k) => !report.tables[k]?.found);
  if (report.detected && missing.length) {
    // The tables by name, then what the core adds (its "tables-missing" notice says the same as the chip).
    // A named cause (表格在附件《…》中 / 表格为图片, lib/causes.ts) replaces the chip's generic guess.
    const cause = report.notices.find((n) => n.id === 'tables-in-attachment' || n.id === 'tables-as-images');
    const notices = report.notices
      .filter((n) => n.level !== 'info' && n.id !== 'tables-missing' && n !== cause)
      .map((n) => n.message);
    const anchor = articleAnchor(doc, report.source.title);
    const attachment =
      cause?.id === 'tables-in-attachment' && cause.href && isCheckableAttachment(cause.href) ? cause.href : undefined;
    chips.push({
      key: 'page',
      table: 'page',
      anchor,
      level: 'missing',
      text:
        (cause && missing.length === 3
          ? pageChipText.missingBecause(cause.message)
          : pageChipText.missing(missing.length === 3)) + (attachment ? ` — ${pageChipText.openAttachment()}` : ''),
      detail: [...missing.map((t) => pageChipText.tableName(t)), ...notices],
      slot: slot(anchor),
      ...(attachment ? { attachment } : {}),
    });
  }
  return chips;
}

/** Chip for a page that could not be checked (state `error`), at the top of the article. */
export function errorChip(doc: Document, message: string): Chip {
  return { key: 'page', table: 'page', anchor: articleAnchor(doc, doc.title), level: 'error', text: message, slot: 0 };
}

/**
 * Where "the top of the article" is: the element holding the report's title (its heading), else the
 * one holding "一、总体情况", else <body>. Seed 001 (tables missing) has both. One text walk, only on
 * report pages without tables.
 */
export function articleAnchor(doc: Document, title: string | null): Element {
  const body = doc.body ?? doc.documentElement;
  const want = (title ?? '').replace(/[\s_\-|–—].*$/, '').trim();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let overview: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    const parent = n.parentElement;
    if (!parent || parent.closest('script,style,noscript,title')) continue;
    if (want.length >= 6 && text.includes(want) && parent.closest('h1,h2,h3,h4,[class*="title" i],[id*="title" i]'))
      return parent;
    if (!overview && /一\s*[、.．]\s*总体情况/.test(text)) overview = parent;
  }
  return overview ?? body;
}
