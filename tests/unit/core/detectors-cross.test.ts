// Every detector over every example set (issue #8): the examples beside the detectors (lib/detect.examples.ts)
// and every fixture page (tests/fixtures, its kind read from its metas), each detector held to its row of
// DETECTOR_EXPECTS — a report is not a notice, a notice not a list page, a list page not a report, an old
// report is "old format" and nothing else is, the gate never stops a report, and a cause ("表格在附件中",
// "表格为图片") is named exactly where it applies. Parsed by happy-dom (as in the browser).
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { gateSays } from '../../../lib/gate';
import { hasOldStatsTable, isNoticeAboutReports, isOwnReportTitle, quickGate } from '../../../lib/detect';
import { countListLinks, LIST_MIN_LINKS } from '../../../lib/batch/list-gate';
import {
  DETECTOR_EXPECTS,
  PAGE_EXAMPLES,
  examplePage,
  type CauseTag,
  type Detector,
  type PageKind,
} from '../../../lib/detect.examples';
import { fixtureNames, loadFixture } from '../../support/fixtures';
import { happyDoc } from '../../support/dom';

interface Case {
  name: string;
  kind: PageKind;
  causes: CauseTag[];
  html: string;
  url: string;
}

const CAUSES: CauseTag[] = ['tables-in-attachment', 'tables-as-images'];

/** A fixture's kind, from what it declares (state, format) and, for pages that are not reports, its name. */
function fixtureKind(name: string, state: string, format: string | undefined): PageKind {
  if (state === 'report') return format === 'old' ? 'old-report' : 'report';
  if (name.startsWith('notice-')) return 'notice';
  if (name === 'report-list') return 'list';
  // home: its news list links "我市发布2024年政府信息公开工作年度报告" (the gate lets it through; the engine says no).
  if (['news-about-reports', 'report-interpretation', 'website-annual-form', 'home'].includes(name)) return 'about';
  return 'unrelated';
}

const cases: Case[] = [
  ...PAGE_EXAMPLES.map((e) => ({
    name: `example · ${e.name}`,
    kind: e.kind,
    causes: e.causes ?? [],
    html: examplePage(e),
    url: 'https://www.example.gov.cn/zwgk/art/1.html',
  })),
  ...fixtureNames().map((n) => {
    const f = loadFixture(n);
    return {
      name: `fixture · ${n}`,
      kind: fixtureKind(n, f.meta.state, f.meta.format ?? undefined),
      causes: CAUSES.filter((c) => (f.meta.notices ?? []).includes(c)),
      html: f.html,
      url: f.meta.url,
    };
  }),
];

function detect(c: Case): Record<Detector, boolean> & { causes: string[] } {
  const doc = happyDoc(c.html, c.url);
  const heading = (doc.querySelector('h1, h2')?.textContent ?? '').trim();
  const title = doc.title ?? '';
  const body = doc.body?.textContent ?? '';
  const { report } = checkDocument(doc, { url: c.url });
  return {
    gate: gateSays(doc, quickGate),
    'own-title': [heading, title].some((t) => t && isOwnReportTitle(t) !== null),
    notice: isNoticeAboutReports(heading || title || null, body),
    'old-table': hasOldStatsTable(body),
    list: countListLinks(doc) >= LIST_MIN_LINKS,
    report: report.detected,
    'old-format': report.detected && report.report.format === 'old',
    causes: report.notices.map((n) => n.id).filter((id) => (CAUSES as string[]).includes(id)),
  };
}

describe('every detector over every example', () => {
  it('has examples of every kind, inline and as fixture pages', () => {
    const kinds = (from: string) => new Set(cases.filter((c) => c.name.startsWith(from)).map((c) => c.kind));
    const all: PageKind[] = ['report', 'old-report', 'notice', 'list', 'about', 'unrelated'];
    expect([...kinds('example')].sort()).toEqual([...all].sort());
    expect([...kinds('fixture')].sort()).toEqual([...all].sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const got = detect(c);
    const wrong: string[] = [];
    for (const d of Object.keys(DETECTOR_EXPECTS) as Detector[]) {
      const want = DETECTOR_EXPECTS[d][c.kind];
      if (want !== null && got[d] !== want) wrong.push(`${d}: ${got[d]} on a ${c.kind} page (want ${want})`);
    }
    expect(wrong).toEqual([]);
    expect(got.causes.sort()).toEqual([...c.causes].sort());
  });
});
