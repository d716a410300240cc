// The light DOM's tokenizer (lib/html/light-dom.ts FastTokenizer) jumps over text and attribute values that
// cannot change its state; it must give htmlparser2's own events, in the same order, with the same indices,
// on every page and on odd markup: entities in text and attributes, quotes of both kinds, unterminated
// tags, comments, CDATA, <script>/<style>/<title>/<textarea>, a document cut off anywhere.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser, Tokenizer } from 'htmlparser2';
import { FastTokenizer } from '../../lib/html/light-dom';
import { FIXTURE_DIR } from '../support/fixtures';
import { realisticPage } from '../../bench/site-chrome';

function events(html: string, T: typeof Tokenizer, chunks = 1): string[] {
  const out: string[] = [];
  const at = () => `@${parser.startIndex}-${parser.endIndex}`;
  const parser: Parser = new Parser(
    {
      onopentag: (name, attribs) => out.push(`<${name} ${JSON.stringify(attribs)}${at()}`),
      ontext: (t) => out.push(`#${t}${at()}`),
      onclosetag: (name, implied) => out.push(`</${name}${implied ? '?' : ''}${at()}`),
      oncomment: (c) => out.push(`!${c}${at()}`),
      onprocessinginstruction: (n, d) => out.push(`?${n} ${d}${at()}`),
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false, Tokenizer: T },
  );
  // Written in pieces too: the jumps must stop at the end of each piece.
  const size = Math.ceil(html.length / chunks) || 1;
  for (let i = 0; i < html.length; i += size) parser.write(html.slice(i, i + size));
  parser.end();
  return out;
}

const same = (html: string, chunks = 1) =>
  expect(events(html, FastTokenizer, chunks)).toEqual(events(html, Tokenizer, chunks));

describe('FastTokenizer = htmlparser2 Tokenizer', () => {
  it('on every fixture page and a page with full site chrome, whole and in pieces', () => {
    const pages = readdirSync(FIXTURE_DIR)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(FIXTURE_DIR, f), 'utf8'));
    pages.push(realisticPage(pages[0]!));
    expect(pages.length).toBeGreaterThan(30);
    for (const html of pages) {
      same(html);
      same(html, 7);
    }
  });

  it('on odd markup', () => {
    for (const html of [
      'a &amp; b &lt;c&gt; &#x4e2d;&#25991; &notanentity; &amp',
      '<p title="x &amp; y" data-a=\'1 &quot; 2\' b=c&amp;d e>t</p>',
      '<td style="display:none">1</td><td class=\'a"b\'>2</td>',
      '<a href="unterminated',
      "<a href='unterminated &amp",
      'text &',
      '<!-- comment & <b> --><![CDATA[ x < y ]]><?php echo 1; ?>',
      '<script>if (a < b && c) document.write("</p>")</script><style>a>b{}</style>',
      '<title>a &amp; b < c</title><textarea>x &lt; <b></textarea>',
      '<svg><path d="M0 0"/></svg><math><mi>x</mi></math>',
      '<div\nclass="a"\tid=b/>x</div></ div><br/></br><p>',
      '中文&nbsp;数字１２３&#12288;<b>加粗</b>',
      // Equal pieces: where the next "&" is must be searched again in each.
      'a&amp;b a&amp;b a&amp;b a&amp;b ',
      '<i x="&amp;">&</i><i x="&amp;">&</i>',
    ])
      for (const chunks of [1, 2, 3, 5]) same(html, chunks);
  });

  it('on seeded random markup', () => {
    // A small LCG: the same cases every run.
    let seed = 14;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const parts = [
      '<',
      '>',
      '&',
      '&amp;',
      '&#20;',
      '"',
      "'",
      '=',
      '/',
      ' ',
      '\n',
      'a',
      'p',
      'td',
      '中',
      '!--',
      '-->',
      'script',
      'x="',
    ];
    for (let k = 0; k < 400; k++) {
      let html = '';
      const len = 1 + rnd(60);
      for (let i = 0; i < len; i++) html += parts[rnd(parts.length)];
      same(html);
      same(html, 1 + rnd(4));
    }
  });
});
