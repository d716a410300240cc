// gouji check <file|dir>... [--format text|json|csv] [--url URL]
// HTML files are parsed with linkedom (fast, no layout), .txt files go through the text extractor,
// directories are walked recursively (bin/inputs.ts: every bad entry is its own error line). Exit codes
// (EXIT in bin/inputs.ts): 0 consistent, 1 some check fails, 2 bad usage or an unreadable input (the other
// inputs are still checked), 3 nothing read was a report.

import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkFile } from './check-file';
import { collectInputs, DEFAULT_MAX_MB, EXIT, parseMaxSize } from './inputs';
import { yearOverYear } from '../lib/year-over-year';
import type { Report } from '../lib/types';
import { TOOL } from '../lib/version';
import { groupErrors, verdictZh, withoutCulpritClause } from '../lib/errors';
import { fieldInWords } from '../lib/export/labels';
import { csvCell as csvCellOf, BOM } from '../lib/export/csv';
import { formatName } from '../lib/schema/formats';
import { TABLE_KEYS, tableName } from '../lib/schema/tables';

const USAGE = `用法 / usage:
  gouji check <文件或目录>... [--format text|json|csv] [--url URL] [--max-size MB] [--quiet]

  .html/.htm 文件按网页解析，.txt 文件按纯文本解析，目录递归检查。
  --format   text（默认，中文摘要）| json（报告对象；多个输入时为数组）| csv（每项核对、每处正文数字一行）
  --url      报告的原始网址（写入 source.url；只检查一个输入时使用）
  --max-size 单个文件的大小上限（MB，默认 ${DEFAULT_MAX_MB}）；更大的文件报错、不读取
  --quiet    不在 stderr 输出进度
退出码：0 全部一致；1 有核对不一致（表格勾稽关系或正文与表格）；2 用法错误或有文件无法读取
（符号链接失效或循环、无权限、不是普通文件、文件过大，其余输入照常检查）；3 没有一个输入是年度报告（未核对）。`;

export { decode, checkFile } from './check-file';

interface Result {
  file: string;
  report?: Report;
  error?: string;
}

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
  for (const n of rep.notices) lines.push(`  ${n.level === 'info' ? '·' : '!'} ${n.message}`);
  const s = rep.summary;
  if (s.checks) lines.push(`  勾稽关系 ${s.checks} 项：${verdictZh(rep)}`);
  // Errors, not failing checks: a text-vs-table contradiction first, then one entry per probable wrong
  // cell with the checks it breaks under it (one wrong cell breaks its row sum and its column sum).
  const byId = new Map(rep.checks.map((c) => [c.id, c]));
  const claims = new Map(rep.narrative.map((n, i) => [n.id ?? `narrative:${i}`, n]));
  for (const e of groupErrors(rep)) {
    if (e.kind === 'prose') {
      const n = claims.get(e.claim!)!;
      lines.push(`  ${NARRATIVE_MARK.fail} 正文“${n.quote}”：${n.message}`);
    } else if (e.kind === 'cell') {
      const entry = rep.values[e.field!];
      const shown = entry?.blank ? '空白' : entry?.raw ?? '';
      lines.push(`  ${STATUS_MARK.fail} 可能有误：${fieldInWords(e.field!)}（表中为 ${shown}，应为 ${e.suggested}），影响 ${e.checks.length} 项核对：`);
      for (const id of e.checks) lines.push(`      ${withoutCulpritClause(byId.get(id)!.message)}`);
    } else {
      lines.push(`  ${STATUS_MARK.fail} ${byId.get(e.checks[0]!)!.message}`);
    }
  }
  for (const c of rep.checks) if (c.status === 'uncertain') lines.push(`  ${STATUS_MARK.uncertain} ${c.message}`);
  if (rep.narrative.length) {
    const count = (st: string) => rep.narrative.filter((n) => n.status === st).length;
    lines.push(`  正文数字 ${rep.narrative.length} 处：一致 ${count('pass')}，不一致 ${count('fail')}，存疑 ${count('warn')}，无法判断 ${count('info')}`);
  }
  for (const n of rep.narrative) if (n.status === 'warn') lines.push(`  ${NARRATIVE_MARK.warn} 正文“${n.quote}”：${n.message}`);
  return lines.join('\n');
}

