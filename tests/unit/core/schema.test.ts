// Every report the core produces (seeds, samples, fixtures) validates against docs/report.schema.json.
// A small validator for the subset of JSON Schema the file uses (type, const, enum, required, properties,
// additionalProperties, items, minItems, maxItems, pattern, $ref) — enough to catch a drifting contract.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument, checkText } from '../../../lib/check';
import type { Report } from '../../../lib/types';
import { linkeDoc } from '../../support/dom';
import { seedFiles, seedText } from '../../support/seeds';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '../../..');
type S = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8')) as S;

function typeOk(t: string, v: unknown): boolean {
  if (t === 'null') return v === null;
  if (t === 'integer') return Number.isInteger(v);
  if (t === 'array') return Array.isArray(v);
  if (t === 'object') return typeof v === 'object' && v !== null && !Array.isArray(v);
  return typeof v === t;
}

/**
 * `closed`: an object whose schema lists its properties may hold no other (the report carries nothing the
 * schema does not describe — the schema file itself stays open to additions within gouji/report@1).
 */
export function validate(s: S, v: unknown, path = '$', errors: string[] = [], closed = false): string[] {
  if (s.$ref) return validate((schema.$defs as S)[(s.$ref as string).split('/').pop()!] as S, v, path, errors, closed);
  if (s.const !== undefined && v !== s.const) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (s.enum && !(s.enum as unknown[]).includes(v)) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
  if (s.type) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => typeOk(t, v)))
      errors.push(`${path}: expected ${types.join('|')}, got ${JSON.stringify(v)?.slice(0, 40)}`);
  }
  if (typeof v === 'string' && s.pattern && !new RegExp(s.pattern as string).test(v))
    errors.push(`${path}: ${v} does not match ${s.pattern}`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < (s.minItems as number)) errors.push(`${path}: too few items`);
    if (s.maxItems !== undefined && v.length > (s.maxItems as number)) errors.push(`${path}: too many items`);
    if (s.items) v.forEach((x, i) => validate(s.items as S, x, `${path}[${i}]`, errors, closed));
  } else if (typeof v === 'object' && v !== null) {
    const o = v as S;
    for (const k of (s.required as string[]) ?? []) if (!(k in o)) errors.push(`${path}: missing ${k}`);
    const props = (s.properties as S) ?? {};
    for (const [k, x] of Object.entries(o)) {
      if (props[k]) validate(props[k] as S, x, `${path}.${k}`, errors, closed);
      else if (s.additionalProperties === false || (closed && s.properties && s.additionalProperties === undefined))
        errors.push(`${path}: unexpected ${k}`);
      else if (typeof s.additionalProperties === 'object')
        validate(s.additionalProperties as S, x, `${path}.${k}`, errors, closed);
    }
  }
  return errors;
}

describe('docs/report.schema.json', () => {
  it('rejects a broken report (the validator can fail)', () => {
    const r = checkText(seedText('000')).report as unknown as S;
    expect(validate(schema, { ...r, schema: 'x', extra: 1 })).toEqual([
      '$: expected "gouji/report@1"'.replace('$', '$.schema'),
      '$: unexpected extra',
    ]);
  });
  it.each(seedFiles())('seed %s validates', (f) => {
    expect(validate(schema, checkText(seedText(f.slice(0, 3))).report, '$', [], true)).toEqual([]);
  });
  const dirs = ['assets/samples', 'tests/fixtures'].map((d) => join(ROOT, d)).filter(existsSync);
  const pages = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(d, f)),
  );
  it.each(pages)('%s validates', (file) => {
    const r = checkDocument(linkeDoc(readFileSync(file, 'utf8')), { url: 'http://www.example.gov.cn/x.html' }).report;
    expect(validate(schema, JSON.parse(JSON.stringify(r)), '$', [], true)).toEqual([]);
  });

  it('closed: a property the schema does not list, inside a claim or a check, is an error', () => {
    const r = JSON.parse(JSON.stringify(checkText(seedText('004')).report)) as Report;
    expect(r.narrative.length).toBeGreaterThan(0);
    (r.narrative[0] as unknown as S).extra = 1;
    (r.checks[0] as unknown as S).internal = true;
    expect(validate(schema, r, '$', [], true)).toEqual([
      '$.checks[0]: unexpected internal',
      '$.narrative[0]: unexpected extra',
    ]);
    expect(validate(schema, r)).toEqual([]);
  });
});

describe('reports read from files validate too', () => {
  it('a PDF and a DOCX (tables[].source = pdf / docx)', { timeout: 120_000 }, async () => {
    const { rebuildFile } = await import('../../../lib/files');
    const { docxFromHtml, fixtureHtml, FILES_DIR } = await import('../../fixtures/gen/files');
    const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const [bytes, name] of [
      [new Uint8Array(readFileSync(join(FILES_DIR, 'error-two.pdf'))), 'a.pdf'],
      [docxFromHtml(fixtureHtml('error-two')), 'a.docx'],
    ] as const) {
      const r = await rebuildFile(bytes, name, pdfjs);
      const report = checkDocument(linkeDoc(r.html), { source: r.source }).report;
      expect(report.tables.apply.source).toBe(r.source);
      expect(validate(schema, JSON.parse(JSON.stringify(report)), '$', [], true)).toEqual([]);
    }
  });
});
