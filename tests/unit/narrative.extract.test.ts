// The claim extractor: prose from the DOM (what is read, what is skipped, ranges back into the page),
// offset-preserving normalization, and the number tokenizer (units, what is never a claim).

import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { checkNarrative, extractNumbers } from '../../lib/narrative';
import { readSeed } from '../support/seeds';
import { normalizeProse, originalSpan } from '../../lib/narrative/normalize';
import { proseFromDocument, proseFromText } from '../../lib/narrative/prose';
import { tokenize } from '../../lib/narrative/tokens';
import { handReport } from '../support/narrative-reports';

function happy(body: string): Document {
  const w = new Window({ url: 'https://www.example.gov.cn/' });
  w.document.write(`<!doctype html><html><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

const tokens = (s: string) => tokenize(normalizeProse(s)).map((t) => `${t.raw}${t.unit}${t.approx ? '~' : ''}`);

describe('normalizeProse', () => {
  it('simplifies, folds full width, drops pinyin and spaces, and maps back to the original', () => {
    const src = '收到政府信息公開申請(qǐng)　１２ 件';
    const n = normalizeProse(src);
    expect(n.text).toBe('收到政府信息公开申请12件');
    const at = n.text.indexOf('12');
    const o = originalSpan(n, at, at + 2);
    expect(src.slice(o.start, o.end)).toBe('１２');
  });
  it('keeps one space between words and numbers that need it', () => {
    expect(normalizeProse('IPv6  and 3 items').text).toBe('IPv6 and 3 items');
    expect(normalizeProse('下載(APP)').text).toBe('下载(APP)');
  });
});

describe('tokenize', () => {
  it('reads numbers with the units we know, with grouping and decimals', () => {
    expect(tokens('发布21,943条，收费2181.669177万元，培训560人次，注册258家，案件2起，增长率占12.5%')).toEqual([
      '21,943条',
      '2181.669177万元',
      '560人次',
      '258家',
      '2起',
      '12.5%',
    ]);
  });
  it('skips years, dates, phone numbers, document numbers, ordinals and unknown units', () => {
    expect(
      tokens(
        '2024年1月1日，电话0571-87051234，国办公开办函〔2021〕30号，国务院令第711号，第3件，粉丝124.8万，访问192.0793万次，3期',
      ),
    ).toEqual([]);
  });
  it('skips growth against last year', () => {
    expect(tokens('受理申请189件，同比增加20.4%，较上年增加118件，比上年减少3件')).toEqual(['189件']);
  });
  it('marks approximations', () => {
    expect(tokens('约102条，近50件，220余件，100多件，超过3家')).toEqual([
      '102条~',
      '50件~',
      '220件~',
      '100件~',
      '3家~',
    ]);
  });
  it('splits ",194" after a clause comma from a grouped number', () => {
    expect(tokens('按申请人情况分类,194件为自然人申请,21件')).toEqual(['194件', '21件']);
  });
});

describe('proseFromDocument', () => {
  const page = `
    <div class="nav">首页</div>
    <table id="meta"><tr><td>索引号：</td><td>123</td></tr></table>
    <div class="content"><p>一、总体情况</p><p>共收到政府信息公开申请<span>3</span><span>12</span>件</p>
    <p>予以公开<ruby>百<rt>bǎi</rt></ruby>20件</p>
    <script>var x = "收到申请999件";</script><style>p{}</style><noscript>收到申请998件</noscript>
    <p hidden>收到申请997件</p><p style="display: none">收到申请996件</p>
    <div data-gouji-ui="1">收到申请995件</div><div data-gouji-ui="">收到申请994件</div>
    <table id="report"><tr><td>本年新收</td><td>312</td></tr></table>
    <p>上年结转<br>12件</p></div>`;

  it('reads the text outside the excluded tables, skipping scripts, hidden nodes and ruby text', () => {
    const doc = happy(page);
    const prose = proseFromDocument(doc.body, [doc.getElementById('report')!]);
    expect(prose.text).toContain('共收到政府信息公开申请312件');
    expect(prose.text).toContain('予以公开百20件');
    expect(prose.text).not.toMatch(/99[6-9]|bǎi|本年新收/);
    // A page cannot hide its prose by dressing it as our UI (issue #13): data-gouji-ui is the page's text.
    expect(prose.text).toContain('收到申请995件');
    expect(prose.text).toContain('收到申请994件');
    // Blocks are separated: the metadata cells and a <br> do not run into the next words.
    expect(prose.text).toContain('索引号：\n123');
    expect(prose.text).toContain('上年结转\n12件');
  });

  it('rangeAt returns the page text, also across text nodes', () => {
    const doc = happy(page);
    const prose = proseFromDocument(doc.body, [doc.getElementById('report')!]);
    const at = prose.text.indexOf('312');
    const r = prose.rangeAt(at, at + 3)!;
    expect(r.toString()).toBe('312');
    expect(r.startContainer.textContent).toBe('3');
    expect(r.endContainer.textContent).toBe('12');
    // A span over an inserted newline has no range.
    const nl = prose.text.indexOf('索引号：\n') + 4;
    expect(prose.rangeAt(nl, nl + 1)).toBeNull();
    expect(prose.rangeAt(-1, 2)).toBeNull();
  });

  it('claims found in DOM prose land on the number in the page', () => {
    const doc = happy(page);
    const prose = proseFromDocument(doc.body, [doc.getElementById('report')!]);
    const claims = checkNarrative(
      prose,
      handReport({ apply: { new: [300, 12, 0, 0, 0, 0], carried_over: [12, 0, 0, 0, 0, 0] } }),
    );
    const received = claims.find((c) => String(c.id).startsWith('narrative:apply.received:'))!;
    expect(received.status).toBe('pass');
    expect(prose.rangeAt(received.position!.start, received.position!.end)!.toString()).toBe('312');
    // "上年结转<br>12件": a line break between cue and number is a clause break: not claimed.
    expect(claims.some((c) => String(c.id).startsWith('narrative:apply.carried_over:'))).toBe(false);
  });

  it('live (the in-page engine: native query for hidden elements, sibling links) reads the same text and ranges', () => {
    const doc = happy(page);
    const exclude = [doc.getElementById('report')!];
    const walk = proseFromDocument(doc.body, exclude);
    const live = proseFromDocument(doc.body, exclude, Infinity, true);
    expect(live.text).toBe(walk.text);
    for (let i = 0; i + 3 <= walk.text.length; i++) {
      const a = walk.rangeAt(i, i + 3);
      const b = live.rangeAt(i, i + 3);
      expect(b?.toString()).toBe(a?.toString());
      expect(b?.startContainer).toBe(a?.startContainer);
      expect(b?.endOffset).toBe(a?.endOffset);
    }
  });

  it('works on linkedom (no Range there: rangeAt gives null, never throws)', () => {
    const { document } = parseHTML(`<html><body>${page}</body></html>`);
    const doc = document as unknown as Document;
    const prose = proseFromDocument(doc.body, [doc.getElementById('report')!]);
    expect(prose.text).toContain('共收到政府信息公开申请312件');
    const at = prose.text.indexOf('312');
    expect(() => prose.rangeAt(at, at + 3)).not.toThrow();
  });
});

describe('proseFromText', () => {
  it('blanks table ranges to newlines and keeps offsets', () => {
    const text = '收到申请5件。\n本年新收 | 5 件 |\n予以公开5件。';
    const start = text.indexOf('本年新收');
    const end = text.indexOf('予以公开') - 1;
    const prose = proseFromText(text, [[start, end]]);
    expect(prose.text).toHaveLength(text.length);
    expect(prose.text.slice(start, end)).toBe('\n'.repeat(end - start));
    expect(prose.text.indexOf('予以公开')).toBe(text.indexOf('予以公开'));
    expect(prose.rangeAt(0, 2)).toBeNull();
  });
});

describe('where claims are read', () => {
  it('numbers above the first section heading (page chrome) are not claims', () => {
    const text = '本站统计：累计收到政府信息公开申请9999件\n一、总体情况\n全年共收到政府信息公开申请5件。';
    const claims = checkNarrative(text, handReport({ apply: { new: [5, 0, 0, 0, 0, 0] } }));
    expect(claims.map((c) => c.value)).toEqual([5]);
    // Without the heading the whole text is read.
    expect(checkNarrative(text.replace('一、总体情况', ''), handReport({})).map((c) => c.value)).toEqual([9999, 5]);
  });
});

describe('extractNumbers', () => {
  it('lists every number with its unit, phrase and position, from section 一 on (seed 004)', () => {
    const text = readSeed('004_bf76cd535622c645');
    const nums = extractNumbers(text);
    // The report's own numbers, including those no vocabulary entry places (website statistics).
    expect(nums.map((n) => `${n.raw}${n.unit}`)).toEqual(
      expect.arrayContaining(['1820条', '216件', '194件', '613条', '99.6%']),
    );
    const n216 = nums.find((n) => n.value === 216)!;
    expect(n216.quote).toBe('共办理依申请公开216件');
    expect(text.slice(n216.position.start, n216.position.end)).toBe('216');
    // Never: the 〔〕/第711号 numbers, the years, the dates.
    expect(nums.some((n) => n.value === 711 || n.value === 2024 || n.value === 2025)).toBe(false);
  });
});
