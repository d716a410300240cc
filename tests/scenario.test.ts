// The scenario test: every page in tests/fixtures/ states what the core must find (README there), and this
// test demands an exact match both ways — in happy-dom and again in linkedom, which has no table.rows /
// cells / colSpan. A mismatch prints one readable diff per fixture.
import { describe as group, expect, it } from 'vitest';
import { checkDocument, checkText, quickGate, type Analysis } from '../lib';
import { gateSays } from '../lib/gate';
import { declaredIn, describe, fixtureNames, loadFixture, type Fixture } from './support/fixtures';
import { happyDoc, linkeDoc } from './support/dom';
import { readSeed } from './support/seeds';

const PARSERS = {
  'happy-dom': (f: Fixture) => f.happy(),
  linkedom: (f: Fixture) => f.linkedom(),
} as const;

const names = fixtureNames();

/** Lines of "- missing" / "+ unexpected" between two sets of strings. */
function setDiff(label: string, want: string[], got: string[]): string[] {
  const w = new Set(want);
  const g = new Set(got);
  const out: string[] = [];
  for (const x of [...w].sort()) if (!g.has(x)) out.push(`  ${label} - expected, not found: ${x}`);
  for (const x of [...g].sort()) if (!w.has(x)) out.push(`  ${label} + found, not expected: ${x}`);
  return out;
}

/** Compare what the core found with what the page declares; returns diff lines (empty = match). */
function compare(f: Fixture, doc: Document, a: Analysis): string[] {
  const r = a.report;
  const m = f.meta;
  const diff: string[] = [];
  const detected = r.detected ? 'report' : 'none';
  if (detected !== m.state)
    diff.push(
      `  state: expected ${m.state}, got ${detected} (notices: ${r.notices.map((n) => n.id).join(', ') || '—'})`,
    );
  if (m.state === 'report' && m.format && r.report.format !== m.format)
    diff.push(`  format: expected ${m.format}, got ${r.report.format}`);
  if (m.year !== null && r.report.year !== m.year) diff.push(`  year: expected ${m.year}, got ${r.report.year}`);
  const noticeIds = r.notices.map((n) => n.id);
  for (const id of m.notices)
    if (!noticeIds.includes(id)) diff.push(`  notice: expected "${id}", got ${noticeIds.join(', ') || '—'}`);
  for (const n of r.notices) if (!n.message.trim()) diff.push(`  notice ${n.id} has no message`);
  if (m.tables) {
    const found = (Object.keys(r.tables) as (keyof typeof r.tables)[]).filter((k) => r.tables[k].found);
    diff.push(...setDiff('tables', m.tables, found));
  }

  const declared = declaredIn(doc);
  const anchor = (cells: string[]) => a.elements.get(cells[0]!) ?? null;
  const pairs = (status: 'fail' | 'uncertain') =>
    r.checks
      .filter((c) => c.status === status)
      .map((c) => {
        const el = anchor(c.cells);
        return el ? `${c.id} @ ${describe(el)}` : `${c.id} @ (unanchored: ${c.cells[0]} not on the page)`;
      });
  const want = (list: { id: string; el: Element }[], unanchored: string[]) => [
    ...list.map((d) => `${d.id} @ ${describe(d.el)}`),
    ...unanchored.map((id) => {
      const c = r.checks.find((x) => x.id === id);
      return `${id} @ (unanchored: ${c?.cells[0] ?? '?'} not on the page)`;
    }),
  ];
  diff.push(...setDiff('fail', want(declared.fails, m.failUnanchored), pairs('fail')));
  diff.push(...setDiff('uncertain', want(declared.uncertain, m.uncertainUnanchored), pairs('uncertain')));

  const culprits = new Set<string>();
  for (const c of r.checks) {
    if (!c.culprit) continue;
    culprits.add(`${describe(a.elements.get(c.culprit.field))} = ${c.culprit.suggested} (${c.culprit.field})`);
  }
  const wantCulprits = declared.culprits.map((d) => {
    const field = [...a.elements].find(([, el]) => el === d.el)?.[0] ?? '(cell not read)';
    return `${describe(d.el)} = ${d.suggested} (${field})`;
  });
  diff.push(...setDiff('culprit', wantCulprits, [...culprits]));

  // Cell by cell: each marked value cell is the element the core read that field from, and back.
  if (declared.fields.length) {
    const tableFields = [...a.elements].filter(([f]) => /^(active|active2019|apply|review|litigation)\./.test(f));
    diff.push(
      ...setDiff(
        'cell',
        declared.fields.map((d) => `${d.field} @ ${describe(d.el)}`),
        tableFields.map(([f, el]) => `${f} @ ${describe(el)}`),
      ),
    );
    for (const d of declared.fields) {
      if (d.value === undefined) continue;
      const got = r.values[d.field]?.value;
      if (got !== d.value)
        diff.push(`  value: ${d.field} expected ${d.value}, got ${got === undefined ? '(not read)' : got}`);
    }
  }
  return diff;
}

