// lib/gate.ts: what the gate reads of a page. The body's text comes from the document's XPath engine where
// there is one (Chromium, Firefox: every fixture page runs through it in tests/e2e/inpage.e2e.test.ts, and an
// XHTML page, where XPath finds no /html/body, in tests/e2e/inpage.e2e.test.ts too), and from
// body.textContent otherwise. happy-dom has no XPath: the XPath answers below are stand-ins, each telling
// which way the text came.
import { describe, expect, it } from 'vitest';
import { quickGate } from '../../lib/detect';
import { bodyText, gateSays } from '../../lib/gate';
import { happyDoc } from '../support/dom';

const REPORT_BODY = '<h1>某某市2024年<span>政府信息公开</span>工作年度报告</h1><p>一、总体情况</p>';
const page = (body: string, title = '某某市人民政府网站') =>
  happyDoc(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);

/** The document with a stand-in XPath engine; records the expressions it was asked. */
function withXPath(doc: Document, answer: (expr: string) => string | Error): { doc: Document; asked: string[] } {
  const asked: string[] = [];
  Object.defineProperty(doc, 'evaluate', {
    configurable: true,
    value: (expr: string, _ctx: Node, _ns: null, type: number) => {
      asked.push(expr);
      expect(type).toBe(2); // XPathResult.STRING_TYPE
      const a = answer(expr);
      if (a instanceof Error) throw a;
      return { stringValue: a };
    },
  });
  return { doc, asked };
}

describe('the gate reads the title, then the body text', () => {
  it('a title that says "report" is enough: the body is not read', () => {
    const { doc, asked } = withXPath(page('<p>x</p>', '某某市2024年政府信息公开工作年度报告'), () => '');
    expect(gateSays(doc, quickGate)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('without XPath (test DOMs), the body text is body.textContent, Word markup joined', () => {
    const doc = page(REPORT_BODY);
    expect(typeof (doc as { evaluate?: unknown }).evaluate).toBe('undefined');
    expect(bodyText(doc)).toBe(doc.body.textContent);
    expect(gateSays(doc, quickGate)).toBe(true);
    expect(gateSays(page('<p>今日要闻</p>'), quickGate)).toBe(false);
  });

  it("with XPath, the body text is XPath's string(/html/body), and the body element is not read", () => {
    const { doc, asked } = withXPath(page('<p>今日要闻</p>'), () => '某某市2024年政府信息公开工作年度报告');
    Object.defineProperty(doc, 'body', {
      get() {
        throw new Error('the body element was touched');
      },
    });
    expect(gateSays(doc, quickGate)).toBe(true);
    expect(asked).toEqual(['string(/html/body)']);
  });

  it('XPath that finds nothing (XHTML, a frameset, an empty body) or throws: body.textContent decides', () => {
    for (const answer of ['', new Error('NotSupportedError')]) {
      const { doc, asked } = withXPath(page(REPORT_BODY), () => answer);
      expect(bodyText(doc)).toBe(doc.body.textContent);
      expect(gateSays(doc, quickGate)).toBe(true);
      expect(asked.length).toBeGreaterThan(0);
    }
    const { doc } = withXPath(page(''), () => '');
    expect(bodyText(doc)).toBe('');
    expect(gateSays(doc, quickGate)).toBe(false);
  });

  it("looks for a report's name in the first 20,000 characters only", () => {
    const filler = '今日要闻。'.repeat(4_000); // 20,000 characters
    const { doc } = withXPath(page(''), () => filler + '政府信息公开工作年度报告');
    expect(gateSays(doc, quickGate)).toBe(false);
    // Cut by the window: the name's last character is the 20,001st.
    const { doc: across } = withXPath(page(''), () => filler.slice(11) + '政府信息公开工作年度报告');
    expect(gateSays(across, quickGate)).toBe(false);
    const { doc: early } = withXPath(page(''), () => filler.slice(12) + '政府信息公开工作年度报告');
    expect(gateSays(early, quickGate)).toBe(true);
  });

  it("looks for the table's own phrases past 20,000 characters of chrome and scripts, up to 2,000,000", () => {
    const filler = '今日要闻。'.repeat(10_000); // 50,000 characters
    for (const phrase of ['一、本年新收政府信息公开申请数量', '本年新收政府資訊公開申請', '各项数据的勾稽关系']) {
      const { doc } = withXPath(page(''), () => filler + phrase);
      expect(gateSays(doc, quickGate), phrase).toBe(true);
    }
    // Still no report's name that far down (a menu's link to the reports' column).
    const { doc: link } = withXPath(page(''), () => filler + '政府信息公开工作年度报告');
    expect(gateSays(link, quickGate)).toBe(false);
    // A hostile page: the phrase past the reach is not looked for.
    const far = 'a'.repeat(2_000_000);
    expect(quickGate('', far + '本年新收政府信息公开申请')).toBe(false);
    expect(quickGate('', far.slice(11) + '本年新收政府信息公开申请')).toBe(false);
    expect(quickGate('', far.slice(12) + '本年新收政府信息公开申请')).toBe(true);
  });
});
