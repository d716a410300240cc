// The follow-up page (flags.html): every flag, grouped by report, filterable by status, agency and
// year; status and note editable in place; export/import; 生成反馈意见 per report. Page text stored in
// flags (titles, notes, messages) is rendered as text; links only to http(s) addresses. One page of 100
// flags at a time (上一页 / 下一页 / a page select), its rows rendered 10 per task (FlagsStore.shownFlags);
// a row renders again only when its own flag changed (FlagsStore keeps unchanged flag objects across
// reloads; FlagItem compares them).
import { Component } from 'preact';
import { useComputed } from '@preact/signals';
import { FLAG_STATUSES, FLAG_STATUS_LABELS, type Flag } from '@/lib/flags/model';
import { isWebUrl, problemText } from '@/lib/flags/validate';
import { checkTitle, fieldInWords } from '@/lib/export/labels';
import { renderFlag } from '@/lib/rules/render';
import { formatDate, type Lang } from '@/lib/i18n';
import { LangSwitch, StatusMark, Toast } from '../common/ui';
import { FLAGS_PAGE_SIZE, type FlagGroup, type FlagsStore } from './store';

export function FlagsPage({ store }: { store: FlagsStore }) {
  const { t } = store;
  const lang = store.lang.value;
  const all = store.flags.value;
  const shown = store.filtered.value;
  return (
    <div class="flags-page" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="flags-page">
      <header class="bar">
        <h1 class="brand">
          <span class="brand-name">{t('appName')}</span>
          <span class="brand-tag">{t('flagsTitle')}</span>
        </h1>
        <LangSwitch lang={lang} onSwitch={(l) => void store.setLang(l)} t={t} />
      </header>
      <Toast toast={store.toast.value} onClose={() => (store.toast.value = null)} closeLabel={t('close')} />

      <section class="toolbar" aria-label={t('flagsTitle')}>
        <p class="summary" data-field="flag-count">
          {all.length === shown.length
            ? t('flagsCount', { n: all.length })
            : t('flagsShown', { shown: shown.length, n: all.length })}
        </p>
        <div class="filters">
          <label>
            {t('filterStatus')}
            <select
              value={store.status.value}
              onChange={(e) => store.setFilter('status', (e.currentTarget as HTMLSelectElement).value)}
              data-filter="status"
            >
              <option value="">{t('filterAll')}</option>
              {FLAG_STATUSES.map((s) => (
                <option value={s} key={s}>
                  {FLAG_STATUS_LABELS[s][lang]}
                  {t('punct.count', { n: store.statusCounts.value[s] })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterAgency')}
            <select
              value={store.agency.value}
              onChange={(e) => store.setFilter('agency', (e.currentTarget as HTMLSelectElement).value)}
              data-filter="agency"
            >
              <option value="">{t('filterAll')}</option>
              {store.agencies.value.map((a) => (
                <option value={a} key={a}>
                  {a || t('unknown')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterYear')}
            <select
              value={store.year.value}
              onChange={(e) => store.setFilter('year', (e.currentTarget as HTMLSelectElement).value)}
              data-filter="year"
            >
              <option value="">{t('filterAll')}</option>
              {store.years.value.map((y) => (
                <option value={y} key={y}>
                  {y || t('unknown')}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            {t('search')}
            <input
              type="search"
              value={store.query.value}
              onInput={(e) => store.setFilter('query', (e.currentTarget as HTMLInputElement).value)}
              data-filter="query"
            />
          </label>
        </div>
        <div class="io">
          <button type="button" onClick={() => store.exportJson()} data-action="export-json" disabled={!all.length}>
            {t('exportJson')}
          </button>
          <button type="button" onClick={() => store.exportCsv()} data-action="export-csv" disabled={!all.length}>
            {t('exportCsv')}
          </button>
          <label class="file-button">
            <input
              type="file"
              accept="application/json,.json"
              data-action="import"
              onChange={async (e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                if (!file) return;
                await store.importFile(file);
                input.value = '';
              }}
            />
            <span>{t('importJson')}</span>
          </label>
        </div>
      </section>

      {store.problems.value.length > 0 && (
        <section class="problems" role="alert" data-section="problems">
          <p>{t('problemsHeading', { n: store.problems.value.length })}</p>
          <ul>
            {store.problems.value.map((p) => (
              <li key={p.key}>
                <code>{p.key}</code>
                {t('problemSep')}
                {problemText(p, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {store.importResult.value && store.importResult.value.problems.length > 0 && (
        <section class="problems" role="alert" data-section="import-problems">
          <p>{t('importSkipped', { n: store.importResult.value.problems.length })}</p>
          <ul>
            {store.importResult.value.problems.map((p) => (
              <li key={p.key}>
                <code>{p.key}</code>
                {t('problemSep')}
                {problemText(p, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <main>
        {!store.loaded.value ? (
          <p class="muted pad">{t('loading')}</p>
        ) : all.length === 0 ? (
          <p class="empty pad" data-empty="all">
            {t('emptyFlags')}
          </p>
        ) : shown.length === 0 ? (
          <p class="empty pad" data-empty="filtered">
            {t('emptyFiltered')}
          </p>
        ) : (
          <>
            <Pager store={store} where="top" />
            <Groups store={store} />
            <Pager store={store} where="bottom" />
          </>
        )}
      </main>
    </div>
  );
}

/**
 * The page's rows, in a component of its own: as they come in (ROWS_CHUNK per task) only this renders
 * again, not the toolbar and pagers. Busy while rows are still missing.
 */
function Groups({ store }: { store: FlagsStore }) {
  return (
    <div class="groups" aria-busy={store.rendering.value ? 'true' : undefined} key={store.view.value}>
      {store.groups.value.map((g) => (
        <Group store={store} group={g} key={g.key} />
      ))}
    </div>
  );
}

function Group({ store, group }: { store: FlagsStore; group: FlagGroup }) {
  const { t } = store;
  const fb = store.feedback.value[group.key];
  const headingId = `g-${group.flags[0]!.fingerprint}`;
  return (
    <section class="group" aria-labelledby={headingId} data-group={group.key}>
      <header class="group-head">
        <div class="group-title">
          <h2 id={headingId}>
            {group.agency ?? t('unknown')}
            <span class="year">{group.year === null ? '' : t('yearSuffix', { year: group.year })}</span>
          </h2>
          {group.url && isWebUrl(group.url) ? (
            <a
              href={group.url}
              target="_blank"
              rel="noopener noreferrer"
              class="source"
              data-action="open-source"
              title={group.url}
            >
              {group.title || group.url} ↗
            </a>
          ) : (
            <span class="muted">{group.title ?? t('noUrl')}</span>
          )}
        </div>
        <button
          type="button"
          onClick={() => store.toggleFeedback(group.key)}
          aria-expanded={fb !== undefined}
          data-action="feedback"
        >
          {t('feedback')}
        </button>
      </header>
      {fb !== undefined && (
        <div class="feedback" data-section="feedback">
          <p class="muted">{fb ? t('feedbackHint') : t('feedbackEmpty')}</p>
          {fb && <textarea readOnly rows={10} value={fb} aria-label={t('feedback')} data-field="feedback-text" />}
          <div class="row">
            {fb && (
              <button
                type="button"
                class="primary small"
                onClick={() => void store.copyText(fb)}
                data-action="feedback-copy"
              >
                {t('copyText')}
              </button>
            )}
            <button type="button" class="small" onClick={() => store.toggleFeedback(group.key)}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
      <ul class="flag-list">
        {group.flags.map((f) => (
          <FlagItem store={store} flag={f} key={f.fingerprint} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Pages of FLAGS_PAGE_SIZE: 上一页 / 下一页 and a select of every page (keyboard: Tab, arrows), with the range
 * shown in words. The bottom pager brings the list's top into view.
 */
function Pager({ store, where }: { store: FlagsStore; where: 'top' | 'bottom' }) {
  const { t } = store;
  const pages = store.pageCount.value;
  if (pages <= 1) return null;
  const i = store.pageIndex.value;
  const n = store.filtered.value.length;
  const go = (to: number) => {
    store.goToPage(to);
    if (where === 'bottom') document.querySelector('[data-section="pager"]')?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav class="pager" aria-label={t('pages')} data-section="pager" data-where={where}>
      <button type="button" class="small" onClick={() => go(i - 1)} disabled={i === 0} data-action="page-prev">
        ‹ {t('pagePrev')}
      </button>
      <select
        value={String(i)}
        onChange={(e) => go(Number((e.currentTarget as HTMLSelectElement).value))}
        aria-label={t('pages')}
        data-action="page-select"
      >
        {Array.from({ length: pages }, (_, k) => (
          <option value={String(k)} key={k}>
            {t('pageOf', { page: k + 1, pages })}
          </option>
        ))}
      </select>
      <button type="button" class="small" onClick={() => go(i + 1)} disabled={i >= pages - 1} data-action="page-next">
        {t('pageNext')} ›
      </button>
      <span class="muted small" data-field="page-range">
        {t('pageRange', { from: i * FLAGS_PAGE_SIZE + 1, to: Math.min(n, (i + 1) * FLAGS_PAGE_SIZE), n })}
      </span>
    </nav>
  );
}

/**
 * The finding, said again from the flag's parts in the page's language (lib/rules/render.ts renderFlag). A flag
 * made before its parts were kept shows the message it was saved with (Chinese): marked as such in English.
 */
function FlagMessage({ flag, lang, t }: { flag: Flag; lang: Lang; t: FlagsStore['t'] }) {
  const r = renderFlag(flag, lang);
  if (r.rendered || lang === 'zh') return <p class="flag-msg">{r.detail}</p>;
  return (
    <p class="flag-msg" data-saved-message="">
      <span lang="zh-CN">{r.detail}</span> <span class="muted small">{t('flagSavedMessage')}</span>
    </p>
  );
}

/** A row that renders again only when its flag object changed (or the language, or its delete button). */
class FlagItem extends Component<{ store: FlagsStore; flag: Flag }> {
  override shouldComponentUpdate(next: { store: FlagsStore; flag: Flag }): boolean {
    return next.flag !== this.props.flag || next.store !== this.props.store;
  }
  render() {
    return <FlagRow store={this.props.store} flag={this.props.flag} />;
  }
}

function FlagRow({ store, flag }: { store: FlagsStore; flag: Flag }) {
  const { t } = store;
  const lang = store.lang.value;
  const id = `fl-${flag.fingerprint}`;
  // Only this row's own arming re-renders it (not every row when another is armed).
  const armed = useComputed(() => store.confirmDelete.value === flag.fingerprint).value;
  const title =
    flag.kind === 'narrative'
      ? t('flagClaimTitle', { quote: flag.quote ?? '' })
      : checkTitle(
          flag.checkId,
          flag.cells.map((c) => c.field),
          lang,
        );
  return (
    <li
      class={`flag flag-${flag.status}`}
      data-fingerprint={flag.fingerprint}
      data-check-id={flag.checkId}
      data-status={flag.status}
    >
      <div class="flag-main">
        <h3 class="flag-title">
          <StatusMark status={flag.findingStatus} t={t} /> <span>{title}</span>
        </h3>
        <FlagMessage flag={flag} lang={lang} t={t} />
        {flag.culprit && (
          <p class="culprit">
            {t('culprit', { where: fieldInWords(flag.culprit.field, lang), value: flag.culprit.suggested })}
          </p>
        )}
        {flag.cells.length > 0 && (
          <details class="cells">
            <summary>
              {t('cells')}
              {t('punct.count', { n: flag.cells.length })}
            </summary>
            <ul>
              {flag.cells.map((c) => (
                <li key={c.field} data-field-id={c.field}>
                  <span class="cell-where">{fieldInWords(c.field, lang)}</span> ={' '}
                  <strong>{c.value ?? (c.raw || '—')}</strong>
                </li>
              ))}
            </ul>
          </details>
        )}
        <p class="dates muted small">
          {t('flaggedAt', { date: formatDate(flag.createdAt, lang) })}
          {flag.updatedAt !== flag.createdAt && <> · {t('updatedAt', { date: formatDate(flag.updatedAt, lang) })}</>}
        </p>
      </div>
      <div class="flag-edit">
        <label for={`${id}-status`}>{t('status')}</label>
        <select
          id={`${id}-status`}
          value={flag.status}
          onChange={(e) => void store.setStatus(flag.fingerprint, (e.currentTarget as HTMLSelectElement).value)}
          data-action="status"
        >
          {FLAG_STATUSES.map((s) => (
            <option value={s} key={s}>
              {FLAG_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const v = (e.currentTarget.elements.namedItem('note') as HTMLTextAreaElement).value;
            void store.saveNote(flag.fingerprint, v);
          }}
        >
          <label for={`${id}-note`}>{t('note')}</label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={2}
            maxLength={5000}
            defaultValue={flag.note}
            key={flag.updatedAt}
            data-field="note"
          />
          <div class="row">
            <button type="submit" class="small" data-action="save-note">
              {t('saveNote')}
            </button>
            <button
              type="button"
              class={`small danger${armed ? ' armed' : ''}`}
              onClick={() => void store.remove(flag.fingerprint)}
              onBlur={() => {
                if (store.confirmDelete.peek() === flag.fingerprint) store.confirmDelete.value = null;
              }}
              data-action="delete"
            >
              {armed ? `✗ ${t('confirmRemove')}` : t('remove')}
            </button>
          </div>
        </form>
      </div>
    </li>
  );
}
