import { describe, expect, it } from 'vitest';
import { expandTable, TableTooLargeError } from '../../../lib/extract/grid';
import { cellText, leafTables } from '../../../lib/extract/dom-rows';
import { PARSERS } from '../../support/dom';

const ids = (grid: ReturnType<typeof expandTable>) =>
  grid.cells.map((row) => row.map((c) => c?.el.getAttribute('id') ?? '.').join(' '));

describe.each(PARSERS)('grid expansion (%s)', (_name, parse) => {
  it('expands rowspan and colspan like the HTML table algorithm', () => {
    const doc = parse(`<table>
      <tr><td id="a" rowspan="2">a</td><td id="b" colspan="2">b</td></tr>
      <tr><td id="c">c</td><td id="d" rowspan="2">d</td></tr>
      <tr><td id="e" colspan="2">e</td></tr></table>`);
    expect(ids(expandTable(doc.querySelector('table')!))).toEqual(['a b b', 'a c d', 'e e d']);
  });
  it('handles rowspan="0", huge rowspans and junk attributes', () => {
    const doc = parse(`<table><tbody>
      <tr><td id="a" rowspan="0">a</td><td id="b" colspan="abc">b</td></tr>
      <tr><td id="c" rowspan="9999">c</td></tr>
      <tr><td id="d" colspan="-2">d</td></tr></tbody></table>`);
    const g = expandTable(doc.querySelector('table')!);
    expect(ids(g)).toEqual(['a b', 'a c', 'a c d']);
  });
  it('reads thead, tbody and tfoot rows in document order, not nested tables', () => {
    const doc = parse(
      `<table><thead><tr><th id="h">h</th></tr></thead><tbody><tr><td id="x">x<table><tr><td id="n">n</td></tr></table></td></tr></tbody><tfoot><tr><td id="f">f</td></tr></tfoot></table>`,
    );
    expect(ids(expandTable(doc.querySelector('table')!))).toEqual(['h', 'x', 'f']);
    expect(leafTables(Array.from(doc.querySelectorAll('table'))).map((t) => t.querySelector('td')!.id)).toEqual(['n']);
  });
  it('refuses a table whose spans would explode, with a clear error', () => {
    const rows = Array.from({ length: 300 }, () => '<tr><td rowspan="65534" colspan="1000">x</td></tr>').join('');
    const doc = parse(`<table>${rows}</table>`);
    expect(() => expandTable(doc.querySelector('table')!)).toThrow(TableTooLargeError);
  });
  it('reads cell text through Word markup, <br> and ruby pinyin', () => {
    const doc = parse(`<table><tr>
      <td id="w"><p class="MsoNormal"><span style="font-size:10pt">结果<br>纠正</span><o:p></o:p></p></td>
      <td id="r"><ruby>號<rp>(</rp><rt>hào</rt><rp>)</rp></ruby>碼</td>
      <td id="n">&nbsp;</td></tr></table>`);
    const [w, r, n] = ['w', 'r', 'n'].map((id) => doc.getElementById(id)!);
    expect(cellText(w!)).toBe('结果 纠正');
    expect(cellText(r!)).toBe('號碼');
    expect(cellText(n!)).toBe('');
  });
});
