// gouji check <file|dir>... [--format text|json|csv] [--url URL]
// HTML files go through the fast path (lib/html: htmlparser2 into a light DOM), .txt files through the text extractor,
// .pdf and .docx are rebuilt as HTML (lib/files), directories are walked recursively (bin/inputs.ts: every bad
// entry is its own error line). Exit codes (EXIT in bin/inputs.ts): 0 consistent, 1 some check fails, 2 bad usage
// or an unreadable input (the other inputs are still checked), 3 nothing given was a report (not a report, or a
// format to save as .docx/PDF first).

import './v8-tiering';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { checkInOrder, YearIndex, type Entry, type Result } from './stream';
import { Progress } from './progress';
import { collectInputs, DEFAULT_MAX_MB, EXIT, parseMaxSize } from './inputs';
import { summarize } from '../lib/rules';
import type { Report } from '../lib/types';
import { crossYear, rowOf, type Checked } from '../lib/batch/run';
import { whyText } from '../lib/batch/why';
import { batchToJsonl, batchToWideCsv } from '../lib/export/wide';
import { checkUrls, isUrl, URL_DEFAULTS } from './urls';
import { checkDefaults } from './check-file';
import { BLANK_UNDECIDED } from '../lib/check';
import { tableOfCheck } from '../lib/schema/fields';
import { TOOL } from '../lib/version';
import { groupErrors } from '../lib/errors';
import { t, type Lang, type MessageKey } from '../lib/i18n';
import {
  cellInWords,
  culpritBasis,
  renderCheck,
  renderClaim,
  renderNotice,
  stateName,
  verdictText,
} from '../lib/rules/render';
import { BOM, REPORT_CSV_HEADER, reportToCsv, toCsv } from '../lib/export/csv';
import { formatName } from '../lib/schema/formats';
import { TABLE_KEYS, tableName } from '../lib/schema/tables';

/** The usage text in `lang` (lib/i18n `cli.usage`), with the defaults filled in. */
const usage = (lang: Lang): string =>
  t(lang, 'cli.usage', {
    concurrency: URL_DEFAULTS.concurrency,
    delay: URL_DEFAULTS.delayMs,
    timeout: URL_DEFAULTS.timeoutMs / 1000,
    maxMb: DEFAULT_MAX_MB,
  });

/** The language asked for anywhere on the command line (usage errors come before the options are read). */
const langOf = (argv: readonly string[]): Lang => {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice(7) : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
};

export { decode, checkFile } from './check-file';

const STATUS_MARK = { pass: '✓', fail: '✗', uncertain: '?' } as const;
const NARRATIVE_MARK = { pass: '✓', fail: '✗', warn: '!', info: '·' } as const;

