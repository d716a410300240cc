// gouji check <file|dir>... [--format text|json|csv] [--url URL]
// HTML files go through the fast path (lib/html: htmlparser2 into a light DOM), .txt files through the text extractor,
// .pdf and .docx are rebuilt as HTML (lib/files), directories are walked recursively (bin/inputs.ts: every bad
// entry is its own error line). Exit codes (EXIT in bin/inputs.ts): 0 consistent, 1 some check fails, 2 bad usage
// or an unreadable input (the other inputs are still checked), 3 nothing given was a report (not a report, or a
// format to save as .docx/PDF first).

import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { checkInOrder, YearIndex, type Entry, type Result } from './stream';
import { collectInputs, DEFAULT_MAX_MB, EXIT, parseMaxSize } from './inputs';
import type { Report } from '../lib/types';
import { TOOL } from '../lib/version';
import { csvCell as csvCellOf, BOM } from '../lib/export/csv';
import { formatName } from '../lib/schema/formats';
import { TABLE_KEYS, tableName } from '../lib/schema/tables';

const USAGE = `用法 / usage:
  gouji check <文件或目录>... [--format text|json|csv] [--url URL] [--max-size MB] [--quiet]

  .html/.htm 文件按网页解析，.txt 文件按纯文本解析，.pdf/.docx 文件读取其中的文字与表格，目录递归检查。
  .doc/.wps/.xls/.et/.ofd 不能直接读取：请另存为 .docx 或 PDF 后再检查。
  --format   text（默认，中文摘要）| json（报告对象；多个输入时为数组）| csv（每项核对、每处正文数字一行）
  --url      报告的原始网址（写入 source.url；只检查一个输入时使用）
  --max-size 单个文件的大小上限（MB，默认 ${DEFAULT_MAX_MB}）；更大的文件报错、不读取
  --quiet    不在 stderr 输出进度
退出码：0 全部一致；1 有核对不一致（表格勾稽关系或正文与表格）；2 用法错误或有文件无法读取
（符号链接失效或循环、无权限、不是普通文件、文件过大、扫描版 PDF，其余输入照常检查）；3 所给文件都不是年度报告
（或是须另存为 .docx/PDF 的格式，未核对）。`;

export { decode, checkFile } from './check-file';


const STATUS_MARK = { pass: '✓', fail: '✗', uncertain: '?' } as const;
const NARRATIVE_MARK = { pass: '✓', fail: '✗', warn: '!', info: '·' } as const;

export function textSummary(r: Result): string {
  const lines = [r.file];
  if (r.error || !r.report) {
    lines.push(`  错误：${r.error}`);
    return lines.join('\n');
  }
  const rep = r.report;
  if (!rep.detected) {
    lines.push('  不是政府信息公开工作年度报告，未核对');
    return lines.join('\n');
  }
  const fmtName = formatName(rep.report.format);
  lines.push(`  ${rep.report.agency ?? '（机关名称未识别）'} · ${rep.report.year ?? '?'} 年度 · ${fmtName}`);
  const t = rep.tables;
  const tableLine = (name: string, s: Report['tables']['apply']) =>
    s.found ? `${name} ${s.cellsRead}/${s.cellsExpected}${s.blank.length ? `（空白 ${s.blank.length}）` : ''}` : `${name} 未找到`;
  lines.push(`  ${TABLE_KEYS.map((k) => tableLine(tableName(k), t[k])).join(' · ')}`);
  for (const n of rep.notices) lines.push(`  ${n.level === 'info' ? '·' : '!'} ${n.message}${n.href ? ` ${n.href}` : ''}`);
  const s = rep.summary;
  if (s.checks) {
    const parts = [`${s.fail ? `${s.fail} 处不一致` : '全部一致'}`];
    if (s.uncertain) parts.push(`${s.uncertain} 项无法核对`);
    lines.push(`  勾稽关系 ${s.checks} 项：${parts.join('，')}`);
  }
  for (const c of rep.checks) if (c.status !== 'pass') lines.push(`  ${STATUS_MARK[c.status]} [${c.id}] ${c.message}`);
  const shown = rep.narrative.filter((n) => n.status === 'fail' || n.status === 'warn');
  if (rep.narrative.length) {
    const count = (st: string) => rep.narrative.filter((n) => n.status === st).length;
    lines.push(`  正文数字 ${rep.narrative.length} 处：一致 ${count('pass')}，不一致 ${count('fail')}，存疑 ${count('warn')}，无法核对 ${count('info')}`);
  }
  for (const n of shown) lines.push(`  ${NARRATIVE_MARK[n.status]} 正文“${n.quote}”：${n.message}`);
  return lines.join('\n');
}

