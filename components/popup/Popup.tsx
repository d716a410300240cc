// The popup view: reads PopupStore signals, calls its methods. Status is always a symbol and a word
// (✗ 不一致, ? 无法判断, ✓ 一致: lib/rules/render.ts stateName), never colour alone. Page text (agency, title, messages, quotes) is
// rendered as text nodes by Preact — never as HTML.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Check } from '@/lib/types';
import { checkTitle, fieldInWords } from '@/lib/export/labels';
import { formatName } from '@/lib/schema/formats';
import { TABLE_KEYS, TABLES } from '@/lib/schema/tables';
import { renderCheck, renderClaim, renderNotice } from '@/lib/rules/render';
import { FLAG_STATUS_LABELS } from '@/lib/flags/model';
import { LangSwitch, StatusMark, Toast } from '../common/ui';
import type { PopupStore } from './store';
import { FileActions } from './FileActions';
import { isPdfUrl } from './files';

export function Popup({ store }: { store: PopupStore }) {
  const { t } = store;
  const lang = store.lang.value; // subscribe: re-render on language change
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && store.feedback.peek() !== null) {
        store.feedback.value = null;
        e.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <div class="popup" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="popup">
      <header class="bar">
        <h1 class="brand">
          <span class="brand-name">{t('appName')}</span>
          <span class="brand-tag">{t('appTagline')}</span>
        </h1>
        <div class="bar-actions">
          <button type="button" class="link" onClick={() => store.host.openFlagsPage()} data-action="open-flags">
            {t('openFlags')}
          </button>
          {store.host.openHistoryPage && (
            <button
              type="button"
              class="link"
              onClick={() => store.host.openHistoryPage?.()}
              data-action="open-history"
            >
              {t('openHistory')}
            </button>
          )}
          <LangSwitch lang={lang} onSwitch={(l) => void store.setLang(l)} t={t} />
        </div>
      </header>
      <Toast toast={store.toast.value} onClose={() => (store.toast.value = null)} closeLabel={t('close')} />
      <Body store={store} />
      {store.host.files && (
        <FileActions
          host={store.host.files}
          isPdf={isPdfUrl}
          lang={lang}
          hasReport={store.tab.value?.state === 'report'}
        />
      )}
    </div>
  );
}

function Body({ store }: { store: PopupStore }) {
  const { t } = store;
  const tab = store.tab.value;
  if (tab === undefined)
    return (
      <p class="muted pad" role="status">
        {t('loading')}
      </p>
    );
  if (store.tabId.value === null)
    return (
      <p class="pad" role="alert">
        {t('noTab')}
      </p>
    );
  if (!tab || tab.state !== 'report' || !tab.report) return <NotReport store={store} />;
  return <ReportView store={store} />;
}

function NotReport({ store }: { store: PopupStore }) {
  const { t } = store;
  const tab = store.tab.value;
  const checking = store.checking.value;
  return (
    <section class="pad not-report" data-state={tab?.state ?? 'unchecked'}>
      {tab?.state === 'none' && (tab.listLinks ?? 0) >= 2 && store.host.openBatch && (
        <>
          <p>{t('listPage')}</p>
          <button
            type="button"
            class="primary"
            onClick={() => store.host.openBatch?.(tab.url)}
            data-action="open-batch"
          >
            {t('listOffer', { n: tab.listLinks! })}
          </button>
        </>
      )}
      {tab?.state === 'error' ? (
        <p role="alert">
          <StatusMark status="fail" t={t} /> {t('pageError', { error: tab.error ?? '?' })}
        </p>
      ) : (
        <>
          <p>{tab ? t('notReport') : t('noState')}</p>
          {tab?.error && <p class="muted">{tab.error}</p>}
          <p class="muted">{t('notReportHint')}</p>
        </>
      )}
      <button
        type="button"
        class={tab?.listLinks ? '' : 'primary'}
        onClick={() => void store.checkPage()}
        disabled={checking}
        aria-busy={checking}
        data-action="check-page"
      >
        {checking ? t('checking') : t('checkPage')}
      </button>
    </section>
  );
}

