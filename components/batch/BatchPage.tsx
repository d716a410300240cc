// The batch page: progress, a live table (one row per report, the row contract of docs/batch.md), cancel /
// resume, exports. Chinese first, English when the UI language is English (the popup's strings and switch).
// Page text (link titles, body names, reasons) is only ever rendered as text.
import type { BatchStore } from './store';
import { errorsOf, type BatchRow } from '@/lib/batch/run';
import { whyText } from '@/lib/batch/why';
import { formatName } from '@/lib/schema/formats';
import { TABLE_KEYS, tableName } from '@/lib/schema/tables';
import type { Lang, MessageKey } from '@/lib/i18n';
import { LangSwitch } from '../common/ui';
import { STATE_KEY, STATE_SYMBOL } from '../common/states';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

function tablesText(r: BatchRow, lang: Lang): string {
  if (!r.tables) return '—';
  const t = r.tables;
  return TABLE_KEYS.map((k) => `${tableName(k, lang)} ${t[k][0]}/${t[k][1]}`).join(' · ');
}

function yoyText(r: BatchRow, t: T): string {
  if (!r.yoy) return '—';
  const y = r.yoy;
  if (y.status === 'pass') return `✓ ${t('yoyPass', { year: y.previousYear })}`;
  if (y.status === 'fail') return `✗ ${t('yoyFail', { year: y.previousYear, n: y.fail })}`;
  return `? ${t('yoyUncertain', { year: y.previousYear })}`;
}

/** The reason shown under a row's state: translated when the row carries its key; older rows' Chinese in Chinese. */
function reasonOf(r: BatchRow, lang: Lang): string | null {
  if (r.state === 'report') return null;
  if (r.why) return whyText(r.why, lang);
  return r.reason && (r.state === 'error' || lang === 'zh') ? r.reason : null;
}

/** Where a row leads: the attachment through the report view, else the page itself. */
function rowHref(r: BatchRow): string {
  // The attached file (read or not) opens in the report view, where its tables show with their marks.
  return r.attachment ? `report.html?url=${encodeURIComponent(r.attachment)}` : r.url;
}

function ErrorsCell({ row, t }: { row: BatchRow; t: T }) {
  const label = t('colErrors');
  if (row.state !== 'report')
    return (
      <td class="rep" data-label={label}>
        —
      </td>
    );
  const n = errorsOf(row);
  if (!n)
    return (
      <td data-errors-cell="0" data-label={label}>
        <span aria-hidden="true">✓ </span>
        {t('noErrors')}
      </td>
    );
  return (
    <td class="bad" data-errors-cell={n} data-label={label}>
      <span aria-hidden="true">✗ </span>
      {t(n === 1 ? 'errorsCellOne' : 'errorsCell', { n })}
      {row.fail > 0 && (
        <div class="small">{t(row.fail === 1 ? 'failingChecksCellOne' : 'failingChecksCell', { n: row.fail })}</div>
      )}
    </td>
  );
}