export function textSummary(r: Result, lang: Lang = 'zh'): string {
  const w = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const lines = [r.file];
  if (r.error || !r.report) {
    // Said in `lang` from its key (lib/files' errors, the walk's, a fetched address's); else as it came.
    const error = r.why ? whyText(r.why, lang) : (r.error ?? '');
    lines.push(`  ${w('cli.error', { error })}`);
    return lines.join('\n');
  }
  const rep = r.report;
  if (!rep.detected) {
    lines.push(`  ${w('cli.notReport')}`);
    return lines.join('\n');
  }
  lines.push(
    `  ${w('cli.head', {
      agency: rep.report.agency ?? w('cli.agencyUnknown'),
      year: rep.report.year ?? '?',
      format: formatName(rep.report.format, lang),
    })}`,
  );
  const tables = rep.tables;
  const tableLine = (name: string, s: Report['tables']['apply']) =>
    s.found
      ? w('cli.tableRead', { name, read: s.cellsRead, expected: s.cellsExpected }) +
        (s.blank.length ? w('cli.tableBlank', { n: s.blank.length }) : '')
      : w('cli.tableMissing', { name });
  lines.push(`  ${TABLE_KEYS.map((k) => tableLine(tableName(k, lang), tables[k])).join(' · ')}`);
  if (rep.options?.blankAsZero) lines.push(`  ${w('cli.blankAsZero')}`);
  for (const n of rep.notices)
    lines.push(`  ${n.level === 'info' ? '·' : '!'} ${renderNotice(n, rep, lang)}${n.href ? ` ${n.href}` : ''}`);
  const s = rep.summary;
  if (s.checks) {
    const errors = groupErrors({ checks: rep.checks, narrative: [] }).length;
    lines.push(
      `  ${w('verdict.head', { n: s.checks })}${verdictText({ errors, failing: s.fail, uncertain: s.uncertain }, lang)}`,
    );
  }
  // Errors, not failing checks: a text-vs-table contradiction first, then one entry per probable wrong
  // cell with the checks it breaks under it (one wrong cell breaks its row sum and its column sum).
  const byId = new Map(rep.checks.map((c) => [c.id, c]));
  const claims = new Map(rep.narrative.map((n, i) => [n.id ?? `narrative:${i}`, n]));
  const say = (id: string) => renderCheck(byId.get(id)!, rep.values, lang);
  for (const e of groupErrors(rep)) {
    if (e.kind === 'prose') {
      const n = claims.get(e.claim!)!;
      lines.push(`  ${NARRATIVE_MARK.fail} ${w('claim.quote', { quote: n.quote, message: renderClaim(n, lang) })}`);
    } else if (e.kind === 'cell') {
      const entry = rep.values[e.field!];
      const shown = entry?.blank ? w('cell.blankWord') : (entry?.raw ?? '');
      const basis = byId.get(e.checks[0]!)?.culprit?.basis;
      const why = basis ? w('culprit.why', { basis: culpritBasis(basis, lang) }) : '';
      const where = cellInWords(e.field!, lang);
      lines.push(
        `  ${STATUS_MARK.fail} ${w('culprit.line', { where, shown, suggested: e.suggested ?? '', why, n: e.checks.length })}`,
      );
      for (const id of e.checks) {
        const c = say(id);
        lines.push(`      ${w('check.subject', { subject: c.subject, detail: c.detail })}`);
      }
    } else {
      lines.push(`  ${STATUS_MARK.fail} ${say(e.checks[0]!).text}`);
    }
  }
  // Checks undecided only because of blanks are said once per table, by the notice above.
  const saidByNotice = (c: Report['checks'][number]) =>
    BLANK_UNDECIDED.has(c.messageId ?? '') && rep.notices.some((n) => n.id === `blanks-undecided.${tableOfCheck(c)}`);
  for (const c of rep.checks)
    if (c.status === 'uncertain' && !saidByNotice(c)) lines.push(`  ${STATUS_MARK.uncertain} ${say(c.id).text}`);
  if (rep.narrative.length) {
    const count = (...st: string[]) => rep.narrative.filter((n) => st.includes(n.status)).length;
    const n = rep.narrative.length;
    lines.push(
      `  ${w('cli.narrative', { n, pass: count('pass'), fail: count('fail'), undecided: count('warn', 'info') })}`,
    );
  }
  for (const n of rep.narrative)
    if (n.status === 'warn')
      lines.push(`  ${NARRATIVE_MARK.warn} ${w('claim.quote', { quote: n.quote, message: renderClaim(n, lang) })}`);
  return lines.join('\n');
}

/** One result as CSV: the report's sheet (lib/export/csv.ts reportToCsv, the extension's export byte for byte when
 * one report is written); with several inputs each sheet names its file and the sheets are separated by an
 * empty line, one BOM at the start. */
