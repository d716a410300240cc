// Counts of the places where the code's shape can drift from docs/architecture.md (issue #12): format
// literals outside lib/schema/, places that spell a table's name, field-id decoders. Read from the sources
// with the TypeScript parser (string, template and regex literals only: comments and identifiers do not
// count). tests/unit/architecture-counts.test.ts holds the targets; run on another checkout with
//   node --import tsx -e "import('./tests/support/architecture-counts.ts').then(m => console.log(m.countArchitecture('<root>')))"
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { APPLY_COLUMNS } from '../../lib/schema/apply';
import { activeLayouts } from '../../lib/schema/formats';
import { REVIEW_KEYS } from '../../lib/schema/review';

/** The shipped and CLI sources (tests and the bench may spell anything). */
export const SOURCE_FOLDERS = ['lib', 'components', 'entrypoints', 'bin'];

/** A literal found, with its file (repo-relative, "/" separated) and 1-based line. */
export interface Hit {
  file: string;
  line: number;
  text: string;
}

export interface ArchitectureCounts {
  /** Format ids ('2021', '2019') or table-二 prefixes ('active2019') as literals outside lib/schema/. */
  formatLiterals: Hit[];
  /** Literals spelling a table's name (表二/表三/表四 or a section heading's words) outside lib/schema/. */
  tableNames: Hit[];
  /** Literals that take a field id apart (startsWith('apply.'), /^apply\.(.+)\.total$/ …) outside fields.ts. */
  fieldDecoders: Hit[];
  /**
   * Words kept in two languages outside lib/i18n/ (the one string system) and lib/schema/ (the registry's
   * names): a conditional choosing between a Chinese and an English literal (`zh ? '空白' : 'blank'`), or an
   * object literal with `zh` and `en` text. Each file holding them is a string system of its own.
   */
  bilingualPairs: Hit[];
}

const CJK = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2}/;

/** The text of a literal-like expression (string, template, parenthesized), or null. */
function textOf(n: ts.Expression): string | null {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((x) => x.literal.text).join(' ');
  return null;
}

/** One Chinese text and one English text: a language switch. */
function isPair(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return (CJK.test(a) && !CJK.test(b) && LATIN_WORD.test(b)) || (CJK.test(b) && !CJK.test(a) && LATIN_WORD.test(a));
}

function bilingual(file: string, rel: string): Hit[] {
  const code = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const out: Hit[] = [];
  const hit = (n: ts.Node, text: string) =>
    out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: text.slice(0, 80) });
  const visit = (n: ts.Node) => {
    if (ts.isConditionalExpression(n)) {
      const a = textOf(n.whenTrue);
      const b = textOf(n.whenFalse);
      if (isPair(a, b)) hit(n, `${a} | ${b}`);
    } else if (ts.isObjectLiteralExpression(n)) {
      const prop = (name: string) => {
        const p = n.properties.find(
          (x) =>
            ts.isPropertyAssignment(x) &&
            (ts.isIdentifier(x.name) || ts.isStringLiteral(x.name)) &&
            x.name.text === name,
        );
        return p && ts.isPropertyAssignment(p) ? textOf(p.initializer) : null;
      };
      const zh = prop('zh');
      const en = prop('en');
      if (isPair(zh, en)) hit(n, `${zh} | ${en}`);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const f of SOURCE_FOLDERS) {
    try {
      walk(join(root, f));
    } catch {
      // a folder the checkout does not have
    }
  }
  return out.sort();
}

interface Literal {
  text: string;
  line: number;
  kind: 'string' | 'regex';
  /** The literal is the argument of `.startsWith(…)` / `.endsWith(…)` / `.indexOf(…)`. */
  prefixTest: boolean;
}