// The one CSV writer (lib/export/csv.ts): quoting and the formula guard on every text cell.
const csvCell = (v: unknown): string => csvCellOf(typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

const CSV_HEADER = ['file', 'url', 'agency', 'year', 'format', 'check_id', 'rule', 'status', 'expected', 'actual', 'cells', 'culprit_field', 'culprit_suggested', 'message'];

/** The CSV rows of one result (no header). */
export function csvResultRows(r: Result): string[] {
  const rows: string[] = [];
  const rep = r.report;
  if (!rep) {
    rows.push([r.file, '', '', '', '', '', '', 'error', '', '', '', '', '', r.error].map(csvCell).join(','));
    return rows;
  }
  const base = [r.file, rep.source.url, rep.report.agency, rep.report.year, rep.report.format];
  if (!rep.checks.length) {
    rows.push([...base, '', '', rep.detected ? 'no-checks' : 'not-report', '', '', '', '', '', rep.notices.map((n) => n.message).join('；')].map(csvCell).join(','));
  }
  for (const c of rep.checks) {
    rows.push([...base, c.id, c.rule, c.status, c.expected, c.actual, c.cells.join(' '), c.culprit?.field, c.culprit?.suggested, c.message].map(csvCell).join(','));
  }
  // Numbers written in the text, one row each after the table checks (actual = the number in the text).
  for (const n of rep.narrative) {
    const cells = Array.isArray(n.cells) ? (n.cells as string[]).join(' ') : n.field ?? '';
    rows.push([...base, n.id ?? '', typeof n.rule === 'string' ? n.rule : 'narrative', n.status, n.expected, n.value, cells, '', '', `正文“${n.quote}”：${n.message}`].map(csvCell).join(','));
  }
  return rows;
}

export function csvRows(results: Result[]): string {
  return BOM + [CSV_HEADER.join(','), ...results.flatMap(csvResultRows)].join('\r\n') + '\r\n';
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  if (args[0] === '--version' || args[0] === '-v') {
    console.log(`${TOOL.name} ${TOOL.version}`);
    return 0;
  }
  if (!args.length || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    console.log(USAGE);
    return args.length ? 0 : 2;
  }
  const cmd = args.shift();
  if (cmd !== 'check') {
    console.error(`未知命令：${cmd}\n\n${USAGE}`);
    return 2;
  }
  let format = 'text';
  let url: string | undefined;
  let quiet = false;
  let maxBytes = DEFAULT_MAX_MB * 1048576;
  const inputs: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      format = a.includes('=') ? a.slice(9) : args.shift() ?? '';
      if (!['text', 'json', 'csv'].includes(format)) {
        console.error(`--format 只能是 text、json 或 csv，收到“${format}”`);
        return 2;
      }
    } else if (a === '--url' || a.startsWith('--url=')) {
      url = a.includes('=') ? a.slice(6) : args.shift();
      if (!url) {
        console.error('--url 需要一个网址');
        return 2;
      }
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const v = a.includes('=') ? a.slice(11) : args.shift();
      const bytes = parseMaxSize(v);
      if (bytes === null) {
        console.error(`--max-size 需要一个正数（MB），收到“${v ?? ''}”`);
        return EXIT.usage;
      }
      maxBytes = bytes;
    } else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a.startsWith('-')) {
      console.error(`未知选项：${a}\n\n${USAGE}`);
      return 2;
    } else inputs.push(a);
  }
  if (!inputs.length) {
    console.error(`没有给出要检查的文件或目录\n\n${USAGE}`);
    return 2;
  }

  const { files, errors: inputErrors } = collectInputs(inputs, maxBytes);
  const results: Result[] = [...inputErrors];
  if (!files.length && !results.length) {
    console.error(`没有找到可检查的文件（.html、.htm、.shtml、.txt、.pdf、.docx）：${inputs.join(' ')}`);
    return 2;
  }
  // In output order: the inputs that failed already (missing …) among the files, by path as before.
  const entries: Entry[] = [...files.map((file) => ({ file })), ...results.map((r) => ({ file: r.file, error: r.error }))];
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const total = files.length;
  // The progress line costs a clock read per file: it is written at most every 200 ms (and at the end).
  const progress = !quiet && total >= 10;
  const tty = !!process.stderr.isTTY;
  const started = Date.now();
  let done = 0;
  let shown = 0;
  const tick = () => {
    done++;
    if (!progress) return;
    const now = Date.now();
    if (done !== total && now - shown < (tty ? 200 : 1000)) return;
    shown = now;
    const line = `已检查 ${done}/${total} 个文件（${(done / ((now - started) / 1000 || 1)).toFixed(0)} 个/秒）`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
  const fileUrl = files.length === 1 ? url : undefined;
  // Worker threads pay only with cores to spare: on 2 cores one thread already keeps both busy (V8's
  // GC helper threads take the other; npm run bench measures both). Long runs use one worker all the same,
  // for its capped heap (memory flat however many files: bin/stream.ts). GOUJI_WORKERS=N forces N (0 = no
  // worker).
  const cores = availableParallelism();
  const forced = process.env.GOUJI_WORKERS;
  const workers = forced !== undefined && forced !== '' && Number.isInteger(Number(forced))
    ? Number(forced)
    : files.length >= 40 && cores >= 4 ? Math.min(cores - 1, 4) : files.length >= 500 ? 1 : 0;

  // Results are written as they come (in file order); only errors and the year index are kept.
  const out = new Output(format, inputs.length === 1 && files.length === 1);
  const years = new YearIndex();
  const late: { file: string; checks: Report['checks'] }[] = [];
  const errors: Result[] = [];
  let anyFail = false;
  let anyReport = false;
  await checkInOrder(entries, { url: fileUrl, workers, maxBytes }, (r) => {
    if (!r.error) tick();
    if (r.file && !r.error) r.file = relative(process.cwd(), r.file) || r.file;
    if (r.error) errors.push(r);
    const rep = r.report;
    if (rep) {
      if (rep.detected) anyReport = true;
      // Same agency, consecutive years: this year's 上年结转 must equal last year's 结转下年度.
      const yoy = years.add(r.file, rep);
      if (yoy.now.length) {
        rep.checks.push(...yoy.now);
        for (const c of yoy.now) rep.summary[c.status]++;
        rep.summary.checks += yoy.now.length;
      }
      if (yoy.late) {
        late.push(yoy.late);
        if (yoy.late.checks.some((c) => c.status === 'fail')) anyFail = true;
      }
      // A contradiction between the text and the tables is a failure too (seed 003: 收到申请1条 vs 0).
      if (rep.checks.some((c) => c.status === 'fail') || rep.narrative.some((n) => n.status === 'fail')) anyFail = true;
    }
    out.result(r);
  });
  if (progress && tty) process.stderr.write('\n');
  out.end(late);

  for (const r of errors.slice(0, 20)) console.error(`gouji: ${r.file}: ${r.error}`);
  if (errors.length > 20) console.error(`gouji: 另有 ${errors.length - 20} 个文件出错`);
  if (errors.some((r) => r.code !== 3)) return EXIT.usage;
  if (anyFail) return EXIT.failures;
  return anyReport ? EXIT.ok : EXIT.notReport;
}