export function csvResult(r: Result, opts: { single: boolean; first: boolean }): string {
  const bom = opts.first;
  const sep = opts.first ? '' : '\r\n';
  if (!r.report)
    return (
      sep +
      toCsv([
        ['勾稽核对报告', ''],
        ['文件', r.file],
        ['错误', r.error ?? ''],
      ]).slice(bom ? 0 : BOM.length)
    );
  return sep + reportToCsv(r.report, { file: opts.single ? undefined : r.file, bom });
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  if (args[0] === '--version' || args[0] === '-v') {
    console.log(`${TOOL.name} ${TOOL.version}`);
    return 0;
  }
  const say = langOf(args);
  const w = (key: MessageKey, params?: Record<string, string | number>) => t(say, key, params);
  if (!args.length || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    console.log(usage(say));
    return args.length ? 0 : 2;
  }
  const cmd = args.shift();
  if (cmd !== 'check') {
    console.error(`${w('cli.unknownCommand', { cmd: cmd ?? '' })}\n\n${usage(say)}`);
    return 2;
  }
  let format = 'text';
  let lang: Lang = 'zh';
  checkDefaults.blankAsZero = false;
  let url: string | undefined;
  let quiet = false;
  let follow = false;
  let { concurrency, delayMs, timeoutMs } = URL_DEFAULTS;
  let maxBytes = DEFAULT_MAX_MB * 1048576;
  const inputs: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      format = a.includes('=') ? a.slice(9) : (args.shift() ?? '');
      if (!['text', 'json', 'csv', 'csv-wide', 'jsonl'].includes(format)) {
        console.error(w('cli.badFormat', { value: format }));
        return 2;
      }
    } else if (a === '--url' || a.startsWith('--url=')) {
      url = a.includes('=') ? a.slice(6) : args.shift();
      if (!url) {
        console.error(w('cli.needUrl'));
        return 2;
      }
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const v = a.includes('=') ? a.slice(11) : args.shift();
      const bytes = parseMaxSize(v);
      if (bytes === null) {
        console.error(w('cli.badMaxSize', { value: v ?? '' }));
        return EXIT.usage;
      }
      maxBytes = bytes;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(7) : args.shift();
      if (v !== 'zh' && v !== 'en') {
        console.error(w('cli.badLang', { value: v ?? '' }));
        return EXIT.usage;
      }
      lang = v;
    } else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--blank-as-zero') checkDefaults.blankAsZero = true;
    else if (a === '--follow') follow = true;
    else if (['--concurrency', '--delay', '--timeout'].some((o) => a === o || a.startsWith(`${o}=`))) {
      const name = a.split('=')[0]!;
      const raw = a.includes('=') ? a.slice(name.length + 1) : (args.shift() ?? '');
      const n = Number(raw);
      const ok =
        name === '--concurrency'
          ? Number.isInteger(n) && n >= 1 && n <= 16
          : name === '--delay'
            ? Number.isFinite(n) && n >= 0 && n <= 60_000
            : Number.isFinite(n) && n > 0 && n <= 300;
      if (!raw || !ok) {
        console.error(w('cli.badNumber', { option: name, value: raw }));
        return 2;
      }
      if (name === '--concurrency') concurrency = n;
      else if (name === '--delay') delayMs = n;
      else timeoutMs = n * 1000;
    } else if (a.startsWith('-')) {
      console.error(`${w('cli.unknownOption', { option: a })}\n\n${usage(say)}`);
      return 2;
    } else inputs.push(a);
  }
  if (!inputs.length) {
    console.error(`${w('cli.noInputs')}\n\n${usage(say)}`);
    return 2;
  }

  const urls = inputs.filter(isUrl);
  const { files, errors: inputErrors } = collectInputs(
    inputs.filter((i) => !isUrl(i)),
    maxBytes,
  );
  const results: Result[] = [...inputErrors];
  if (!files.length && !results.length && !urls.length) {
    console.error(`没有找到可检查的文件（.html、.htm、.shtml、.txt、.pdf、.docx）：${inputs.join(' ')}`);
    return 2;
  }
  // In output order: the inputs that failed already (missing …) among the files, by path as before.
  const entries: Entry[] = [
    ...files.map((file) => ({ file })),
    ...results.map((r) => ({ file: r.file, error: r.error, why: r.why })),
  ];
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const total = files.length;
  // A bar on a terminal, one closing line elsewhere (bin/progress.ts); --quiet and small runs show nothing.
  const progress = !quiet && total >= 10 ? new Progress(total, process.stderr, undefined, lang) : null;
  const fileUrl = files.length === 1 ? url : undefined;
  // With V8's optimizing compiler kept to the hot code (bin/v8-tiering.ts) one thread is fastest on 2 cores:
  // measured on a quiet 2-core machine, 200 files took 1.50 s on one thread, 1.83 s with two workers and
  // 1.87 s with one; 600 files 2.25 s on one thread, 2.6 s with one or two workers (npm run bench; a worker
  // boots a second copy of the engine and warms its own JIT). Workers pay only with 4 cores or more. Every
  // run of 500 files or more still uses one worker, for its capped heap: one uncapped thread over 100 MB of
  // pages stayed at 112 MB on one run and reached 910 MB on another, under load (V8 grows the heap when its
  // concurrent GC falls behind). GOUJI_WORKERS=N forces N (0 = no worker).
  const cores = availableParallelism();
  const forced = process.env.GOUJI_WORKERS;
  const workers =
    forced !== undefined && forced !== '' && Number.isInteger(Number(forced))
      ? Number(forced)
      : files.length >= 50 && cores >= 4
        ? Math.min(cores - 1, 4)
        : files.length >= 500
          ? 1
          : 0;

  // Results are written as they come (in file order); only errors and the year index are kept. The
  // per-report formats (csv-wide, jsonl) are written at the end: their cross-year check (lib/batch/run.ts,
  // bodies matched by normalized name) looks at the whole batch.
  const wide = format === 'csv-wide' || format === 'jsonl';
  const out = wide ? null : new Output(format, inputs.length === 1 && files.length === 1 && !urls.length, lang);
  // Only the per-report formats keep their results (for the batch's cross-year check); a streamed result
  // leaves behind what the exit code needs.
  const kept: Result[] = [];
  let anyReport = false;
  let anyFail = false;
  const fails = (rep: Report) =>
    rep.checks.some((c) => c.status === 'fail') || rep.narrative.some((n) => n.status === 'fail');
  const years = new YearIndex();
  const late: { file: string; checks: Report['checks'] }[] = [];
  const errors: Result[] = [];
  const emit = (r: Result) => {
    if (r.error) errors.push(r);
    const rep = r.report;
    if (rep && !wide) {
      // Same agency, consecutive years: this year's 上年结转 must equal last year's 结转下年度.
      const yoy = years.add(r.file, rep);
      if (yoy.now.length) {
        rep.checks.push(...yoy.now);
        Object.assign(rep.summary, summarize(rep.checks));
      }
      if (yoy.late) late.push(yoy.late);
    }
    if (!out) {
      kept.push(r);
      return;
    }
    out.result(r);
    if (rep?.detected) anyReport = true;
    // A contradiction between the text and the tables is a failure too (seed 003: 收到申请1条 vs 0).
    if (rep && fails(rep)) anyFail = true;
  };
  // A reader that went away (`gouji check … | head`) ends the run quietly: the files left are not checked.
  // (`errored` is set at once when the write fails on this thread; with workers running the failure comes
  // as an event.)
  let gone = false;
  const closed = () => gone || !!process.stdout.errored;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    gone = true;
  });
  // Node queues what a pipe cannot take yet: wait for it to drain before the next file (or for the end).
  let drained: Promise<void> | null = null;
  const backlog = (): Promise<void> | null => {
    if (!process.stdout.writableNeedDrain || closed()) return null;
    return (drained ??= new Promise<void>((resolve) => {
      const done = () => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        process.stdout.off('close', done);
        drained = null;
        resolve();
      };
      process.stdout.on('drain', done);
      process.stdout.on('error', done);
      process.stdout.on('close', done);
    }));
  };
  await checkInOrder(entries, { url: fileUrl, workers, maxBytes, stop: closed, backlog }, (r) => {
    if (!r.error) progress?.tick();
    if (r.file && !r.error) r.file = relative(process.cwd(), r.file) || r.file;
    emit(r);
  });
  progress?.end();
  if (closed()) return anyFail ? EXIT.failures : anyReport ? EXIT.ok : EXIT.notReport;

  // Addresses, after the files, in the order given (a list page's reports in its order).
  if (urls.length) {
    const showUrls = !quiet;
    const checked = await checkUrls(urls, {
      follow,
      maxBytes,
      concurrency,
      delayMs,
      timeoutMs,
      onProgress: (n, total) => {
        if (!showUrls || (total < 2 && !process.stderr.isTTY)) return;
        const line = t(lang, 'cli.progressUrls', { n, total });
        process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
      },
    });
    if (showUrls && process.stderr.isTTY) process.stderr.write('\n');
    for (const c of checked)
      emit({
        file: c.row.url,
        report: c.report,
        row: c.row,
        error: c.row.state === 'error' ? c.row.reason : undefined,
        why: c.row.state === 'error' ? c.row.why : undefined,
      });
  }

  if (out) out.end(late);
  else {
    // Same body, consecutive years, across the whole batch (lib/batch/body.ts says how bodies are matched).
    const items: Checked[] = kept.map((r) => ({
      report: r.report,
      row:
        r.row ??
        (r.report
          ? rowOf(r.report.source.url ?? r.file, undefined, r.report)
          : {
              url: r.file,
              state: 'error',
              reason: r.error,
              agency: null,
              year: null,
              format: null,
              tables: null,
              errors: 0,
              fail: 0,
              uncertain: 0,
              proseFail: 0,
            }),
    }));
    crossYear(items);
    anyReport = kept.some((r) => r.report?.detected);
    anyFail = kept.some((r) => !!r.report && fails(r.report));
    process.stdout.write(format === 'csv-wide' ? batchToWideCsv(items) : batchToJsonl(items));
  }

  for (const r of errors.slice(0, 20)) console.error(`gouji: ${r.file}: ${r.why ? whyText(r.why, lang) : r.error}`);
  if (errors.length > 20) console.error(`gouji: ${t(lang, 'cli.moreErrors', { n: errors.length - 20 })}`);
  if (errors.some((r) => r.code !== 3)) return EXIT.usage;
  if (anyFail || late.some((l) => l.checks.some((c) => c.status === 'fail'))) return EXIT.failures;
  return anyReport ? EXIT.ok : EXIT.notReport;
}

