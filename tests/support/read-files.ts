// Shared helpers for the PDF/DOCX suites: rebuild a file with lib/files, check it with linkedom, and a
// comparable signature of a report (values with blanks, check statuses with culprits, narrative).
import { parseHTML } from 'linkedom';
import { checkDocument, type Analysis } from '../../lib/check';
import { rebuildFile, type PdfJsModule } from '../../lib/files';
import type { Report } from '../../lib/types';

export const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;

export async function checkBytes(bytes: Uint8Array, name: string): Promise<Analysis & { html: string }> {
  const r = await rebuildFile(bytes, name, loadPdfjs);
  const { document } = parseHTML(r.html);
  return { ...checkDocument(document as unknown as Document, { source: r.source }), html: r.html };
}

export function checkHtml(html: string): Analysis {
  return checkDocument(parseHTML(html).document as unknown as Document);
}

export function signature(r: Report) {
  return {
    detected: r.detected,
    format: r.report.format,
    year: r.report.year,
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.blank ? null : v.value])),
    checks: r.checks
      .map((c) => `${c.id} ${c.status}${c.culprit ? ` culprit ${c.culprit.field}=${c.culprit.suggested}` : ''}`)
      .sort(),
    narrative: r.narrative.map((n) => `${n.status} ${n.quote}`),
  };
}