export function BatchPage({ store }: { store: BatchStore }) {
  const lang = store.lang.value; // subscribe: re-render on language change
  const { t } = store;
  const phase = store.phase.value;
  const done = store.done.value;
  const total = store.total.value;
  const c = store.counts.value;
  const all = Object.values(store.rows.value);
  const withErrors = all.filter((r) => r.state === 'report' && errorsOf(r) > 0);
  const rows = store.links.value.map((l) => ({ link: l, row: store.rows.value[l.url] }));
  const phaseText =
    phase === 'done'
      ? t('phaseDone')
      : phase === 'cancelled'
        ? t('phaseCancelled')
        : phase === 'listing'
          ? t('phaseListing')
          : t('phaseRunning');
  return (
    <main class="batch" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <div class="title-bar">
          <h1>
            {t('appName')} · {t('batchTitle')}
          </h1>
          <LangSwitch lang={lang} onSwitch={(l) => void store.setLang(l)} t={t} />
        </div>
        {store.list.value ? (
          <p class="muted">
            {t('batchList')}
            <a href={store.list.value} rel="noopener noreferrer" target="_blank">
              {store.list.value}
            </a>
          </p>
        ) : (
          <p>
            {t('batchHowTo')} <code>{t('batchListParam')}</code>
          </p>
        )}
      </header>
      {store.error.value && (
        <p class="error" role="alert">
          ✗ {t(store.error.value.key, store.error.value.params)}
        </p>
      )}
      {total > 0 && (
        <section class="progress-box" aria-label={t('batchProgress')}>
          <progress max={total} value={done} aria-label={t('batchChecked', { done, total })} />
          <p class="progress-text" role="status" aria-live="polite" data-phase={phase}>
            {phaseText}
            {lang === 'zh' ? '：' : ': '}
            {t('batchDone', { done, total })} · {t('stateReport')} {c.report} ·{' '}
            <span data-batch-with-errors={withErrors.length}>
              {t('batchWithErrors', {
                n: withErrors.length,
                errors: withErrors.reduce((s, r) => s + errorsOf(r), 0),
                checks: withErrors.reduce((s, r) => s + r.fail, 0),
              })}
            </span>{' '}
            {/* The other states, only those that occur (a row of zeros says nothing). */}
            {(['old', 'missing', 'attachment', 'none', 'error'] as const)
              .filter((k) => c[k] > 0)
              .map((k) => (
                <span key={k} data-count={k}>
                  {' '}
                  · {t(STATE_KEY[k])} {c[k]}
                </span>
              ))}
          </p>
          <div class="actions">
            {phase === 'running' || phase === 'listing' ? (
              <button type="button" onClick={() => store.cancel()} data-action="cancel">
                {t('batchCancel')}
              </button>
            ) : phase !== 'done' ? (
              <button type="button" class="primary" onClick={() => void store.start()} data-action="resume">
                {t('batchResume')}
              </button>
            ) : null}
            <button type="button" onClick={() => void store.exportCsv()} disabled={!done} data-action="export-csv">
              {t('batchExportCsv')}
            </button>
            <button type="button" onClick={() => void store.exportJsonl()} disabled={!done} data-action="export-jsonl">
              {t('batchExportJsonl')}
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
                <th scope="col">{t('colAgencyLink')}</th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('format')}</th>
                <th scope="col">{t('colTables')}</th>
                <th scope="col">{t('colErrors')}</th>
                <th scope="col">{t('colProse')}</th>
                <th scope="col">{t('colYoy')}</th>
                <th scope="col">{t('colState')}</th>
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
                    data-errors={errorsOf(row)}
                    data-fail={row.fail}
                    data-prose-fail={row.proseFail}
                    data-yoy={row.yoy?.status ?? ''}
                    data-source={row.source ?? ''}
                  >
                    <td class="num">{i + 1}</td>
                    <td class="agency">
                      <a href={rowHref(row)} target="_blank" rel="noopener noreferrer">
                        {row.agency ?? link.text}
                      </a>
                      {row.agency && !row.attachment && <div class="muted small">{link.text}</div>}
                      {row.attachment && (
                        <div class="muted small">
                          <a href={link.url} target="_blank" rel="noopener noreferrer">
                            {link.text}
                          </a>
                        </div>
                      )}
                    </td>
                    <td data-label={t('year')}>{row.year ?? link.year ?? '—'}</td>
                    <td data-label={t('format')}>
                      {row.format ? formatName(row.format, lang) : '—'}
                      {row.source && (
                        <div class="muted small">
                          {t('sourceFile', { kind: row.source === 'pdf' ? 'PDF' : 'Word' })}
                        </div>
                      )}
                    </td>
                    <td class="small rep" data-label={t('colTables')}>
                      {tablesText(row, lang)}
                    </td>
                    <ErrorsCell row={row} t={t} />
                    <td class={row.proseFail ? 'bad rep' : 'rep'} data-label={t('colProse')}>
                      {row.state === 'report'
                        ? row.proseFail
                          ? `✗ ${t('proseCell', { n: row.proseFail })}`
                          : '✓ 0'
                        : '—'}
                    </td>
                    <td class={row.yoy?.status === 'fail' ? 'bad rep' : 'rep'} data-label={t('colYoy')}>
                      {yoyText(row, t)}
                      {row.yoy?.previousUrl && /^https?:\/\//i.test(row.yoy.previousUrl) && (
                        <div class="small">
                          <a
                            href={row.yoy.previousUrl}
                            target="_blank"
                            rel="noopener noreferrer"
                            data-previous-year-link=""
                          >
                            {t('previousYearOf', { year: row.yoy.previousYear })}
                          </a>
                        </div>
                      )}
                    </td>
                    <td data-label={t('colState')}>
                      <span aria-hidden="true">{STATE_SYMBOL[row.state]} </span>
                      {t(STATE_KEY[row.state])}
                      {reasonOf(row, lang) !== null && <div class="muted small reason">{reasonOf(row, lang)}</div>}
                    </td>
                  </tr>
                ) : (
                  <tr key={link.url} data-pending="">
                    <td class="num">{i + 1}</td>
                    <td class="agency">
                      <a href={link.url} target="_blank" rel="noopener noreferrer">
                        {link.text}
                      </a>
                    </td>
                    <td data-label={t('year')}>{link.year ?? '—'}</td>
                    <td colSpan={6} class="muted">
                      {phase === 'running' ? t('pending') : t('notChecked')}
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