/** The three output formats, written one result at a time (byte for byte what the whole list gave). */
class Output {
  private count = 0;
  constructor(
    private format: string,
    private single: boolean,
    private lang: Lang = 'zh',
  ) {}
  result(r: Result): void {
    const first = this.count++ === 0;
    if (this.format === 'json') {
      const value = r.report ?? { file: r.file, error: r.error };
      // Inside an array, stringify it as an array of one and drop the brackets: the indentation of a
      // whole-array stringify, without a pass over the text to indent it.
      process.stdout.write(
        this.single
          ? `${JSON.stringify(value, null, 2)}\n`
          : `${first ? '[\n' : ',\n'}${JSON.stringify([value], null, 2).slice(2, -2)}`,
      );
    } else if (this.format === 'csv') {
      process.stdout.write(csvResult(r, { single: this.single, first }));
    } else process.stdout.write(`${first ? '' : '\n\n'}${textSummary(r, this.lang)}`);
  }
  /** Year-over-year pairs whose earlier year came later in file order: after everything else. */
  end(late: { file: string; checks: Report['checks'] }[]): void {
    if (this.format === 'json') {
      if (this.single) return;
      for (const l of late)
        process.stdout.write(
          `${this.count++ ? ',\n' : '[\n'}${JSON.stringify([{ file: l.file, yearOverYear: l.checks }], null, 2).slice(2, -2)}`,
        );
      process.stdout.write(this.count ? '\n]\n' : '[]\n');
    } else if (this.format === 'csv') {
      for (const l of late) {
        if (!l.checks.length) continue;
        const rows = l.checks.map((c) => [
          t('zh', 'cli.crossYearKind'),
          stateName(c.status, 'zh'),
          '',
          '',
          '',
          c.expected,
          c.actual,
          '',
          c.message,
          c.id,
        ]);
        const csv = toCsv([[t('zh', 'cli.crossYear')], [t('zh', 'csv.file'), l.file], REPORT_CSV_HEADER, ...rows]);
        process.stdout.write(this.count++ ? '\r\n' + csv.slice(BOM.length) : csv);
      }
    } else {
      const lines = late.flatMap((l) => [
        l.file,
        ...l.checks
          .filter((c) => c.status !== 'pass')
          .map((c) => `  ${STATUS_MARK[c.status]} [${c.id}] ${renderCheck(c, {}, this.lang).text}`),
        ...(l.checks.every((c) => c.status === 'pass') ? [`  ${t(this.lang, 'cli.crossYearPass')}`] : []),
      ]);
      if (lines.length) process.stdout.write(`\n\n${t(this.lang, 'cli.crossYear')}\n${lines.join('\n')}`);
      process.stdout.write('\n');
    }
  }
}