/** The three output formats, written one result at a time (byte for byte what the whole list gave). */
class Output {
  private count = 0;
  constructor(private format: string, private single: boolean) {
    if (format === 'csv') process.stdout.write(`\ufeff${CSV_HEADER.join(',')}\r\n`);
  }
  result(r: Result): void {
    const first = this.count++ === 0;
    if (this.format === 'json') {
      const value = r.report ?? { file: r.file, error: r.error };
      // Inside an array, stringify it as an array of one and drop the brackets: the indentation of a
      // whole-array stringify, without a pass over the text to indent it.
      process.stdout.write(this.single ? `${JSON.stringify(value, null, 2)}\n` : `${first ? '[\n' : ',\n'}${JSON.stringify([value], null, 2).slice(2, -2)}`);
    } else if (this.format === 'csv') {
      const rows = csvResultRows(r);
      if (rows.length) process.stdout.write(rows.join('\r\n') + '\r\n');
    } else process.stdout.write(`${first ? '' : '\n\n'}${textSummary(r)}`);
  }
  /** Year-over-year pairs whose earlier year came later in file order: after everything else. */
  end(late: { file: string; checks: Report['checks'] }[]): void {
    if (this.format === 'json') {
      if (this.single) return;
      for (const l of late) process.stdout.write(`${this.count++ ? ',\n' : '[\n'}${JSON.stringify([{ file: l.file, yearOverYear: l.checks }], null, 2).slice(2, -2)}`);
      process.stdout.write(this.count ? '\n]\n' : '[]\n');
    } else if (this.format === 'csv') {
      for (const l of late) {
        const rows = l.checks.map((c) => [l.file, '', '', '', '', c.id, c.rule, c.status, c.expected, c.actual, c.cells.join(' '), '', '', c.message].map(csvCell).join(','));
        if (rows.length) process.stdout.write(rows.join('\r\n') + '\r\n');
      }
    } else {
      const lines = late.flatMap((l) => [l.file, ...l.checks.filter((c) => c.status !== 'pass').map((c) => `  ${STATUS_MARK[c.status]} [${c.id}] ${c.message}`), ...(l.checks.every((c) => c.status === 'pass') ? ['  上年结转与上一年度报告的结转下年度一致'] : [])]);
      if (lines.length) process.stdout.write(`\n\n跨年度核对（上一年度报告在文件顺序中排在后面）\n${lines.join('\n')}`);
      process.stdout.write('\n');
    }
  }
}