/** 上一年度报告: this year's 上年结转 against the previous report's 结转下年度 (from history). */
function PreviousYearView({ store }: { store: PopupStore }) {
  const { t } = store;
  const p = store.previous.value!;
  const failing = p.checks.filter((c) => c.status === 'fail');
  return (
    <section class="card previous-year" data-previous-year={p.year} data-status={p.status}>
      <h3>
        {t('previousYear')}
        {t('punct.colon')}
        {p.url ? (
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            {t('previousYearOf', { year: p.year })}
          </a>
        ) : (
          t('previousYearOf', { year: p.year })
        )}
      </h3>
      <p>
        <StatusMark status={p.status} t={t} />{' '}
        {p.status === 'pass'
          ? t('previousPass')
          : p.status === 'fail'
            ? t('previousFail', { n: failing.length })
            : t('previousUncertain')}
      </p>
      {failing.length > 0 && (
        <ul class="small">
          {failing.map((c) => (
            <li key={c.id}>{renderCheck(c, store.report.value?.values ?? {}, store.lang.value).text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The report card, counts, findings and actions (also the report view's findings column, entrypoints/report). */
export function ReportView({ store }: { store: PopupStore }) {
  const { t } = store;
  const lang = store.lang.value;
  const r = store.report.value!;
  const c = store.counts.value;
  const failing = store.failing.value;
  const narrative = <NarrativeSection store={store} />;
  const uncertain = store.uncertain.value;
  const blanks = store.blanks.value;
  const read = TABLE_KEYS.reduce(
    (acc, k) => ({
      read: acc.read + (r.tables?.[k]?.cellsRead ?? 0),
      expected: acc.expected + (r.tables?.[k]?.cellsExpected ?? 0),
    }),
    { read: 0, expected: 0 },
  );
  const marks = store.marksVisible.value;
  return (
    <main>
      <section class="card report-card" aria-label={t('agency')}>
        <h2 class="agency" data-field="agency" title={r.report.agency ?? ''}>
          {r.report.agency ?? t('unknown')}
        </h2>
        <dl class="facts">
          <div>
            <dt>{t('year')}</dt>
            <dd data-field="year">{r.report.year ?? t('unknown')}</dd>
          </div>
          <div>
            <dt>{t('format')}</dt>
            <dd data-field="format">{formatName(r.report.format, store.lang.value, { docNo: true })}</dd>
          </div>
          <div class="wide">
            <dt>{t('pageTitle')}</dt>
            <dd class="clip" data-field="title" title={r.source.title ?? ''}>
              {r.source.title ?? '—'}
            </dd>
          </div>
        </dl>
        <p class="tables" data-field="cells-read">
          <strong>{t('tablesRead', read)}</strong>
          {TABLE_KEYS.map((k) => {
            const s = r.tables?.[k];
            const name = TABLES[k].short[store.lang.value];
            return (
              <span class={`table-pill ${s?.found ? 'found' : 'missing'}`} data-table={k} key={k}>
                {s?.found ? '✓ ' : '✗ '}
                {s?.found
                  ? t('tableFound', { name, read: s.cellsRead, expected: s.cellsExpected })
                  : t('tableMissing', { name })}
              </span>
            );
          })}
        </p>
      </section>

      {store.previous.value && <PreviousYearView store={store} />}

      <section class="counts" aria-label={t('countsLabel')}>
        <Count kind="errors" n={c.errors} label={t('countErrors', { n: c.errors })}>
          <span class="count-sub" data-count="fail">
            <span class="count-n">{c.fail}</span>{' '}
            <span class="count-label">{t('countFailingChecks', { n: c.fail })}</span>
          </span>
        </Count>
        <Count kind="pass" n={c.pass} label={t('countPass')} />
        <Count kind="uncertain" n={c.uncertain} label={t('countUncertain')} />
      </section>

      <BlankOption store={store} />

      {r.notices?.length ? (
        <section class="notices" aria-label={t('noticesHeading')}>
          {r.notices.map((n) => (
            <p class={`notice notice-${n.level}`} data-notice={n.id} key={n.id + (n.field ?? '')}>
              <span aria-hidden="true">{n.level === 'error' ? '✗' : n.level === 'warn' ? '!' : 'i'}</span>{' '}
              {renderNotice(n, r, lang)}
              {n.href && /^https?:\/\//.test(n.href) ? (
                <>
                  {' '}
                  <a href={n.href} target="_blank" rel="noopener noreferrer">
                    {t('openAttachment')}
                  </a>
                </>
              ) : null}
            </p>
          ))}
        </section>
      ) : null}

      {c.errors === 0 && c.uncertain === 0 && c.tablesMissing === 0 && (r.checks?.length ?? 0) > 0 && (
        <p class="all-ok pad">
          <StatusMark status="pass" t={t} /> {t('allConsistent')}
        </p>
      )}

      {/* A number in the text that contradicts the tables is the most quotable finding: it leads. */}
      {c.narrativeFail > 0 && narrative}

      {failing.length > 0 && (
        <section class="section" data-section="fail">
          <h3>{t('errorsHeading', { n: c.errors - c.narrativeFail, checks: c.fail })}</h3>
          {store.errorGroups.value.map((g) => (
            <div class="table-group" data-table={g.table} key={g.table}>
              {g.table !== 'other' && <h4>{TABLES[g.table].full[store.lang.value]}</h4>}
              <ul class="findings">
                {g.items.map(({ error, checks }) =>
                  error.kind === 'cell' && error.field ? (
                    <li class="error-group" data-error={error.key} key={error.key}>
                      <p class="error-head">
                        <StatusMark status="fail" t={t} />{' '}
                        <span class="culprit" data-culprit={error.field}>
                          {store.t('culprit', {
                            where: fieldInWords(error.field, store.lang.value),
                            value: error.suggested ?? '',
                          })}
                        </span>
                      </p>
                      <p class="muted small error-count">{t('errorChecks', { n: checks.length })}</p>
                      <ul class="findings">
                        {checks.map((check) => (
                          <CheckItem store={store} check={check} key={check.id} grouped />
                        ))}
                      </ul>
                    </li>
                  ) : (
                    checks.map((check) => <CheckItem store={store} check={check} key={check.id} />)
                  ),
                )}
              </ul>
            </div>
          ))}
        </section>
      )}

      {c.narrativeFail === 0 && narrative}

      {uncertain.length > 0 && (
        <details class="section" data-section="uncertain">
          <summary>
            <h3>{t('uncertainHeading', { n: uncertain.length })}</h3>
          </summary>
          <ul class="findings">
            {uncertain.map((check) => (
              <CheckItem store={store} check={check} key={check.id} />
            ))}
          </ul>
        </details>
      )}

      {blanks.length > 0 && (
        <details class="section" data-section="blank">
          <summary>
            <h3>{t('blankHeading', { n: blanks.reduce((a, b) => a + b.fields.length, 0) })}</h3>
          </summary>
          {blanks.map((b) => (
            <div class="blank-group" key={b.table}>
              <h4>{TABLES[b.table].full[store.lang.value]}</h4>
              <ul class="blank-list">
                {b.fields.map((f) => (
                  <li key={f}>
                    <button type="button" class="link" onClick={() => void store.focus('', f)} data-field-id={f}>
                      {fieldInWords(f, store.lang.value)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}

      <Feedback store={store} />

      <footer class="actions">
        <button type="button" class="primary" onClick={() => store.exportJson()} data-action="export-json">
          {t('exportJson')}
        </button>
        <button type="button" onClick={() => store.exportCsv()} data-action="export-csv">
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void store.copyJson()} data-action="copy">
          {t('copy')}
        </button>
        {(c.fail > 0 || c.narrativeFail > 0) && (
          <button
            type="button"
            onClick={() => store.openFeedback()}
            data-action="feedback"
            aria-expanded={store.feedback.value !== null}
          >
            {t('feedback')}
          </button>
        )}
        {marks !== null && (
          <label class="marks">
            <input
              type="checkbox"
              checked={marks}
              onChange={(e) => void store.setMarks((e.currentTarget as HTMLInputElement).checked)}
              data-action="marks"
            />
            {t('marks')}
          </label>
        )}
      </footer>
    </main>
  );
}

function NarrativeSection({ store }: { store: PopupStore }) {
  const { t } = store;
  const claims = store.claims.value;
  if (!claims.length) return null;
  return (
    <section class="section" data-section="narrative">
      <h3>{t('narrativeHeading', { n: claims.length })}</h3>
      <ul class="findings">
        {claims.map(({ id, claim }) => (
          <FindingItem
            key={id}
            store={store}
            id={id}
            status={claim.status === 'fail' ? 'fail' : 'warn'}
            title={`“${claim.quote}”`}
            message={renderClaim(claim, store.lang.value)}
            focusField={claim.field ?? undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function Count({
  kind,
  n,
  label,
  children,
}: {
  kind: 'pass' | 'errors' | 'uncertain';
  n: number;
  label: string;
  children?: ComponentChildren;
}) {
  const sym = kind === 'pass' ? '✓' : kind === 'errors' ? '✗' : '?';
  return (
    <div class={`count count-${kind}`} data-count={kind}>
      <span class="count-n">{n}</span>
      <span class="count-label">
        <span aria-hidden="true">{sym} </span>
        {label}
      </span>
      {children}
    </div>
  );
}

/** `grouped`: listed under its error, whose head already names the probable wrong cell. */
function CheckItem({ store, check, grouped }: { store: PopupStore; check: Check; grouped?: boolean }) {
  const lang = store.lang.value;
  const culprit = check.culprit;
  return (
    <FindingItem
      store={store}
      id={check.id}
      status={check.status === 'fail' ? 'fail' : 'uncertain'}
      title={checkTitle(check.id, check.cells, lang)}
      message={renderCheck(check, store.report.value?.values ?? {}, lang).detail}
      focusField={culprit?.field ?? check.cells?.[0]}
      extra={
        <>
          {culprit && !grouped && (
            <span class="culprit" data-culprit={culprit.field}>
              {store.t('culprit', { where: fieldInWords(culprit.field, lang), value: culprit.suggested })}
            </span>
          )}
          {check.assumedZero?.length ? (
            <span class="muted small">{store.t('assumedZero', { n: check.assumedZero.length })}</span>
          ) : null}
        </>
      }
    />
  );
}

function FindingItem(props: {
  store: PopupStore;
  id: string;
  status: 'fail' | 'uncertain' | 'warn';
  title: string;
  message: string;
  focusField?: string;
  extra?: ComponentChildren;
}) {
  const { store, id } = props;
  const { t } = store;
  const flagStatus = store.flagged.value[id];
  const formOpen = store.flagFormFor.value === id;
  const domId = `f-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class={`finding finding-${props.status}`} data-check-id={id} data-flagged={flagStatus ? 'true' : undefined}>
      <button
        type="button"
        class="finding-main"
        onClick={() => void store.focus(id, props.focusField)}
        title={t('locate')}
        aria-describedby={`${domId}-msg`}
      >
        <StatusMark status={props.status} t={t} />
        <span class="finding-title">{props.title}</span>
      </button>
      <p class="finding-msg" id={`${domId}-msg`}>
        {props.message}
      </p>
      {props.extra && <p class="finding-extra">{props.extra}</p>}
      <div class="finding-actions">
        {flagStatus ? (
          <span class="flagged-tag" data-flag-status={flagStatus}>
            ⚑ {t('flagged', { status: FLAG_STATUS_LABELS[flagStatus][store.lang.value] })}
          </span>
        ) : formOpen ? null : (
          <button type="button" class="small" onClick={() => (store.flagFormFor.value = id)} data-action="flag">
            ⚑ {t('flag')}
          </button>
        )}
      </div>
      {formOpen && !flagStatus && <FlagForm store={store} id={id} domId={domId} />}
    </li>
  );
}

function FlagForm({ store, id, domId }: { store: PopupStore; id: string; domId: string }) {
  const { t } = store;
  return (
    <form
      class="flag-form"
      onSubmit={(e) => {
        e.preventDefault();
        const note = (e.currentTarget.elements.namedItem('note') as HTMLTextAreaElement | null)?.value ?? '';
        void store.flag(id, note);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          store.flagFormFor.value = null;
        }
      }}
    >
      <label for={`${domId}-note`}>{t('flagNote')}</label>
      <textarea id={`${domId}-note`} name="note" rows={2} maxLength={5000} ref={(el) => el?.focus()} />
      <div class="row">
        <button type="submit" class="primary small" data-action="flag-save">
          {t('flagSave')}
        </button>
        <button type="button" class="small" onClick={() => (store.flagFormFor.value = null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function Feedback({ store }: { store: PopupStore }) {
  const { t } = store;
  const text = store.feedback.value;
  if (text === null) return null;
  return (
    <section class="card feedback" data-section="feedback" aria-label={t('feedback')}>
      <p class="muted">{text ? t('feedbackHint') : t('feedbackEmpty')}</p>
      {text && <textarea readOnly rows={8} value={text} aria-label={t('feedback')} data-field="feedback-text" />}
      <div class="row">
        {text && (
          <button
            type="button"
            class="primary small"
            onClick={() => void store.copyFeedback()}
            data-action="feedback-copy"
          >
            {t('copyText')}
          </button>
        )}
        <button type="button" class="small" onClick={() => (store.feedback.value = null)}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}

/**
 * 空白按 0 计: offered when the report has blank cells (or was checked with the option). Off by default; the
 * page re-checks when it changes, and the report shown says which way it was checked.
 */
function BlankOption({ store }: { store: PopupStore }) {
  const { t } = store;
  const r = store.report.value;
  if (!r || !store.host.saveBlankAsZero) return null;
  const used = !!r.options?.blankAsZero;
  const anyBlank = TABLE_KEYS.some((k) => (r.tables?.[k]?.blank.length ?? 0) > 0);
  if (!anyBlank && !used && !store.blankAsZero.value) return null;
  return (
    <section class="blank-option" data-option="blank-as-zero" data-used={used ? 'true' : 'false'}>
      <label>
        <input
          type="checkbox"
          checked={store.blankAsZero.value}
          onChange={(e) => void store.setBlankAsZero((e.currentTarget as HTMLInputElement).checked)}
          aria-describedby="blank-as-zero-hint"
        />{' '}
        {t('blankAsZero')}
      </label>
      <p class="muted" id="blank-as-zero-hint">
        {used ? <strong data-field="blank-as-zero-on">{t('blankAsZeroOn')}</strong> : t('blankAsZeroHint')}
      </p>
    </section>
  );
}
