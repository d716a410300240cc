// Marking and unmarking on a real DOM (happy-dom) with the real core: the page contract equals the core's
// findings, re-running adds nothing, hiding restores the page byte for byte, the gate leaves non-reports
// alone, and oversized pages degrade to a message.
import { afterEach, describe, expect, it } from 'vitest';
import { ATTR, HOST_SELECTOR, PART, STATE } from '../../lib/contract';
import { checkDocument } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { gateSays } from '../../lib/gate';
import { settleNone, type RuntimeLike } from '../../entrypoints/content/light';
import { highlightHosts } from '../../entrypoints/ondemand/marks';
import { html, marked, openPage, PAGE_URL, sleep, ui, type Harness } from '../support/inpage';
import { happyDoc } from '../support/dom';
import { newsPage, sitePage } from '../support/pages';

let h: Harness | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

const WRONG = { 'apply.new.natural_person': 165 };

/** What the core finds on the same HTML, parsed separately: field → check ids, as the page should carry. */
function expected(page: string) {
  const a = checkDocument(happyDoc(page, PAGE_URL));
  const fail = new Map<string, string[]>();
  const culprit = new Map<string, string>();
  for (const c of a.report.checks) {
    if (c.status !== 'fail') continue;
    for (const f of c.cells) if (a.elements.has(f)) fail.set(f, [...(fail.get(f) ?? []), c.id]);
    if (c.culprit) culprit.set(c.culprit.field, String(c.culprit.suggested));
  }
  return {
    fail: new Map([...fail].map(([k, v]) => [k, v.join(' ')])),
    culprit,
    fields: [...a.elements.keys()],
    report: a.report,
  };
}