// The one CSV writer (lib/export/csv.ts): quoting and the formula guard on every text cell.
const csvCell = (v: unknown): string => csvCellOf(typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

export function csvRows(results: Result[]): string {
  const header = ['file', 'url', 'agency', 'year', 'format', 'check_id', 'rule', 'status', 'expected', 'actual', 'cells', 'culprit_field', 'culprit_suggested', 'message'];
  const rows = [header.join(',')];
  for (const r of results) {
    const rep = r.report;
    if (!rep) {
      rows.push([r.file, '', '', '', '', '', '', 'error', '', '', '', '', '', r.error].map(csvCell).join(','));
      continue;
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
  }
  return BOM + rows.join('\r\n') + '\r\n';
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
    console.error(`没有找到可检查的文件（.html、.htm、.shtml、.txt）：${inputs.join(' ')}`);
    return 2;
  }
  const progress = !quiet && files.length >= 10;
  const started = Date.now();
  let done = 0;
  const onResult = (r: Result) => {
    results.push(r);
    done++;
    if (progress && (done % 20 === 0 || done === files.length)) {
      const line = `已检查 ${done}/${files.length} 个文件（${(done / ((Date.now() - started) / 1000 || 1)).toFixed(0)} 个/秒）`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    }
  };
  const fileUrl = files.length === 1 ? url : undefined;
  // Worker threads pay only with cores to spare: on 2 cores one thread already keeps both busy (V8's
  // GC helper threads take the other), and two workers measured slower (94 vs 101 reports/s, npm run
  // bench). GOUJI_WORKERS=N forces N.
  const cores = availableParallelism();
  const workers = Number(process.env.GOUJI_WORKERS) || (files.length >= 40 && cores >= 4 ? Math.min(cores - 1, 4) : 1);
  if (workers > 1) await runWorkers(files, workers, onResult, maxBytes);
  else {
    for (const file of files) {
      try {
        onResult({ file, report: checkFile(file, fileUrl, maxBytes) });
      } catch (e) {
        onResult({ file, error: `无法读取或解析：${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  if (progress && process.stderr.isTTY) process.stderr.write('\n');
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const r of results) if (r.file && !r.error) r.file = relative(process.cwd(), r.file) || r.file;

  // Same agency, consecutive years: this year's 上年结转 must equal last year's 结转下年度.
  const reports = results.map((r) => r.report).filter((r): r is Report => !!r && r.detected);
  for (const rep of reports) {
    const prev = reports.find((p) => p.report.agency && p.report.agency === rep.report.agency && p.report.year === (rep.report.year ?? 0) - 1);
    if (prev) {
      const extra = yearOverYear(rep, prev);
      rep.checks.push(...extra);
      for (const c of extra) rep.summary[c.status]++;
      rep.summary.checks += extra.length;
    }
  }

  if (format === 'json') {
    const payload = results.map((r) => r.report ?? { file: r.file, error: r.error });
    process.stdout.write(JSON.stringify(inputs.length === 1 && files.length === 1 ? payload[0] : payload, null, 2) + '\n');
  } else if (format === 'csv') process.stdout.write(csvRows(results));
  else process.stdout.write(results.map(textSummary).join('\n\n') + '\n');

  const errors = results.filter((r) => r.error);
  for (const r of errors.slice(0, 20)) console.error(`gouji: ${r.file}: ${r.error}`);
  if (errors.length > 20) console.error(`gouji: 另有 ${errors.length - 20} 个文件出错`);
  if (results.some((r) => r.error)) return EXIT.usage;
  // A contradiction between the text and the tables is a failure too (seed 003: 收到申请1条 vs 0).
  if (results.some((r) => r.report?.checks.some((c) => c.status === 'fail') || r.report?.narrative.some((n) => n.status === 'fail'))) return EXIT.failures;
  return reports.length ? EXIT.ok : EXIT.notReport;
}

// From the sources (tsx) the worker entry registers tsx first; from the bundle it is the bundled worker.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './cli-worker.mjs' : './cli-worker.js', import.meta.url);

function runWorkers(files: string[], n: number, onResult: (r: Result) => void, maxBytes: number): Promise<void> {
  const chunks: string[][] = Array.from({ length: n }, () => []);
  files.forEach((f, i) => chunks[i % n]!.push(f));
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve) => {
          const w = new Worker(WORKER, { workerData: { files: chunk, maxBytes } });
          let got = 0;
          w.on('message', (r: Result) => {
            got++;
            onResult(r);
          });
          w.on('error', (e) => {
            // A crashed worker: the files it did not report are errors, the others stand.
            for (const file of chunk.slice(got)) onResult({ file, error: `检查进程出错：${e.message}` });
            got = chunk.length;
          });
          w.on('exit', () => resolve());
        }),
    ),
  ).then(() => undefined);
}
