// Shared fixture loader for the scenario test and the e2e suites. Plain Node (no vitest globals): it
// reads tests/fixtures/<name>.html, parses the page's own expectations (tests/fixtures/README.md), and
// builds the page as a Document with happy-dom or with linkedom. Nothing here touches the network:
// happy-dom runs no page script and loads no CSS, script or image file.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { happyDoc, linkeDoc } from './dom';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export type ExpectState = 'report' | 'none';
export type TableKey = 'active' | 'apply' | 'review';

export interface FixtureMeta {
  source: string | null;
  /** The gov.cn address the page pretends to live at (serve it there in e2e). */
  url: string;
  state: ExpectState;
  format: string | null;
  /** Tables that must be found; null when the page does not say. */
  tables: TableKey[] | null;
  /** Seed id ("000_dc3f67fcb14f95e4") whose text must yield the same values. */
  seed: string | null;
  /** Injected changes: field → value (null = blank). */
  seedChanges: Record<string, number | null>;
  /** Checks whose checked cell is not on the page (broken markup). */
  failUnanchored: string[];
  uncertainUnanchored: string[];
  /** The report's year (from its title). */
  year: number | null;
  /** Notice ids the report must carry (a subset: others may be there too). */
  notices: string[];
}

export interface Fixture {
  name: string;
  file: string;
  html: string;
  meta: FixtureMeta;
  /** A fresh happy-dom Document (has table.rows / colSpan). */
  happy(): Document;
  /** A fresh linkedom Document (no table.rows / cells / colSpan: proves the core reads attributes). */
  linkedom(): Document;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Read `<meta name="gouji-…" content="…">` with a regex: the meta must be readable without a DOM. */
export function parseMeta(html: string, name = '?'): FixtureMeta {
  const m = new Map<string, string>();
  for (const x of html.matchAll(/<meta\s+name="(gouji-[a-z-]+)"\s+content="([^"]*)"\s*\/?>/g))
    m.set(x[1]!, decode(x[2]!));
  const state = m.get('gouji-expect-state');
  if (state !== 'report' && state !== 'none')
    throw new Error(`fixture ${name}: <meta name="gouji-expect-state"> must be report or none, found ${state}`);
  const url = m.get('gouji-fixture-url');
  if (!url) throw new Error(`fixture ${name}: <meta name="gouji-fixture-url"> is missing`);
  const tables = m.has('gouji-expect-tables')
    ? (m.get('gouji-expect-tables')!.split(/\s+/).filter(Boolean) as TableKey[])
    : null;
  const seedChanges: Record<string, number | null> = {};
  for (const c of (m.get('gouji-seed-changes') ?? '').split(/\s+/).filter(Boolean)) {
    const i = c.indexOf('=');
    if (i < 0) throw new Error(`fixture ${name}: bad gouji-seed-changes entry "${c}" (want field=value)`);
    const v = c.slice(i + 1);
    seedChanges[c.slice(0, i)] = v === '' ? null : Number(v);
  }
  const list = (k: string) => (m.get(k) ?? '').split(/\s+/).filter(Boolean);
  return {
    source: m.get('gouji-fixture-source') ?? null,
    url,
    state,
    format: m.get('gouji-expect-format') ?? null,
    tables,
    seed: m.get('gouji-seed') ?? null,
    seedChanges,
    failUnanchored: list('gouji-expect-fail-unanchored'),
    uncertainUnanchored: list('gouji-expect-uncertain-unanchored'),
    notices: list('gouji-expect-notices'),
    year: m.has('gouji-expect-year') ? Number(m.get('gouji-expect-year')) : null,
  };
}

export function loadFixture(name: string): Fixture {
  const file = join(FIXTURE_DIR, name.endsWith('.html') ? name : `${name}.html`);
  const html = readFileSync(file, 'utf8');
  const meta = parseMeta(html, name);
  return {
    name: name.replace(/\.html$/, ''),
    file,
    html,
    meta,
    happy: () => happyDoc(html, meta.url),
    linkedom: () => linkeDoc(html),
  };
}

// ---------------------------------------------------------------- expectations declared in the page

export interface DeclaredCheck {
  id: string;
  el: Element;
}

export interface Declared {
  fails: DeclaredCheck[];
  uncertain: DeclaredCheck[];
  culprits: { el: Element; suggested: number }[];
  /** Value cells marked data-expect-field (and data-expect-value on pages not built from a seed). */
  fields: { field: string; el: Element; value?: number | null }[];
}

/** The data-expect / data-expect-uncertain / data-expect-culprit marks of a parsed page. */
export function declaredIn(doc: Document): Declared {
  const ids = (el: Element, attr: string) =>
    (el.getAttribute(attr) ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => ({ id, el }));
  const all = (sel: string) => Array.from(doc.querySelectorAll(sel)) as Element[];
  return {
    fails: all('[data-expect]').flatMap((el) => ids(el, 'data-expect')),
    uncertain: all('[data-expect-uncertain]').flatMap((el) => ids(el, 'data-expect-uncertain')),
    culprits: all('[data-expect-culprit]').map((el) => ({
      el,
      suggested: Number(el.getAttribute('data-expect-culprit')),
    })),
    fields: all('[data-expect-field]').map((el) => {
      const v = el.getAttribute('data-expect-value');
      return {
        field: el.getAttribute('data-expect-field')!,
        el,
        ...(v === null ? {} : { value: v === '' ? null : Number(v) }),
      };
    }),
  };
}

/**
 * A readable, parser-independent name for an element: "table#3 tr#12 td#4 「161」" (indexes among all
 * tables / the table's rows / the row's cells, by tag name, so happy-dom and linkedom agree).
 */
export function describe(el: Element | null | undefined): string {
  if (!el) return '(no element)';
  const doc = el.ownerDocument;
  const table = el.closest('table');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
  if (!table) return `<${el.tagName.toLowerCase()}> 「${text}」`;
  const tables = Array.from(doc.querySelectorAll('table'));
  const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
  const tr = el.closest('tr');
  const cells = tr ? Array.from(tr.children).filter((c) => /^(TD|TH)$/i.test(c.tagName)) : [];
  return `table#${tables.indexOf(table)} tr#${tr ? rows.indexOf(tr) : -1} ${el.tagName.toLowerCase()}#${cells.indexOf(el)} 「${text}」`;
}