describe('in-page marks', () => {
  it('puts the core findings on the cells (field ids, failing checks, culprit, totals)', async () => {
    const page = sitePage({ set: WRONG });
    h = openPage(page);
    expect(await h.inpage.start()).toBe(STATE.report);
    const want = expected(page);
    expect(h.doc.documentElement.getAttribute(ATTR.state)).toBe('report');
    expect([...marked(h.doc, ATTR.field).keys()].sort()).toEqual([...want.fields].sort());
    expect(want.fields).toHaveLength(200);
    expect(marked(h.doc, ATTR.fail)).toEqual(want.fail);
    expect(marked(h.doc, ATTR.culprit)).toEqual(new Map([['apply.new.natural_person', '167']]));
    expect(marked(h.doc, ATTR.culprit)).toEqual(want.culprit);
    const totals = marked(h.doc, ATTR.total);
    expect(totals.get('apply.new.total')).toBe('apply.row-sum:new');
    expect(totals.get('apply.total.natural_person')).toBe('apply.balance:natural_person');
    // Every read table is tagged with its key.
    expect([...h.doc.querySelectorAll(`table[${ATTR.table}]`)].map((t) => t.getAttribute(ATTR.table))).toEqual([
      'active',
      'apply',
      'review',
    ]);
    // The background is told, once (in a task of its own).
    await sleep(0);
    const results = h.sent.filter((m) => m.type === 'gouji:result');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ state: 'report' });
  });

  it('marks a clean report with field ids only and "全部一致" chips', async () => {
    h = openPage(sitePage());
    await h.inpage.start();
    expect(marked(h.doc, ATTR.field).size).toBe(200);
    expect(marked(h.doc, ATTR.fail).size).toBe(0);
    expect(marked(h.doc, ATTR.culprit).size).toBe(0);
    const chips = [...(await ui(h)).querySelectorAll(`[part~="${PART.chip}"]`)];
    expect(chips.map((c) => c.getAttribute('data-table'))).toEqual(['active', 'apply', 'review']);
    expect(chips[1]!.textContent).toContain('勾稽关系 39 项：全部一致');
    expect(chips[2]!.textContent).toContain('勾稽关系 3 项：全部一致');
    expect(chips[0]!.getAttribute('data-level')).toBe('info');
  });

  it('carries the ::highlight rules only while the text has highlights, each reaching only the elements that hold it', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const style = () => h!.doc.querySelector(`style[${ATTR.style}]`)!.textContent!;
    const claims = h.inpage.store.targets.peek().filter((t) => t.kind === 'claim' && t.range);
    expect(claims).toHaveLength(0);
    expect(style()).not.toContain('::highlight');
    expect(style()).toContain(`[${ATTR.mark}=`);
    h.abort.abort();
    h.win.close();
    // A number in the text that contradicts a table: a highlight, and its rules.
    const page = sitePage({ set: WRONG, textReceived: 199 });
    h = openPage(page);
    const before = html(h.doc);
    await h.inpage.start();
    const ranges = h.inpage.store.targets.peek().flatMap((t) => (t.kind === 'claim' && t.range ? [t.range] : []));
    expect(ranges.map((r) => r.toString())).toEqual(['199']);
    expect(style()).toContain('::highlight(');
    expect(h.doc.querySelectorAll(`style[${ATTR.style}]`)).toHaveLength(1);
    // A bare ::highlight() rule matches every element and restyles the whole page: each of ours is keyed on
    // this load's token, which only the elements holding the highlighted text carry.
    const token = h.doc.querySelector(`[${ATTR.mark}]`)!.getAttribute(ATTR.mark)!;
    const rules = style()
      .split('\n')
      .filter((l) => l.includes('::highlight('));
    expect(rules).toHaveLength(2);
    for (const r of rules) expect(r.startsWith(`[${ATTR.highlight}="${token}"]::highlight(`)).toBe(true);
    const hosts = [...h.doc.querySelectorAll(`[${ATTR.highlight}]`)];
    expect(hosts).toEqual([ranges[0]!.startContainer.parentElement]);
    expect(hosts[0]!.getAttribute(ATTR.highlight)).toBe(token);
    expect(hosts[0]!.textContent).toContain('共受理政府信息公开申请199件');
    // Hidden: the attribute goes with the other marks, the page is as it was.
    h.inpage.setVisible(false);
    expect(h.doc.querySelectorAll(`[${ATTR.highlight}]`)).toHaveLength(0);
    expect(html(h.doc)).toBe(before);
  });

  it('finds the elements holding the text of a highlight that crosses elements, and only those', () => {
    const doc = happyDoc(
      '<p id="p">共受理<b id="b">1,</b> <i id="i">234</i>件<span id="s">，其他</span></p>',
      PAGE_URL,
    );
    const b = doc.getElementById('b')!;
    const i = doc.getElementById('i')!;
    const p = doc.getElementById('p')!;
    const range = doc.createRange();
    range.setStart(b.firstChild!, 0);
    range.setEnd(p.childNodes[4]!, 1); // "1, 234件"
    expect(range.toString()).toBe('1, 234件');
    expect(highlightHosts(range)).toEqual([b, p, i]);
    const one = doc.createRange();
    one.setStart(i.firstChild!, 1);
    one.setEnd(i.firstChild!, 3);
    expect(highlightHosts(one)).toEqual([i]);
  });

  it('is idempotent: re-running and re-rendering change nothing and add nothing', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    await ui(h);
    const once = html(h.doc);
    h.inpage.run();
    h.inpage.render();
    h.inpage.run();
    expect(html(h.doc)).toBe(once);
    expect(h.doc.querySelectorAll(`style[${ATTR.style}]`)).toHaveLength(1);
    expect(h.doc.querySelectorAll(HOST_SELECTOR)).toHaveLength(1);
    expect((await ui(h)).querySelectorAll(`[part~="${PART.chip}"]`)).toHaveLength(3);
    // Same report → no second gouji:result.
    expect(h.sent.filter((m) => m.type === 'gouji:result')).toHaveLength(1);
  });

  it('hiding the marks restores the page byte for byte, and showing them again gives the same marks', async () => {
    h = openPage(sitePage({ set: WRONG }));
    const before = html(h.doc);
    await h.inpage.start();
    const markedHtml = html(h.doc);
    expect(markedHtml).not.toBe(before);
    await h.inpage.handleMessage({ type: 'gouji:set-marks', visible: false });
    expect(html(h.doc)).toBe(before);
    expect(await h.inpage.handleMessage({ type: 'gouji:get-marks' })).toBe(false);
    await h.inpage.handleMessage({ type: 'gouji:set-marks', visible: true });
    expect(html(h.doc)).toBe(markedHtml);
    expect(await h.inpage.handleMessage({ type: 'gouji:get-marks' })).toBe(true);
    // Invalidation (extension reloaded) also restores.
    h.abort.abort();
    expect(html(h.doc)).toBe(before);
  });

  it('restores data-gouji-* attributes the page already had (a saved copy of a marked page)', async () => {
    const page = sitePage({ set: WRONG })
      .replace(
        '<td class="num" align="center">167</td>',
        '<td class="num" align="center" data-gouji-culprit="old" data-gouji-field="x">167</td>',
      )
      .replace(
        '<td class="num" align="center">165</td>',
        '<td class="num" align="center" data-gouji-culprit="old" data-gouji-field="x">165</td>',
      );
    h = openPage(page);
    const before = html(h.doc);
    await h.inpage.start();
    expect(h.doc.querySelector(`[${ATTR.culprit}="167"]`)?.getAttribute(ATTR.field)).toBe('apply.new.natural_person');
    h.inpage.setVisible(false);
    expect(html(h.doc)).toBe(before);
  });

  it('keeps a transient hover highlight out of the restored page too', async () => {
    h = openPage(sitePage({ set: WRONG }));
    const before = html(h.doc);
    await h.inpage.start();
    h.inpage.activate('apply.new.total', 'hover');
    expect(marked(h.doc, ATTR.related).size).toBe(6);
    await h.inpage.handleMessage({ type: 'gouji:focus', field: 'apply.new.total' });
    expect(marked(h.doc, ATTR.flash).size).toBe(1);
    h.inpage.setVisible(false);
    expect(html(h.doc)).toBe(before);
  });
});

