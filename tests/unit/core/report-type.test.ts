// One Report type, matching docs/report.schema.json exactly: every object the schema describes has the
// same property names in lib/types.ts, optional exactly where the schema does not require them, and no
// index signature where the schema lists properties. Read with the TypeScript compiler's own checker.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | Schema;
};
const schema = JSON.parse(readFileSync(`${root}/docs/report.schema.json`, 'utf8')) as Schema & {
  $defs: Record<string, Schema>;
};
const resolve = (s: Schema): Schema => (s.$ref ? schema.$defs[s.$ref.replace('#/$defs/', '')]! : s);

const program = ts.createProgram([`${root}/lib/types.ts`], {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  noEmit: true,
});
const checker = program.getTypeChecker();
const file = program.getSourceFile(`${root}/lib/types.ts`)!;
function declared(name: string): ts.Type {
  let found: ts.Type | null = null;
  file.forEachChild((n) => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === name)
      found = checker.getTypeAtLocation(n.name);
  });
  if (!found) throw new Error(`lib/types.ts has no ${name}`);
  return found;
}

const nonNull = (t: ts.Type): ts.Type => (t.isUnion() ? checker.getNonNullableType(t) : t);

/** Differences between the type and the schema node, as readable lines ("Report.narrative[].foo: …"). */
function compare(type: ts.Type, node: Schema, path: string, out: string[]): void {
  const s = resolve(node);
  const t = nonNull(type);
  if (s.items) {
    // An array, or a tuple ([low, high]) whose elements all fit the items.
    const els = checker.isArrayType(t) || checker.isTupleType(t) ? checker.getTypeArguments(t as ts.TypeReference) : [];
    if (!els.length) out.push(`${path}: schema has an array, the type does not`);
    for (const el of els) compare(el, s.items, `${path}[]`, out);
    return;
  }
  if (s.enum) {
    const lits = (t.isUnion() ? t.types : [t]).map((x) => (x.isStringLiteral() ? x.value : checker.typeToString(x)));
    if ([...lits].sort().join() !== [...s.enum].map(String).sort().join())
      out.push(`${path}: enum ${JSON.stringify(s.enum)} vs type ${lits.join(' | ')}`);
    return;
  }
  if (!s.properties) return;
  if (checker.getIndexInfosOfType(t).length) out.push(`${path}: index signature where the schema lists properties`);
  const props = new Map(checker.getPropertiesOfType(t).map((p) => [p.name, p]));
  const required = new Set(s.required ?? []);
  for (const name of new Set([...props.keys(), ...Object.keys(s.properties)])) {
    const p = props.get(name);
    const sp = s.properties[name];
    if (!p) {
      out.push(`${path}.${name}: in the schema, not in the type`);
      continue;
    }
    if (!sp) {
      out.push(`${path}.${name}: in the type, not in the schema`);
      continue;
    }
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
    if (optional === required.has(name))
      out.push(
        `${path}.${name}: ${optional ? 'optional' : 'required'} in the type, ${required.has(name) ? 'required' : 'optional'} in the schema`,
      );
    compare(checker.getTypeOfSymbol(p), sp, `${path}.${name}`, out);
  }
}

describe('the Report type is the JSON Schema', () => {
  it('has the same properties, optional in the same places, no index signatures', () => {
    const out: string[] = [];
    compare(declared('Report'), schema, 'Report', out);
    expect(out).toEqual([]);
  });

  it('would notice a drift (a check on the checker)', () => {
    const out: string[] = [];
    compare(
      declared('Report'),
      {
        ...schema,
        properties: { ...schema.properties, extra: { type: 'string' } as Schema },
        required: [...schema.required!, 'extra'],
      },
      'Report',
      out,
    );
    expect(out).toEqual(['Report.extra: in the schema, not in the type']);
  });
});