function failDetails(a: Analysis): string {
  return a.report.checks
    .filter((c) => c.status !== 'pass')
    .map((c) => `    ${c.status} ${c.id}: ${c.message}`)
    .join('\n');
}

group('scenario: every fixture page, exact match both ways', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of names) {
    for (const [parser, parse] of Object.entries(PARSERS)) {
      it(`${name} (${parser})`, () => {
        const f = loadFixture(name);
        const doc = parse(f);
        const a = checkDocument(doc, { url: f.meta.url, now: new Date('2025-03-01T00:00:00Z') });
        const diff = compare(f, doc, a);
        if (diff.length) {
          const msg = `${name} (${parser}) — ${f.meta.source}\n${diff.join('\n')}\n  non-passing checks:\n${failDetails(a) || '    —'}`;
          expect.fail(msg);
        }
        // A blank addend in a decided check is always recorded as an assumption (FORMAT.md §5).
        for (const c of a.report.checks) {
          if (c.status === 'uncertain') continue;
          const blanks = c.cells.slice(1).filter((cell) => a.report.values[cell]?.blank);
          expect(new Set(c.assumedZero ?? []), `${name}: ${c.id} assumedZero`).toEqual(new Set(blanks));
        }
        // Every failing check with a culprit names a cell that was read from this page.
        for (const c of a.report.checks) if (c.culprit) expect(a.elements.has(c.culprit.field)).toBe(true);
      });
    }
  }
});

group('scenario: the content script’s cheap gate lets every report page through', () => {
  // The gate (quickGate over the title and the body's text, as the content script asks it) runs before the
  // engine is loaded; a report page it turns away is never checked at all.
  for (const name of names) {
    const f = loadFixture(name);
    if (f.meta.state !== 'report') continue;
    it(`${name}`, () => {
      const doc = f.linkedom();
      expect(gateSays(doc, quickGate), `title 「${doc.title}」`).toBe(true);
    });
  }
});

group('scenario: fixtures built from a seed read exactly the seed’s values', () => {
  for (const name of names) {
    const f = loadFixture(name);
    if (!f.meta.seed) continue;
    it(`${name} = seed ${f.meta.seed}${Object.keys(f.meta.seedChanges).length ? ' with its declared changes' : ''}`, () => {
      const fromSeed = checkText(readSeed(f.meta.seed!), { url: f.meta.url }).report.values;
      const want: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(fromSeed)) want[k] = v.value;
      for (const [k, v] of Object.entries(f.meta.seedChanges)) {
        if (!(k in want)) throw new Error(`${name}: gouji-seed-changes names ${k}, which the seed does not have`);
        want[k] = v;
      }
      for (const [parser, parse] of Object.entries(PARSERS)) {
        const got: Record<string, number | null> = {};
        const values = checkDocument(parse(f), { url: f.meta.url }).report.values;
        for (const [k, v] of Object.entries(values)) got[k] = v.value;
        // A cell declared blank ("field=") must be read as blank, not as unreadable text.
        for (const [k, v] of Object.entries(f.meta.seedChanges)) {
          if (v === null)
            expect(values[k]?.blank, `${name} (${parser}): ${k} should be blank (raw 「${values[k]?.raw}」)`).toBe(
              true,
            );
        }
        // The seed dump is the reference: a field it lacks is not compared (none of ours lacks one).
        const lines = setDiff(
          'value',
          Object.entries(want).map(([k, v]) => `${k}=${v}`),
          Object.entries(got).map(([k, v]) => `${k}=${v}`),
        );
        if (lines.length)
          expect.fail(`${name} (${parser}) values differ from seed ${f.meta.seed}:\n${lines.join('\n')}`);
      }
      // A seed with tables must give something to compare.
      if (f.meta.tables?.length) expect(Object.keys(want).length).toBeGreaterThan(60);
    });
  }
});

