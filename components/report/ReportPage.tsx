// The report view (report.html): a file picker and drop zone, then the report shown the way the popup
// shows it (its ReportView: counts, errors grouped by probable wrong cell, text against tables, flags with a
// note, JSON/CSV/copy, 反馈意见) beside the three tables as read — every value cell carrying the page
// contract (data-gouji-field / -fail / -culprit / -uncertain), copyable as a grid — and the body text.
// Chinese first, English with the popup's switch (the same stored choice). Page and file text only ever
// rendered as text.
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { ATTR } from '@/lib/contract';
import { cleanTables, tableTsv, type CleanTable } from '@/lib/files/tables';
import { errorCounts } from '@/lib/errors';
import type { Lang, MessageKey } from '@/lib/i18n';
import { ReportView } from '../popup/Popup';
import { LangSwitch, Toast } from '../common/ui';
import { STATE_KEY, STATE_SYMBOL } from '../common/states';
import type { ReportViewStore, Shown, Source } from './store';
import type { PreviousYear } from '@/lib/history/previous';

const ACCEPT = '.pdf,.docx,.html,.htm,.shtml,.txt,.doc,.wps,.xls,.et,.ofd,application/pdf';

const SOURCE_KEY: Record<Source, MessageKey> = {
  pdf: 'rvKindPdf',
  docx: 'rvKindDocx',
  html: 'rvKindHtml',
  text: 'rvKindText',
};

export function ReportPage({ store, onFile }: { store: ReportViewStore; onFile: (f: File) => void }) {
  const popup = store.popup;
  const lang = popup.lang.value;
  const t = popup.t;
  const phase = store.phase.value;
  const state = store.rowState.value;
  return (
    <div class="rv" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="report-view">
      <header class="bar">
        <h1 class="brand">
          <span class="brand-name">{t('appName')}</span>
          <span class="brand-tag">{t('rvTitle')}</span>
        </h1>
        <div class="bar-actions">
          <button type="button" class="link" onClick={() => popup.host.openFlagsPage()} data-action="open-flags">
            {t('openFlags')}
          </button>
          {popup.host.openHistoryPage && (
            <button
              type="button"
              class="link"
              onClick={() => popup.host.openHistoryPage?.()}
              data-action="open-history"
            >
              {t('openHistory')}
            </button>
          )}
          <LangSwitch lang={lang} onSwitch={(l) => void popup.setLang(l)} t={t} />
        </div>
      </header>
      <Toast toast={popup.toast.value} onClose={() => (popup.toast.value = null)} closeLabel={t('close')} />
      <Picker t={t} onFile={onFile} compact={phase.kind === 'shown'} />
      <p id="status" class="rv-status pad" role="status" aria-live="polite" data-state={state ?? undefined}>
        {phase.kind === 'reading' ? t('rvReading', { name: phase.name || '…' }) : ''}
      </p>
      {phase.kind === 'error' && (
        <p class="notice notice-error rv-error" id="error" role="alert" data-state="error">
          <span aria-hidden="true">{STATE_SYMBOL.error} </span>
          {t(STATE_KEY.error)}
          {t('punct.colon')}
          {phase.label ? `${phase.label} — ` : ''}
          {store.errorText(phase.error)}
        </p>
      )}
      {phase.kind === 'shown' && <Result store={store} shown={phase.shown} />}
    </div>
  );
}

