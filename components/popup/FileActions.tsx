// "检查此 PDF" (a PDF open in the tab), "检查附件《名称》" (the attachments a page links to) and
// "检查本地文件": each opens the report view. Names are page text, rendered as text.
import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from './files';
import { t, type MessageKey } from '@/lib/i18n';

export interface FileActionsHost {
  /** The tab's URL (known to the popup through activeTab), or null. */
  tabUrl(): Promise<string | null>;
  /**
   * Is the tab a PDF (also one served at /download?id=123)? Decided by the host from the tab's address,
   * title, document type, or the server's answer; without it, by the address alone (isPdf).
   */
  pdfTab?(): Promise<boolean>;
  /** Attachment links on the tab's page, or [] when the page cannot be read. */
  attachments(): Promise<Attachment[]>;
  /** Opens report.html (for a URL, or to pick a file) in a new tab. */
  openReportView(url?: string): void;
  /** Opens report.html?tab=N: the tables the in-page engine read on this tab, copyable. */
  openTablesView?(): void;
}

export function FileActions({
  host,
  isPdf,
  lang,
  hasReport,
}: {
  host: FileActionsHost;
  isPdf: (url: string | null) => boolean;
  lang: 'zh' | 'en';
  hasReport: boolean;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [pdf, setPdf] = useState(false);
  useEffect(() => {
    void host.tabUrl().then(
      (u) => {
        setUrl(u);
        if (!host.pdfTab) setPdf(isPdf(u));
      },
      () => setUrl(null),
    );
    if (host.pdfTab) void host.pdfTab().then(setPdf, () => setPdf(false));
    void host.attachments().then(setFiles, () => setFiles([]));
  }, [host, isPdf]);
  const w = (key: MessageKey, params?: Record<string, string>) => t(lang, key, params);
  return (
    <section class="pad file-actions" aria-label={w('files.label')}>
      {hasReport && host.openTablesView && (
        <button type="button" class="link" data-action="view-tables" onClick={() => host.openTablesView!()}>
          {w('files.viewTables')}
        </button>
      )}
      {pdf && url && (
        <button type="button" class="primary" data-action="check-pdf" onClick={() => host.openReportView(url)}>
          {w('files.checkPdf')}
        </button>
      )}
      {files.map((f) => (
        <button
          type="button"
          class="link"
          data-action="check-attachment"
          data-url={f.url}
          onClick={() => host.openReportView(f.url)}
        >
          {w('files.checkAttachment', { name: f.name })}
        </button>
      ))}
      <button type="button" class="link" data-action="check-local-file" onClick={() => host.openReportView()}>
        {w('files.checkLocal')}
      </button>
    </section>
  );
}