group('scenario: bad input gives a clear message, never a crash', () => {
  const seedPlain = loadFixture('seed000-plain');

  function hugeRows(n: number): string {
    const rows: string[] = [];
    for (let i = 0; i < n; i++)
      rows.push(`<tr><td>${i + 1}</td><td>项目${i}</td><td>${(i * 7) % 1000}</td><td>${(i * 13) % 1000}</td></tr>`);
    return `<table border="1"><tr><th>序号</th><th>名称</th><th>数量</th><th>金额</th></tr>\n${rows.join('\n')}\n<tr><td></td><td>合计</td><td>1</td><td>2</td></tr></table>`;
  }

  // Generated here, not committed: a 10,000-row table, alone and appended to a real report. No timer
  // (speed is a bench figure): the table must be skipped before it is expanded, which the notice says.
  for (const [parser, build] of Object.entries({
    'happy-dom': happyDoc,
    linkedom: (h: string) => linkeDoc(h),
  })) {
    it(`a 10,000-row table alone is not a report (${parser})`, () => {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2024年度统计数据表</title></head><body>${hugeRows(10_000)}</body></html>`;
      const doc = build(html, 'https://www.zs.gov.cn/tjsj/huge.html');
      const a = checkDocument(doc, { url: 'https://www.zs.gov.cn/tjsj/huge.html' });
      expect(a.report.detected).toBe(false);
      expect(a.report.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(a.report.notices.map((n) => n.id)).toContain('extract.table-too-large');
    });

    it(`a report with a 10,000-row table appended still reads its own tables (${parser})`, () => {
      const html = seedPlain.html.replace('</body>', `${hugeRows(10_000)}\n</body>`);
      const doc = build(html, seedPlain.meta.url);
      const a = checkDocument(doc, { url: seedPlain.meta.url });
      expect(a.report.detected).toBe(true);
      expect(a.report.summary.checks).toBe(42);
      expect(a.report.summary.fail).toBe(0);
      expect(a.report.notices.map((n) => n.id)).toContain('extract.table-too-large');
    });
  }

  it('an empty string, a bare text node and an unparseable snippet never throw', () => {
    for (const html of [
      '',
      '   ',
      '<',
      '<table><tr><td colspan="-1" rowspan="NaN">',
      '<html><body><table></table></body></html>',
    ]) {
      for (const doc of [happyDoc(html, 'https://www.zs.gov.cn/x.html'), linkeDoc(html)]) {
        const a = checkDocument(doc, { url: 'https://www.zs.gov.cn/x.html' });
        expect(a.report.detected).toBe(false);
        expect(a.report.notices.map((n) => n.message).join('')).not.toBe('');
      }
    }
  });

  it('checkText copes with empty and garbage text', () => {
    for (const text of ['', '\n\n\n', '|||||', '0 | 0 | 0\n'.repeat(5000)]) {
      const a = checkText(text);
      expect(a.report.detected).toBe(false);
    }
  });

  it('hostile page text reaches the report as text, and no script-looking label becomes a field', () => {
    const f = loadFixture('hostile');
    const a = checkDocument(f.happy(), { url: f.meta.url });
    expect(a.report.detected).toBe(true);
    // The labels carrying "<script>" still name their rows: both rows were read.
    expect(a.report.values['apply.granted.natural_person']?.value).toBe(50);
    expect(a.report.values['apply.new.total']?.value).toBe(189);
    expect(a.report.summary.fail).toBe(0);
  });
});
