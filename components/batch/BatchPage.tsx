// The batch page: progress, a live table (one row per report, the row contract of docs/batch.md), cancel /
// resume, exports. Page text (link titles, body names, reasons) is only ever rendered as text.
import type { BatchStore } from './store';
import type { BatchRow, RowState } from '@/lib/batch/run';
import { formatName } from '@/lib/schema/formats';
import { TABLE_KEYS, tableName } from '@/lib/schema/tables';

const STATE_ZH: Record<RowState, string> = {
  report: '已核对',
  none: '不是年报',
  old: '旧格式',
  missing: '未找到表格',
  attachment: '表格在附件中',
  error: '出错',
};
const STATE_SYM: Record<RowState, string> = {
  report: '✓',
  none: '–',
  old: '…',
  missing: '?',
  attachment: '※',
  error: '✗',
};

function tablesText(r: BatchRow): string {
  if (!r.tables) return '—';
  const t = r.tables;
  return TABLE_KEYS.map((k) => `${tableName(k)} ${t[k][0]}/${t[k][1]}`).join(' · ');
}

function yoyText(r: BatchRow): string {
  if (!r.yoy) return '—';
  const y = r.yoy;
  if (y.status === 'pass') return `✓ 与 ${y.previousYear} 年度一致`;
  if (y.status === 'fail') return `✗ 与 ${y.previousYear} 年度 ${y.fail} 列不符`;
  return `? ${y.previousYear} 年度无法核对`;
}

/** Where a row leads: the attachment through the report view, else the page itself. */
function rowHref(r: BatchRow): string {
  return r.state === 'attachment' && r.attachment ? `report.html?url=${encodeURIComponent(r.attachment)}` : r.url;
}

export function BatchPage({ store }: { store: BatchStore }) {
  const phase = store.phase.value;
  const done = store.done.value;
  const total = store.total.value;
  const c = store.counts.value;
  const rows = store.links.value.map((l) => ({ link: l, row: store.rows.value[l.url] }));
  return (
    <main class="batch" lang="zh-CN">
      <header>
        <h1>
          勾稽 · 批量检查年报{' '}
          <span class="en" lang="en">
            Batch check
          </span>
        </h1>
        {store.list.value ? (
          <p class="muted">
            列表页：
            <a href={store.list.value} rel="noopener noreferrer" target="_blank">
              {store.list.value}
            </a>
          </p>
        ) : (
          <p>
            在年报列表页上打开扩展弹窗，选择“检查本页列出的年报”；或打开 <code>batch.html?list=列表页网址</code>。
          </p>
        )}
      </header>
      {store.error.value && (
        <p class="error" role="alert">
          ✗ {store.error.value}
        </p>
      )}
      {total > 0 && (
        <section class="progress-box" aria-label="进度">
          <progress max={total} value={done} aria-label={`已检查 ${done}/${total}`} />
          <p class="progress-text" role="status" aria-live="polite" data-phase={phase}>
            {phase === 'done'
              ? '已完成'
              : phase === 'cancelled'
                ? '已取消'
                : phase === 'listing'
                  ? '正在读取列表页'
                  : '正在检查'}
            ：{done}/{total} 份 · 已核对 {c.report} · 有不一致{' '}
            {Object.values(store.rows.value).filter((r) => r.fail > 0 || r.proseFail > 0).length} · 旧格式 {c.old} ·
            未找到表格 {c.missing} · 附件 {c.attachment} · 不是年报 {c.none} · 出错 {c.error}
          </p>
          <div class="actions">
            {phase === 'running' || phase === 'listing' ? (
              <button type="button" onClick={() => store.cancel()} data-action="cancel">
                取消
              </button>
            ) : phase !== 'done' ? (
              <button type="button" class="primary" onClick={() => void store.start()} data-action="resume">
                继续检查
              </button>
            ) : null}
            <button type="button" onClick={() => void store.exportCsv()} disabled={!done} data-action="export-csv">
              导出 CSV（每份报告一行）
            </button>
            <button type="button" onClick={() => void store.exportJsonl()} disabled={!done} data-action="export-jsonl">
              导出 JSON Lines
            </button>
          </div>
        </section>
      )}
      {total > 0 && (
        <div class="table-wrap">
          <table class="batch-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">机关 / 链接</th>
                <th scope="col">年度</th>
                <th scope="col">格式</th>
                <th scope="col">表格读取</th>
                <th scope="col">勾稽不一致</th>
                <th scope="col">正文与表格矛盾</th>
                <th scope="col">与上年度</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ link, row }, i) =>
                row ? (
                  <tr
                    key={link.url}
                    data-gouji-report=""
                    data-url={link.url}
                    data-state={row.state}
                    data-fail={row.fail}
                    data-prose-fail={row.proseFail}
                    data-yoy={row.yoy?.status ?? ''}
                  >
                    <td>{i + 1}</td>
                    <td>
                      <a href={rowHref(row)} target="_blank" rel="noopener noreferrer">
                        {row.agency ?? link.text}
                      </a>
                      {row.agency && <div class="muted small">{link.text}</div>}
                    </td>
                    <td>{row.year ?? link.year ?? '—'}</td>
                    <td>{row.format ? formatName(row.format) : '—'}</td>
                    <td class="small">{tablesText(row)}</td>
                    <td class={row.fail ? 'bad' : ''}>
                      {row.state === 'report' ? (row.fail ? `✗ ${row.fail} 处` : '✓ 0') : '—'}
                    </td>
                    <td class={row.proseFail ? 'bad' : ''}>
                      {row.state === 'report' ? (row.proseFail ? `✗ ${row.proseFail} 处` : '✓ 0') : '—'}
                    </td>
                    <td class={row.yoy?.status === 'fail' ? 'bad' : ''}>{yoyText(row)}</td>
                    <td>
                      <span aria-hidden="true">{STATE_SYM[row.state]} </span>
                      {STATE_ZH[row.state]}
                      {row.reason && row.state !== 'report' ? <div class="muted small">{row.reason}</div> : null}
                    </td>
                  </tr>
                ) : (
                  <tr key={link.url} data-pending="">
                    <td>{i + 1}</td>
                    <td>
                      <a href={link.url} target="_blank" rel="noopener noreferrer">
                        {link.text}
                      </a>
                    </td>
                    <td>{link.year ?? '—'}</td>
                    <td colSpan={6} class="muted">
                      {phase === 'running' ? '等待中…' : '未检查'}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
