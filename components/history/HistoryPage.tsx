// 历史: every report checked, newest first; search, filters, delete, clear all, export / import. Chinese
// first, English when the UI language is English (the popup's strings and switch).
import type { HistoryStore } from './store';
import { errorsOf, ROW_STATES, type RowState } from '@/lib/batch/run';
import { formatDate } from '@/lib/i18n';
import { MAX_BYTES, MAX_ENTRIES } from '@/lib/history/store';
import { LangSwitch } from '../common/ui';
import { STATE_KEY, STATE_SYMBOL } from '../common/states';

export function HistoryPage({ store }: { store: HistoryStore }) {
  const lang = store.lang.value; // subscribe: re-render on language change
  const { t } = store;
  const entries = store.entries.value;
  const shown = store.shown.value;
  const msg = store.message.value;
  return (
    <main class="batch history" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <div class="title-bar">
          <h1>
            {t('appName')} · {t('historyTitle')}
          </h1>
          <LangSwitch lang={lang} onSwitch={(l) => void store.setLang(l)} t={t} />
        </div>
        <p class="muted small">{t('historyBound', { n: MAX_ENTRIES, mb: MAX_BYTES / 1048576 })}</p>
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
          {t('search')}{' '}
          <input
            type="search"
            value={store.query.value}
            onInput={(e) => (store.query.value = (e.target as HTMLInputElement).value)}
            placeholder={t('historySearchHint')}
          />
        </label>
        <label>
          {t('filterAgency')}{' '}
          <select value={store.body.value} onChange={(e) => (store.body.value = (e.target as HTMLSelectElement).value)}>
            <option value="">{t('filterAll')}</option>
            {store.bodies.value.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterYear')}{' '}
          <select value={store.year.value} onChange={(e) => (store.year.value = (e.target as HTMLSelectElement).value)}>
            <option value="">{t('filterAll')}</option>
            {store.years.value.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterState')}{' '}
          <select
            value={store.state.value}
            onChange={(e) => (store.state.value = (e.target as HTMLSelectElement).value as RowState | '')}
          >
            <option value="">{t('filterAll')}</option>
            {ROW_STATES.map((s) => (
              <option key={s} value={s}>
                {t(STATE_KEY[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void store.exportAll()} data-action="history-export">
          {t('historyExport')}
        </button>
        <label class="button-like">
          {t('historyImport')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-action="history-import"
            onChange={async (e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) await store.importFile(f);
            }}
          />
        </label>
        <button
          type="button"
          class="danger"
          data-action="history-clear"
          onClick={() => {
            if (confirm(t('historyConfirmClear'))) void store.clearAll();
          }}
        >
          {t('historyClear')}
        </button>
      </div>
      <p data-history-count={entries?.length ?? 0}>
        {entries === null ? t('loading') : t('historyCount', { n: entries.length, shown: shown.length })}
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="batch-table">
            <thead>
              <tr>
                <th scope="col">{t('agency')}</th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colErrors')}</th>
                <th scope="col">{t('colProse')}</th>
                <th scope="col">{t('colCheckedAt')}</th>
                <th scope="col">
                  <span class="sr-only">{t('colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const n = errorsOf(e);
                return (
                  <tr key={e.url} data-history-url={e.url} data-state={e.state} data-errors={n}>
                    <td class="agency">
                      <a href={e.url} target="_blank" rel="noopener noreferrer">
                        {e.agency ?? e.url}
                      </a>
                    </td>
                    <td data-label={t('year')}>{e.year ?? '—'}</td>
                    <td data-label={t('colState')}>
                      <span aria-hidden="true">{STATE_SYMBOL[e.state]} </span>
                      {t(STATE_KEY[e.state])}
                    </td>
                    <td class={n ? 'bad rep' : 'rep'} data-label={t('colErrors')}>
                      {e.state !== 'report' ? (
                        '—'
                      ) : n ? (
                        <>
                          ✗ {t(n === 1 ? 'errorsCellOne' : 'errorsCell', { n })}
                          {e.fail > 0 && (
                            <div class="small">
                              {t(e.fail === 1 ? 'failingChecksCellOne' : 'failingChecksCell', { n: e.fail })}
                            </div>
                          )}
                        </>
                      ) : (
                        `✓ ${t('noErrors')}`
                      )}
                    </td>
                    <td class={e.proseFail ? 'bad rep' : 'rep'} data-label={t('colProse')}>
                      {e.state === 'report' ? (e.proseFail ? `✗ ${t('proseCell', { n: e.proseFail })}` : '✓ 0') : '—'}
                    </td>
                    <td class="small" data-label={t('colCheckedAt')}>
                      {formatDate(new Date(e.at).toISOString(), lang)}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="small"
                        onClick={() => void store.remove(e.url)}
                        aria-label={t('removeNamed', { name: e.agency ?? e.url })}
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