describe('the gate', () => {
  it('leaves a non-report page alone: state none, nothing else, no observer', async () => {
    h = openPage(newsPage(), 'https://www.zs.gov.cn/xwzx/index.html');
    const before = html(h.doc);
    expect(await h.inpage.start()).toBe(STATE.none);
    expect(h.doc.documentElement.getAttribute(ATTR.state)).toBe('none');
    h.doc.documentElement.removeAttribute(ATTR.state);
    expect(html(h.doc)).toBe(before);
    expect(h.inpage.observer.active).toBe(false);
    expect(h.inpage.analysis).toBeNull();
    await sleep(0);
    expect(h.sent).toEqual([{ type: 'gouji:result', state: 'none', report: null }]);
  });

  it('passes a report whose <title> is only the site name, by its body text', async () => {
    h = openPage(sitePage().replace(/<title>.*?<\/title>/, '<title>中山市人民政府门户网站</title>'));
    expect(await h.inpage.start()).toBe(STATE.report);
  });

  it('stops watching a gate-passing page that holds no report after a while', async () => {
    const page = newsPage().replace('<title>新闻动态', '<title>关于2024年度政府信息公开工作年度报告的新闻');
    h = openPage(page, 'https://www.zs.gov.cn/xwzx/1.html');
    expect(await h.inpage.start()).toBe(STATE.none);
    expect(h.inpage.observer.active).toBe(true);
    await sleep(300);
    expect(h.inpage.observer.active).toBe(false);
  });
});