function literals(file: string): Literal[] {
  const code = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(
    file,
    code,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Literal[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      n.kind === ts.SyntaxKind.TemplateHead ||
      n.kind === ts.SyntaxKind.TemplateMiddle ||
      n.kind === ts.SyntaxKind.TemplateTail ||
      n.kind === ts.SyntaxKind.RegularExpressionLiteral
    ) {
      // Import specifiers name modules, not data.
      if (!(ts.isStringLiteral(n) && (ts.isImportDeclaration(n.parent) || ts.isExportDeclaration(n.parent)))) {
        const call = n.parent && ts.isCallExpression(n.parent) ? n.parent : null;
        const callee = call && ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : '';
        out.push({
          text: n.kind === ts.SyntaxKind.RegularExpressionLiteral ? n.getText(sf) : (n as ts.LiteralLikeNode).text,
          line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
          kind: n.kind === ts.SyntaxKind.RegularExpressionLiteral ? 'regex' : 'string',
          prefixTest: ['startsWith', 'endsWith', 'indexOf', 'includes'].includes(callee),
        });
      }
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

const FORMAT_LITERAL = /^(20(19|21)|active20\d\d)$|^active20\d\d\./;
// A table's short name, or the words of its section heading as the national format prints it.
const TABLE_NAME = /表[二三四]|主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议、行政诉讼情况/;
const FIELD_PREFIX = /^(apply|active|review|litigation)(\d{4})?\.?$/;
const DECODING_REGEX = /^\/\^\(?\??:?\(?(apply|active|review|litigation)/;
// A regex that takes a field id apart at its column: /^(.+)\.in_force$/, /\.total$/ (the column ids of every
// format, from the registry).
const COLUMN_IDS = [
  ...new Set([
    ...APPLY_COLUMNS.map((c) => c.id),
    ...REVIEW_KEYS.map((k) => k.id),
    ...activeLayouts().flatMap((l) => l.rows.flatMap((r) => r.columns.map((c) => c.id))),
  ]),
];
const COLUMN_DECODER = new RegExp(`\\\\\\.\\(?(${COLUMN_IDS.join('|')})\\)?\\$\\/`);

export function countArchitecture(root: string): ArchitectureCounts {
  const counts: ArchitectureCounts = { formatLiterals: [], tableNames: [], fieldDecoders: [], bilingualPairs: [] };
  for (const path of sourceFiles(root)) {
    const file = relative(root, path).split('\\').join('/');
    const inSchema = file.startsWith('lib/schema/');
    if (!inSchema && !file.startsWith('lib/i18n/')) counts.bilingualPairs.push(...bilingual(path, file));
    for (const lit of literals(path)) {
      const hit = { file, line: lit.line, text: lit.text.slice(0, 80) };
      if (!inSchema && lit.kind === 'string' && FORMAT_LITERAL.test(lit.text)) counts.formatLiterals.push(hit);
      if (!inSchema && TABLE_NAME.test(lit.text)) counts.tableNames.push(hit);
      if (file !== 'lib/schema/fields.ts') {
        if (lit.kind === 'string' && lit.prefixTest && FIELD_PREFIX.test(lit.text)) counts.fieldDecoders.push(hit);
        if (lit.kind === 'regex' && (DECODING_REGEX.test(lit.text) || COLUMN_DECODER.test(lit.text)))
          counts.fieldDecoders.push(hit);
      }
    }
  }
  return counts;
}

/** String systems: lib/i18n/ (when it exists) and every other file keeping words in two languages. */
export function stringSystems(root: string, counts: ArchitectureCounts): string[] {
  let i18n: string[] = [];
  try {
    i18n = statSync(join(root, 'lib/i18n')).isDirectory() ? ['lib/i18n/'] : [];
  } catch {
    // no lib/i18n in this checkout
  }
  return [...i18n, ...Object.keys(byFile(counts.bilingualPairs))];
}

/** Hits grouped by file: { "lib/x.ts": 3 }. */
export function byFile(hits: readonly Hit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const h of hits) out[h.file] = (out[h.file] ?? 0) + 1;
  return out;
}
