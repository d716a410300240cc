// Why a report's tables are not on the page: the page links the report as a document (.pdf/.doc/.docx/.wps/
// .xls/.xlsx/.et: "表格在附件《…》中", with the link) or shows it inline (a frame, an embed, a PDF viewer — or
// the page is itself a PDF viewer), or the article holds images where the tables would be ("表格为图片").
// Read from the article root only; the link is made absolute against the page URL and kept only when it is
// http(s) (never javascript: or data:). Positive and negative examples: tests/unit/core/causes.test.ts.

import { DOCUMENT_LINK as DOC_EXT, documentsOn, viewerFile } from './attachments';
import { collapse } from './normalize/text';
import type { ReportNotice } from './types';

// Links worth naming first: the report itself, its tables, an attachment.
const REPORT_WORDS = /年报|年度报告|报告|统计表|附件|表格/;
// Images that are page furniture, not tables.
const FURNITURE_IMG =
  /logo|icon|share|print|qrcode|ewm|erweima|banner|nav|btn|button|arrow|bg|spacer|wza|jiucuo|dzjg|gh\.png|police|blank\.gif/i;

export interface Attachment {
  name: string;
  href: string;
}

function nameOf(text: string, href: string): string {
  let name = collapse(text)
    .replace(/^(?:附件|附|下载)\s*\d*\s*[:：]?\s*/, '')
    .replace(DOC_EXT, '')
    .trim();
  if (!name) {
    const file = decodeURIComponent(href.split(/[?#]/)[0]!.split('/').pop() ?? '');
    name = file.replace(DOC_EXT, '');
  }
  return name.replace(/^《|》$/g, '').slice(0, 80);
}

/**
 * Documents under `root` — linked, or shown inline in a frame, an embed or a PDF viewer (lib/attachments.ts
 * documentsOn) — the report-like ones first.
 */
export function attachments(root: Element, baseUrl?: string): Attachment[] {
  const found = documentsOn(root, baseUrl, 20).map(({ url, text }) => {
    const name = nameOf(text, url);
    return { name, href: url, rank: REPORT_WORDS.test(name) ? 0 : 1 };
  });
  return found.sort((a, b) => a.rank - b.rank).map(({ name, href }) => ({ name, href }));
}

/** Images in the article that could be the tables (not icons, logos, QR codes). */
export function tableImages(root: Element): number {
  const imgs = root.getElementsByTagName('img');
  let n = 0;
  for (let i = 0; i < imgs.length; i++) {
    const img = imgs[i]!;
    const src = img.getAttribute('src') ?? img.getAttribute('data-src') ?? '';
    if (!src || FURNITURE_IMG.test(src)) continue;
    const w = Number(img.getAttribute('width') ?? 'NaN');
    const h = Number(img.getAttribute('height') ?? 'NaN');
    if ((Number.isFinite(w) && w < 120) || (Number.isFinite(h) && h < 60)) continue;
    n++;
  }
  return n;
}

/** The notices naming why tables are missing (empty when no cause is visible). */
export function missingTableCauses(root: Element, baseUrl?: string): ReportNotice[] {
  // A PDF viewer page (pdf.js's viewer.html?file=…, in a tab or a frame of its own) shows its document first.
  const shown = baseUrl ? viewerFile(baseUrl) : null;
  const docs = [...(shown ? [{ name: nameOf('', shown), href: shown }] : []), ...attachments(root, baseUrl)];
  if (docs.length) {
    const first = docs[0]!;
    return [
      {
        id: 'tables-in-attachment',
        level: 'warn',
        message: `表格在附件《${first.name}》中，请打开附件核对`,
        href: first.href,
      },
    ];
  }
  const n = tableImages(root);
  if (n) return [{ id: 'tables-as-images', level: 'warn', message: `表格为图片（${n} 张），无法读取其中的数字` }];
  return [];
}