describe('the light content script on a page that fails the gate', () => {
  function fakeRuntime() {
    const sent: unknown[] = [];
    const listeners = new Set<(m: unknown) => Promise<unknown> | undefined>();
    return {
      sent,
      listeners,
      runtime: {
        sendMessage: async (m: unknown) => void sent.push(m),
        onMessage: {
          addListener: (cb: never) => void listeners.add(cb),
          removeListener: (cb: never) => void listeners.delete(cb),
        },
      } as unknown as RuntimeLike,
      ask: (m: unknown) => [...listeners].map((l) => l(m)).find((r) => r !== undefined),
    };
  }

  it('sets only the state, answers the popup, hides exactly, and hands over to the engine', async () => {
    h = openPage(newsPage(), 'https://www.zs.gov.cn/xwzx/index.html');
    expect(gateSays(h.doc, quickGate)).toBe(false);
    const before = html(h.doc);
    const rt = fakeRuntime();
    const ac = new AbortController();
    const light = settleNone(h.doc, rt.runtime, ac.signal);
    expect(h.doc.documentElement.getAttribute(ATTR.state)).toBe('none');
    expect(rt.sent).toEqual([{ type: 'gouji:result', state: 'none', report: null }]);
    expect(await rt.ask({ type: 'gouji:get-marks' })).toBe(true);
    expect(await rt.ask({ type: 'gouji:focus', field: 'apply.new.total' })).toBe(false);
    expect(await rt.ask({ type: 'gouji:set-marks', visible: false })).toBe(false);
    expect(html(h.doc)).toBe(before);
    expect(await rt.ask({ type: 'gouji:set-marks', visible: true })).toBe(true);
    expect(rt.ask({ type: 'gouji:flags-changed' })).toBeUndefined();
    light.release();
    expect(rt.listeners.size).toBe(0);
    expect(html(h.doc)).toBe(before);
  });

  it('lets go when the extension is reloaded (ctx.signal)', () => {
    h = openPage(newsPage(), 'https://www.zs.gov.cn/xwzx/index.html');
    const before = html(h.doc);
    const rt = fakeRuntime();
    const ac = new AbortController();
    settleNone(h.doc, rt.runtime, ac.signal);
    ac.abort();
    expect(rt.listeners.size).toBe(0);
    expect(html(h.doc)).toBe(before);
  });

  it('the gate passes report titles and report text, not news', () => {
    h = openPage(sitePage().replace(/<title>.*?<\/title>/, '<title>中山市人民政府门户网站</title>'));
    expect(gateSays(h.doc, quickGate)).toBe(true);
    h.win.close();
    h = openPage(sitePage({ noTables: true }));
    expect(gateSays(h.doc, quickGate)).toBe(true);
  });
});

describe('pages that cannot be checked', () => {
  it('says so in a chip at the top of the article when the tables are missing (seed 001)', async () => {
    h = openPage(sitePage({ noTables: true }));
    expect(await h.inpage.start()).toBe(STATE.report);
    const chip = (await ui(h)).querySelector(`[part~="${PART.chip}"]`)!;
    expect(chip.getAttribute('data-table')).toBe('page');
    expect(chip.getAttribute('data-level')).toBe('missing');
    expect(chip.textContent).toContain('找不到统计表');
    expect([...chip.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(marked(h.doc, ATTR.field).size).toBe(0);
  });

  it('degrades to a message on a pathological page (> 20,000 table cells)', async () => {
    const big = `<table>${'<tr>' + '<td>1</td>'.repeat(100) + '</tr>'}</table>`.replace(/<tr>.*<\/tr>/, (row) =>
      row.repeat(201),
    );
    h = openPage(sitePage().replace('<div class="footer">', big + '<div class="footer">'));
    expect(await h.inpage.start()).toBe(STATE.error);
    expect(h.doc.documentElement.getAttribute(ATTR.state)).toBe('error');
    expect(h.inpage.analysis).toBeNull();
    expect(h.inpage.observer.active).toBe(false);
    const chip = (await ui(h)).querySelector(`[part~="${PART.chip}"]`)!;
    expect(chip.getAttribute('data-level')).toBe('error');
    expect(chip.textContent).toMatch(/页面过大（2\d{4} 个表格单元格/);
    expect(h.sent.at(-1)).toMatchObject({ type: 'gouji:result', state: 'error' });
  });

  it('turns an exception in the core into state error with its message', async () => {
    h = openPage(sitePage());
    (h.inpage as unknown as { deps: { analyze: () => never } }).deps.analyze = () => {
      throw new Error('boom');
    };
    expect(await h.inpage.start()).toBe(STATE.error);
    expect((await ui(h)).textContent).toContain('核对出错：boom');
  });
});
