// "检查此 PDF" (a PDF open in the tab), "检查附件《名称》" (the attachments a page links to) and
// "检查本地文件": each opens the report view. Names are page text, rendered as text.
import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from './files';

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
  const zh = lang === 'zh';
  return (
    <section class="pad file-actions" aria-label={zh ? '检查文件' : 'Check files'}>
      {hasReport && host.openTablesView && (
        <button type="button" class="link" data-action="view-tables" onClick={() => host.openTablesView!()}>
          {zh ? '查看读取的表格（可复制到电子表格）' : 'View the tables as read (copy to a spreadsheet)'}
        </button>
      )}
      {pdf && url && (
        <button type="button" class="primary" data-action="check-pdf" onClick={() => host.openReportView(url)}>
          {zh ? '检查此 PDF' : 'Check this PDF'}
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
          {zh ? `检查附件《${f.name}》` : `Check attachment “${f.name}”`}
        </button>
      ))}
      <button type="button" class="link" data-action="check-local-file" onClick={() => host.openReportView()}>
        {zh ? '检查本地文件（PDF、Word、网页）' : 'Check a file on disk (PDF, Word, HTML)'}
      </button>
    </section>
  );
}
