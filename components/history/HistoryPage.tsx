// 历史: every report checked, newest first; search, filters, delete, clear all, export / import.
import type { HistoryStore } from './store';
import type { RowState } from '@/lib/batch/run';
import { MAX_BYTES, MAX_ENTRIES } from '@/lib/history/store';

const STATE_ZH: Record<RowState, string> = {
  report: '已核对',
  none: '不是年报',
  old: '旧格式',
  missing: '未找到表格',
  attachment: '表格在附件中',
  error: '出错',
};

export function HistoryPage({ store }: { store: HistoryStore }) {
  const entries = store.entries.value;
  const shown = store.shown.value;
  const msg = store.message.value;
  return (
    <main class="batch history" lang="zh-CN">
      <header>
        <h1>
          勾稽 · 历史记录{' '}
          <span class="en" lang="en">
            History
          </span>
        </h1>
        <p class="muted small">
          只保存在本机浏览器中（IndexedDB），最多 {MAX_ENTRIES} 份报告、{MAX_BYTES / 1048576}{' '}
          MB，超出时先删除最早的记录。跟进清单不受影响。
        </p>
      </header>
      <div class="toast-slot" role="status" aria-live="polite">
        {msg && (
          <p class={msg.kind === 'error' ? 'error' : ''}>
            {msg.kind === 'error' ? '✗ ' : '✓ '}
            {msg.text}
          </p>
        )}
      </div>
      <div class="filters actions">
        <label>
          搜索{' '}
          <input
            type="search"
            value={store.query.value}
            onInput={(e) => (store.query.value = (e.target as HTMLInputElement).value)}
            placeholder="机关名称或网址"
          />
        </label>
        <label>
          机关{' '}
          <select value={store.body.value} onChange={(e) => (store.body.value = (e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {store.bodies.value.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          年度{' '}
          <select value={store.year.value} onChange={(e) => (store.year.value = (e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {store.years.value.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          状态{' '}
          <select
            value={store.state.value}
            onChange={(e) => (store.state.value = (e.target as HTMLSelectElement).value as RowState | '')}
          >
            <option value="">全部</option>
            {(Object.keys(STATE_ZH) as RowState[]).map((s) => (
              <option key={s} value={s}>
                {STATE_ZH[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void store.exportAll()} data-action="history-export">
          导出
        </button>
        <label class="button-like">
          导入{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-action="history-import"
            onChange={async (e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) await store.importText(await f.text());
            }}
          />
        </label>
        <button
          type="button"
          class="danger"
          data-action="history-clear"
          onClick={() => {
            if (confirm('清空全部历史记录？（跟进清单不受影响）')) void store.clearAll();
          }}
        >
          清空全部
        </button>
      </div>
      <p data-history-count={entries?.length ?? 0}>
        {entries === null ? '正在读取…' : `共 ${entries.length} 条，显示 ${shown.length} 条`}
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="batch-table">
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col">勾稽不一致</th>
                <th scope="col">正文矛盾</th>
                <th scope="col">检查时间</th>
                <th scope="col">
                  <span class="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.url} data-history-url={e.url} data-state={e.state}>
                  <td>
                    <a href={e.url} target="_blank" rel="noopener noreferrer">
                      {e.agency ?? e.url}
                    </a>
                  </td>
                  <td>{e.year ?? '—'}</td>
                  <td>{STATE_ZH[e.state]}</td>
                  <td class={e.fail ? 'bad' : ''}>{e.state === 'report' ? (e.fail ? `✗ ${e.fail}` : '✓ 0') : '—'}</td>
                  <td class={e.proseFail ? 'bad' : ''}>
                    {e.state === 'report' ? (e.proseFail ? `✗ ${e.proseFail}` : '✓ 0') : '—'}
                  </td>
                  <td class="small">{new Date(e.at).toLocaleString('zh-CN')}</td>
                  <td>
                    <button
                      type="button"
                      class="small"
                      onClick={() => void store.remove(e.url)}
                      aria-label={`删除 ${e.agency ?? e.url}`}
                    >
                      删除
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
