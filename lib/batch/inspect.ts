// `inspect` over a parsed Document: the report, the attached files, the report links. The CLI parses with
// linkedom, the extension with DOMParser; both end here.
import { checkDocument } from '../check';
import { findAttachments, findListPages, findReportLinks } from './links';
import type { Inspected } from './run';

export function inspectDocument(doc: Document, url: string, opts: { blankAsZero?: boolean } = {}): Inspected {
  const report = checkDocument(doc, { ...opts, url }).report;
  const links = report.detected ? [] : findReportLinks(doc, url);
  return {
    report,
    attachments: findAttachments(doc, url),
    links,
    pages: links.length ? findListPages(doc, url) : [],
  };
}
