// Issue #13: a footnote mark in one cell ("158*", "※", "①") dropped the row, and the text-vs-table check
// then reported a false ✗. The cell is the number plus a note.
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../../lib/normalize/number';
import { checkText } from '../../../lib/check';
import { seedText } from '../../support/seeds';

describe('footnote marks next to a number', () => {
  it('parseCell reads the number and keeps the mark as a note', () => {
    expect(parseCell('158*')).toMatchObject({ kind: 'number', value: 158, note: '*' });
    expect(parseCell('158＊')).toMatchObject({ kind: 'number', value: 158, note: '*' });
    expect(parseCell('158※')).toMatchObject({ kind: 'number', value: 158, note: '※' });
    expect(parseCell('※158')).toMatchObject({ kind: 'number', value: 158, note: '※' });
    expect(parseCell('158①')).toMatchObject({ kind: 'number', value: 158, note: '①' });
    expect(parseCell('158 ①')).toMatchObject({ kind: 'number', value: 158, note: '①' });
    expect(parseCell('12.5万元*')).toMatchObject({ kind: 'number', value: 12.5, unit: '万元', note: '*' });
    expect(parseCell('1,234[1]')).toMatchObject({ kind: 'number', value: 1234, note: '[1]' });
    // Marks alone, or text with a mark, stay what they were.
    expect(parseCell('※').kind).toBe('text');
    expect(parseCell('*').kind).toBe('text');
    expect(parseCell('见注①').kind).toBe('text');
    expect(parseCell('158').note).toBeUndefined();
  });

  it.each(['*', '※', '①'])('a report whose (七)总计 cell reads "161%s" checks as consistent, the note kept', (mark) => {
    const text = seedText('000').replace(/\(七\)总计\n\n161\n/, `(七)总计\n\n161${mark}\n`);
    expect(text).toContain(`161${mark}`);
    const r = checkText(text, {}).report;
    expect(r.summary).toMatchObject({ checks: 42, fail: 0 });
    expect(r.narrative.filter((n) => n.status === 'fail')).toEqual([]);
    const entry = Object.entries(r.values).find(([, v]) => v.raw.includes(mark))!;
    expect(entry[1]).toMatchObject({ value: 161, note: mark });
  });
});
