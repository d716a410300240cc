// The progress of a `gouji check` over many files, on stderr (issue #14). On a terminal: one bar, redrawn
// in place at most every 100 ms (a clock read per file, nothing else), cleared at the end. Anywhere else
// (a log file, a pipe, CI): nothing while it runs — a tick is a counter — and one closing line.

import { t as say, type Lang } from '../lib/i18n';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private shown = 0;
  private readonly started: number;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly out: ProgressStream,
    private readonly now: () => number = () => performance.now(),
    private readonly lang: Lang = 'zh',
  ) {
    this.started = now();
  }

  private get tty(): boolean {
    return !!this.out.isTTY;
  }

  /** One file checked. */
  tick(): void {
    this.done++;
    if (!this.tty) return;
    const t = this.now();
    if (t - this.shown < REDRAW_MS && this.done !== this.total) return;
    this.shown = t;
    this.out.write(`\r${this.line(t)}\x1b[K`);
    this.drawn = true;
  }

  /** The bar as drawn now: "已检查 [█████░░░░░] 120/200 · 310 个/秒 · 还需约 1 秒". */
  line(t: number = this.now()): string {
    const secs = (t - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : null;
    const more = left !== null && this.done < this.total ? say(this.lang, 'cli.progressLeft', { s: left }) : '';
    // The bar fits the terminal (each Han character takes two columns).
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 48));
    const full = this.total ? Math.round((width * this.done) / this.total) : width;
    const bar = '█'.repeat(full) + '░'.repeat(width - full);
    return say(this.lang, 'cli.progressBar', { bar, done: this.done, total: this.total, rate: rate.toFixed(0) }) + more;
  }

  /** The run is over: the bar is cleared and one line says how many and how fast. */
  end(): void {
    const secs = (this.now() - this.started) / 1000;
    if (this.drawn) this.out.write('\r\x1b[K');
    const rate = secs > 0 ? (this.done / secs).toFixed(0) : '—';
    const line = say(this.lang, 'cli.progressEnd', { done: this.done, total: this.total, rate, secs: secs.toFixed(1) });
    this.out.write(`${line}\n`);
  }
}