function Picker({ t, onFile, compact }: { t: ReportViewStore['t']; onFile: (f: File) => void; compact: boolean }) {
  const [over, setOver] = useState(false);
  return (
    <section
      id="pick"
      class={`pick${over ? ' over' : ''}${compact ? ' compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer?.files[0];
        if (f) onFile(f);
      }}
    >
      <label for="file">{t('rvPick')}</label>
      <input
        id="file"
        type="file"
        accept={ACCEPT}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const f = input.files?.[0];
          if (f) onFile(f);
        }}
      />
      {!compact && <p class="muted small">{t('rvPickHint')}</p>}
    </section>
  );
}

function Result({ store, shown }: { store: ReportViewStore; shown: Shown }) {
  const popup = store.popup;
  const t = popup.t;
  const lang = popup.lang.value;
  const r = shown.report;
  const state = store.rowState.value ?? 'report';
  const c = errorCounts(r);
  const fileName = shown.label.replace(/^.*[\\/]/, '').replace(/[?#].*$/, '') || shown.label;
  const kind = t(SOURCE_KEY[shown.source]) + (shown.pages ? ` · ${t('rvPages', { n: shown.pages })}` : '');
  const uncertain = r.checks.filter((k) => k.status === 'uncertain').length;
  const summary = !r.detected
    ? ''
    : c.errors > 0
      ? t('rvSummaryErrors', { errors: c.errors, checks: c.failingChecks })
      : r.checks.length
        ? t('rvSummaryOk')
        : t('rvSummaryNone');
  return (
    <main class="rv-result">
      <div class="rv-head pad">
        <h2 id="title">{r.source.title || fileName}</h2>
        <p class="meta muted">
          {t('rvSource')}
          {lang === 'zh' ? '：' : ': '}
          {shown.url ? (
            <a href={shown.url} target="_blank" rel="noopener noreferrer" title={shown.url}>
              {fileName}
            </a>
          ) : (
            fileName
          )}
          {lang === 'zh' ? `（${kind}）` : ` (${kind})`}
        </p>
        <p
          id="summary"
          class={`rv-summary ${c.errors ? 'bad' : 'good'}`}
          data-state={state}
          data-errors={c.errors}
          data-fail={c.failingChecks}
        >
          {/* The state word as on the batch and 历史 pages; a checked report's own verdict follows it (its
              symbol only: a ✓ beside "✗ 2 处错误" would read as a pass). */}
          <span class={`state-word state-${state}`}>
            {state !== 'report' && <span aria-hidden="true">{STATE_SYMBOL[state]} </span>}
            {t(STATE_KEY[state])}
          </span>
          {summary && (
            <>
              {lang === 'zh' ? '：' : ': '}
              <span aria-hidden="true">{c.errors ? '✗ ' : r.checks.length ? '✓ ' : ''}</span>
              {summary}
              {uncertain ? `${t('punct.semicolon')}${t('rvSummaryUncertain', { n: uncertain })}` : ''}
            </>
          )}
        </p>
      </div>
      {!r.detected ? (
        <section class="pad not-report" data-state="none">
          <p>{t('rvNotReport')}</p>
          {r.notices.map((n) => (
            <p class="notice" data-notice={n.id} key={n.id}>
              {n.message}
            </p>
          ))}
        </section>
      ) : (
        <div class="rv-layout">
          <div class="rv-findings">
            <ReportView store={popup} />
          </div>
          <div class="rv-tables">
            <ReadTables
              shown={shown}
              lang={lang}
              t={t}
              say={(k, s) => popup.say(k, s)}
              previous={popup.previous.value}
            />
          </div>
        </div>
      )}
      {shown.body.length > 0 && (
        <details id="body" class="section pad">
          <summary>
            <h3>{t('rvBody', { n: shown.body.length })}</h3>
          </summary>
          {shown.body.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </details>
      )}
    </main>
  );
}

function ReadTables(props: {
  shown: Shown;
  lang: Lang;
  t: ReportViewStore['t'];
  say: (kind: 'ok' | 'error', text: string) => void;
  previous: PreviousYear | null;
}) {
  const { shown, lang, t, previous } = props;
  const tables = useMemo(() => cleanTables(shown.report, lang), [shown.report, lang]);
  // Failing checks that name their probable wrong cell: the other cells in them are not wrong themselves.
  const explained = useMemo(
    () => new Set(shown.report.checks.filter((c) => c.status === 'fail' && c.culprit).map((c) => c.id)),
    [shown.report],
  );
  // The cross-year checks of the popup's 上一年度报告 card mark this year's 上年结转 cells too (not counted in
  // this report's own figures).
  const yoy = useMemo(() => {
    const m = new Map<string, { fail: string[]; uncertain: string[] }>();
    for (const c of previous?.checks ?? []) {
      if (c.status === 'pass' || !c.cells[0]) continue;
      const e = m.get(c.cells[0]) ?? { fail: [], uncertain: [] };
      (c.status === 'fail' ? e.fail : e.uncertain).push(c.id);
      m.set(c.cells[0], e);
    }
    return m;
  }, [previous]);
  if (!tables.length) return null;
  return (
    <section class="section read-tables" aria-labelledby="tables-heading">
      <h3 id="tables-heading">{t('rvTablesHeading')}</h3>
      <p class="muted small">{t('rvTablesHint')}</p>
      {tables.map((tb) => (
        <TableView key={tb.key} table={tb} t={t} say={props.say} explained={explained} yoy={yoy} />
      ))}
    </section>
  );
}

type YoyMarks = ReadonlyMap<string, { fail: string[]; uncertain: string[] }>;

function TableView({
  table,
  t,
  say,
  explained,
  yoy,
}: {
  table: CleanTable;
  explained: ReadonlySet<string>;
  yoy: YoyMarks;
  t: ReportViewStore['t'];
  say: (kind: 'ok' | 'error', text: string) => void;
}) {
  const copying = useRef(false);
  const copy = () => {
    if (copying.current) return;
    copying.current = true;
    void navigator.clipboard
      .writeText(tableTsv(table))
      .then(
        () => say('ok', t('rvCopied', { name: table.name })),
        () => say('error', t('rvCopyFailed')),
      )
      .finally(() => (copying.current = false));
  };
  return (
    <section class="table" data-table={table.key}>
      <div class="table-head">
        <h4>{table.name}</h4>
        <button
          type="button"
          class="copy small"
          data-table={table.key}
          aria-label={t('rvCopyTableLabel', { name: table.name })}
          onClick={copy}
        >
          {t('rvCopyTable')}
        </button>
      </div>
      <div class="scroll" tabIndex={0} role="region" aria-label={table.name}>
        <table data-gouji-table={table.key}>
          <thead>
            <tr>
              <th scope="col">{t('rvRowHeader')}</th>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) =>
                  c ? (
                    <ValueCell key={c.field} cell={c} t={t} explained={explained} yoy={yoy.get(c.field)} />
                  ) : (
                    <td class="none" key={i} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * A value cell: a solid frame when it is in a failing check, a dashed frame with "应为 N？" when it is the
 * probable wrong cell, ✗ only when a failing check it is in names no wrong cell (then any of them may be).
 * The frames are shapes, and each mark has its words for screen readers: never colour alone.
 */
function ValueCell({
  cell,
  t,
  explained,
  yoy,
}: {
  cell: NonNullable<CleanTable['rows'][number]['cells'][number]>;
  t: ReportViewStore['t'];
  explained: ReadonlySet<string>;
  yoy?: { fail: string[]; uncertain: string[] };
}) {
  const attrs: Record<string, string> = { [ATTR.field]: cell.field };
  const fail = [...cell.fail, ...(yoy?.fail ?? [])];
  const uncertain = [...cell.uncertain, ...(yoy?.uncertain ?? [])];
  if (fail.length) attrs[ATTR.fail] = fail.join(' ');
  if (uncertain.length) attrs[ATTR.uncertain] = uncertain.join(' ');
  if (cell.culprit !== undefined) attrs[ATTR.culprit] = String(cell.culprit);
  const unexplained = fail.some((id) => !explained.has(id));
  const parts: ComponentChildren[] = [
    <span class="raw" key="v">
      {cell.blank ? t('rvBlankCell') : cell.raw}
    </span>,
  ];
  if (cell.culprit !== undefined)
    parts.push(
      <span class="suggest" key="c">
        <span aria-hidden="true"> ✗</span> {t('rvShouldBe', { value: cell.culprit })}
      </span>,
    );
  else if (unexplained)
    parts.push(
      <span class="sign" key="s">
        <span aria-hidden="true"> ✗</span>
        <span class="sr-only">{t('countFail')}</span>
      </span>,
    );
  else if (fail.length)
    parts.push(
      <span class="sr-only" key="i">
        {t('rvInFailing')}
      </span>,
    );
  return (
    <td {...attrs} class={cell.blank ? 'blank' : undefined} tabIndex={-1}>
      {parts}
    </td>
  );
}

/** "在页面中定位" in the report view: the value cell in the tables as read, scrolled to and focused. */
export function focusCell(doc: Document, field: string): boolean {
  const cell = doc.querySelector<HTMLElement>(`[${ATTR.field}="${CSS.escape(field)}"]`);
  if (!cell) return false;
  cell.scrollIntoView({ block: 'center', inline: 'center' });
  cell.focus({ preventScroll: true });
  cell.classList.remove('flash');
  void cell.offsetWidth;
  cell.classList.add('flash');
  setTimeout(() => cell.classList.remove('flash'), 1600);
  return true;
}
