// Label matching: every printed label of the national format (and the variants real pages use) reaches
// its row id through lib/schema, and no label reaches the wrong one.
import { describe, expect, it } from 'vitest';
import { parseApply } from '../../../lib/extract/apply';
import { textRows } from '../../../lib/extract/text-rows';
import { APPLY_ROWS, applyRows } from '../../../lib/schema/apply';
import { toSimplified } from '../../../lib/normalize/t2s';

const seven = '\n1\n2\n3\n4\n5\n6\n21\n';

/** A text page with the given leaf labels, each followed by seven numbers. */
function rowsFor(labels: string[]) {
  return parseApply(textRows(labels.map((l) => l + seven).join('')));
}

describe('table 三 row labels', () => {
  const leaves2021 = applyRows('2021').map((r) => r.label.replace(/\s+/g, ''));
  it('the printed 2021 labels map to the 25 row ids in order', () => {
    const t = rowsFor(applyRows('2021').map((r) => r.label));
    expect(t.format).toBe('2021');
    expect([...new Set(t.cells.map((c) => c.field.replace(/\.[a-z_]+$/, '').replace(/^apply\./, '')))]).toEqual(
      applyRows('2021').map((r) => r.id),
    );
    expect(leaves2021).toHaveLength(25);
  });
  it('the 2019 table has the single （六）其他处理 row', () => {
    const t = rowsFor(applyRows('2019').map((r) => r.label));
    expect(t.format).toBe('2019');
    expect(t.cells.filter((c) => c.field.endsWith('.total')).map((c) => c.field)).toContain(
      'apply.handled_otherwise.total',
    );
    expect(t.cells).toHaveLength(23 * 7);
  });
  it.each([
    ['（一）予以公开', 'granted'],
    ['(一)予以公开', 'granted'],
    ['（三） 不予公开 1.属于国家秘密', 'withheld.state_secret'],
    ['3.危及"三安全一稳定"', 'withheld.three_safety_one_stability'],
    ['1.本机关不掌握相关政府信息', 'unavailable.not_held'],
    ['（五）不予受理 1.信访举报投诉类申请', 'not_processed.petition'],
    ['四、结转下年度继续办理', 'carried_forward'],
    ['二、上年结转政府信息公开申请数量', 'carried_over'],
    ['（七）总计', 'total'],
  ])('%s → %s', (label, id) => {
    const t = rowsFor(['一、本年新收政府信息公开申请数量', label]);
    expect(t.cells.at(-1)!.field).toBe(`apply.${id}.total`);
  });
  it('traditional labels with pinyin match after normalization', () => {
    const trad = ['一、本年新收政府信息公開申請數量', '（三）不予公開 1.屬(shǔ)於國家秘密', '（七）總計'];
    const t = rowsFor(trad);
    expect(t.cells.filter((c) => c.field.endsWith('.total')).map((c) => c.field)).toEqual([
      'apply.new.total',
      'apply.withheld.state_secret.total',
      'apply.total.total',
    ]);
    expect(toSimplified('總計')).toBe('总计');
  });
  it('"3.其他" is handled_otherwise.misc only under （六）其他处理, and "其他处理" alone is the 2019 row', () => {
    const t = rowsFor([
      '一、本年新收政府信息公开申请数量',
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用',
      '3.其他',
    ]);
    expect(
      t.cells
        .filter((c) => c.field.endsWith('.total'))
        .map((c) => c.field)
        .slice(-1),
    ).toEqual(['apply.handled_otherwise.misc.total']);
  });
  it('"不予公开" never reads as "予以公开", and the 部分公开 note does not read as 其他处理', () => {
    for (const r of APPLY_ROWS) {
      const hit = r.match.some((m) => m.test('不予公开'));
      expect(hit && r.id === 'granted').toBe(false);
    }
    const t = rowsFor(['一、本年新收政府信息公开申请数量', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']);
    expect(t.cells.at(-1)!.field).toBe('apply.partly_granted.total');
  });
  it('a row whose label was lost takes its id from its position', () => {
    const labels = applyRows('2021').map((r) => r.label);
    labels[5] = ''; // withheld.prohibited_by_law's label lost: its numbers follow the previous row's
    const text = labels.map((l) => (l ? l + seven : seven)).join('');
    const t = parseApply(textRows(text));
    expect(t.cells.map((c) => c.field)).toContain('apply.withheld.prohibited_by_law.total');
    expect(t.notices).toEqual([]);
  });
  it('a row with a missing number is reported, never guessed', () => {
    const t = parseApply(
      textRows('一、本年新收政府信息公开申请数量\n1\n2\n3\n4\n5\n15\n二、上年结转政府信息公开申请数量' + seven),
    );
    expect(t.notices.map((n) => n.id)).toEqual(['extract.row-width']);
    expect(t.cells.some((c) => c.field.startsWith('apply.new.'))).toBe(false);
  });
});
