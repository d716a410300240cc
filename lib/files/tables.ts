// The three tables as a report was read, rebuilt from its values alone (any input: page, text, PDF, DOCX):
// rows and columns named in the report's own words (lib/export/labels), each value cell with the marks the
// in-page view would give it. Used by the report view ("查看读取的表格") and its tab-separated copy.

import { describeField, TABLE_NAMES } from '../export/labels';
import { t, type Lang } from '../i18n';
import type { Report, TableKey } from '../types';

export interface CleanCell {
  field: string;
  raw: string;
  blank: boolean;
  /** Failing check ids this cell takes part in. */
  fail: string[];
  uncertain: string[];
  /** The value the probable culprit would need. */
  culprit?: number;
}

export interface CleanTable {
  key: TableKey;
  name: string;
  columns: string[];
  rows: { label: string; cells: (CleanCell | null)[] }[];
}

/** The tables as read, named in `lang` (Chinese by default: the report's own words). */
export function cleanTables(report: Report, lang: Lang = 'zh'): CleanTable[] {
  const marks = new Map<string, { fail: string[]; uncertain: string[]; culprit?: number }>();
  const mark = (f: string) => {
    let m = marks.get(f);
    if (!m) marks.set(f, (m = { fail: [], uncertain: [] }));
    return m;
  };
  for (const c of report.checks) {
    if (c.status === 'fail') for (const f of c.cells) mark(f).fail.push(c.id);
    if (c.status === 'uncertain') for (const f of c.cells) mark(f).uncertain.push(c.id);
    if (c.status === 'fail' && c.culprit) mark(c.culprit.field).culprit = c.culprit.suggested;
  }
  const out: CleanTable[] = [];
  for (const key of ['active', 'apply', 'review'] as TableKey[]) {
    if (!report.tables[key].found) continue;
    const columns: string[] = [];
    const rows = new Map<string, Map<string, CleanCell>>();
    for (const [field, v] of Object.entries(report.values)) {
      const place = describeField(field, lang);
      if (place.table !== key) continue;
      const col = place.column || t(lang, 'table.valueColumn');
      if (!columns.includes(col)) columns.push(col);
      let row = rows.get(place.row);
      if (!row) rows.set(place.row, (row = new Map()));
      const m = marks.get(field);
      row.set(col, {
        field,
        raw: v.raw,
        blank: !!v.blank,
        fail: m?.fail ?? [],
        uncertain: m?.uncertain ?? [],
        culprit: m?.culprit,
      });
    }
    out.push({
      key,
      name: TABLE_NAMES[key][lang],
      columns,
      rows: [...rows].map(([label, cells]) => ({ label, cells: columns.map((c) => cells.get(c) ?? null) })),
    });
  }
  return out;
}

/** Tab-separated text that pastes into a spreadsheet as a grid (header row, then one line per row). */
export function tableTsv(t: CleanTable): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = [['', ...t.columns].map(clean).join('\t')];
  for (const r of t.rows) lines.push([r.label, ...r.cells.map((c) => (c ? c.raw : ''))].map(clean).join('\t'));
  return lines.join('\n') + '\n';
}
