// Behaviour of the narrative rules beyond single vocabulary entries: written sums, shares, "均获维持",
// applicant rows, blanks, approximations, amounts, the 2019 format, missing tables.

import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../lib/narrative';
import type { NarrativeClaim } from '../../lib/types';
import { handReport, type HandReport } from '../support/narrative-reports';

const run = (text: string, h: HandReport = {}) => checkNarrative(text, handReport(h));
const by = (cs: NarrativeClaim[], entry: string) => cs.filter((c) => String(c.id).split(':')[1] === entry);
const one = (cs: NarrativeClaim[], entry: string) => {
  const found = by(cs, entry);
  expect(found, entry).toHaveLength(1);
  return found[0]!;
};

describe('narrative.text-sum', () => {
  it('an exhaustive list that adds up passes; one that does not fails; 约 N warns', () => {
    expect(one(run('共发布信息10条，涵盖工作动态4条、部门文件5条以及年度报告1条。'), 'text-sum')).toMatchObject({
      status: 'pass',
      expected: 10,
      listKind: 'exhaustive',
    });
    const bad = one(run('共发布信息12条，涵盖工作动态4条、部门文件5条以及年度报告1条。'), 'text-sum');
    expect(bad).toMatchObject({ status: 'fail', expected: 10, value: 12, messageId: 'narrative.text-sum.mismatch' });
    expect(bad.message).toBe('正文列举之和为 10（4 + 5 + 1），与“12条”不一致');
    expect(one(run('共发布信息约12条，包括工作动态4条、部门文件5条和年度报告1条。'), 'text-sum').status).toBe('warn');
  });

  it('stops at the item opened by 以及 and at a new total; a list ending in 等 is partial', () => {
    const cs = run('共发布信息10条，涵盖工作动态4条、部门文件5条以及年度报告1条，收到政府信息公开申请3条。', {
      apply: { new: [3, 0, 0, 0, 0, 0] },
    });
    expect(one(cs, 'text-sum')).toMatchObject({ status: 'pass', expected: 10 });
    expect(one(cs, 'apply.received').status).toBe('pass');
    expect(by(run('共发布信息12条，包括工作动态4条、部门文件5条等。'), 'text-sum')).toHaveLength(0);
  });

  it('a 其中 list passes when it adds up and is never an error when it does not', () => {
    const ok = one(run('共有政务新媒体258家，其中登记52家，未登记206家。'), 'text-sum');
    expect(ok).toMatchObject({ status: 'pass', listKind: 'partial', expected: 258 });
    expect(run('累计发布政府信息21,943条，其中政策文件299条、政策解读信息146条。')).toEqual([]);
  });

  it('a 其中 list may refer to the total of the previous sentence, past a skipped growth number', () => {
    const cs = run(
      '全市共办理政府信息依申请公开292件，较上年增加118件。其中，市政府办理46件，市直部门办理123件，县(区)政府办理123件。',
      { apply: { new: [292, 0, 0, 0, 0, 0], total: [292, 0, 0, 0, 0, 0] } },
    );
    expect(by(cs, 'text-sum').map((c) => [c.value, c.status])).toEqual([[292, 'pass']]);
    expect(cs.some((c) => c.value === 118)).toBe(false);
  });
});

describe('narrative.share', () => {
  const table: HandReport = {
    apply: { new: [200, 0, 0, 0, 0, 0], granted: [125, 0, 0, 0, 0, 0], partly_granted: [75, 0, 0, 0, 0, 0] },
  };
  it('passes within the rounding of x, against the text total or a table total', () => {
    expect(one(run('共收到政府信息公开申请200件，予以公开125件，占62.5%。', table), 'share').status).toBe('pass');
    expect(one(run('共收到政府信息公开申请200件，予以公开125件，占比63%。', table), 'share').status).toBe('pass');
    // No total in the text: the table's totals are tried.
    expect(one(run('依申请公开中，予以公开125件（占全部申请的62.5%）。', table), 'share').status).toBe('pass');
  });
  it('fails when the whole is in the same sentence, or when no plausible base fits (issue #8); warns when inferred from a partly read table', () => {
    const f = one(run('共收到政府信息公开申请200件，予以公开125件，占70%。', table), 'share');
    expect(f).toMatchObject({ status: 'fail', messageId: 'narrative.share.mismatch' });
    expect(f.message).toContain('125 ÷ 200');
    // 125 is 62.5 % of 本年新收, and no other base (新收 + 结转, （七）总计) gives 70 %: wrong whatever the base.
    expect(one(run('依申请公开中，予以公开125件（占全部申请的70%）。', table), 'share').status).toBe('fail');
    // With only some of the bases read, the share may be of one that was not: a warning.
    const partial: HandReport = { ...table, unread: ['apply.carried_over.total'] };
    expect(one(run('依申请公开中，予以公开125件（占全部申请的70%）。', partial), 'share').status).toBe('warn');
  });
  it('growth percentages are skipped entirely', () => {
    expect(
      run('共受理政府信息公开申请189件，同比增加20.4%。', { apply: { new: [189, 0, 0, 0, 0, 0] } }).map((c) => c.unit),
    ).toEqual(['件']);
  });
});

describe('narrative.review: 均获维持', () => {
  const text = '全年因政府信息公开被申请行政复议7件，均获维持。';
  it('passes when 维持 = N and the others are 0', () => {
    const c = one(run(text, { review: [7, 0, 0, 0, 7] }), 'review.count.all-upheld');
    expect(c).toMatchObject({ status: 'pass', field: 'review.upheld', expected: 7 });
    expect(one(run(text, { review: [7, 0, 0, 0, 7] }), 'review.count').status).toBe('pass');
  });
  it('fails when a review was corrected, even though the total agrees', () => {
    const cs = run(text, { review: [5, 2, 0, 0, 7] });
    expect(one(cs, 'review.count').status).toBe('pass');
    const c = one(cs, 'review.count.all-upheld');
    expect(c).toMatchObject({ status: 'fail', messageId: 'narrative.all-upheld.mismatch' });
    expect(c.message).toContain('“结果纠正”为 2');
  });
  it('litigation sums both columns', () => {
    expect(
      one(
        run('因政府信息公开被提起行政诉讼4件。', { review: [0, 0, 0, 0, 0, 2, 0, 0, 1, 3, 1, 0, 0, 0, 1] }),
        'litigation.count',
      ),
    ).toMatchObject({ status: 'pass', expected: 4, field: 'litigation.*.total' });
  });
});

describe('applicant claims: the row the sentence is about', () => {
  const table: HandReport = {
    apply: {
      new: [40, 10, 0, 0, 0, 0],
      carried_over: [2, 0, 0, 0, 0, 0],
      granted: [30, 5, 0, 0, 0, 0],
      'withheld.third_party_rights': [2, 1, 0, 0, 0, 0],
      'unavailable.not_held': [8, 4, 0, 0, 0, 0],
      total: [40, 10, 0, 0, 0, 0],
      carried_forward: [2, 0, 0, 0, 0, 0],
    },
  };
  it('a result row followed by 其中 is the row', () => {
    const c = one(run('依申请公开中，不予公开3件，其中自然人申请2件。', table), 'apply.applicant.natural_person');
    expect(c).toMatchObject({ status: 'pass', field: 'apply.withheld.*.natural_person', expected: 2 });
    expect(
      one(run('依申请公开中，不予公开3件，其中自然人申请3件。', table), 'apply.applicant.natural_person').status,
    ).toBe('fail');
  });
  it('otherwise the headline of the paragraph, in any of its three readings', () => {
    const cs = run('全年共收到政府信息公开申请50件，上年结转2件。其中自然人申请42件，法人或其他组织申请10件。', table);
    expect(one(cs, 'apply.applicant.natural_person')).toMatchObject({
      status: 'pass',
      field: 'apply.new+carried_over.natural_person',
    });
    expect(one(cs, 'apply.applicant.organizations')).toMatchObject({
      status: 'pass',
      field: 'apply.new.organizations',
      expected: 10,
    });
    const bad = run('全年共收到政府信息公开申请50件。其中自然人申请45件。', table);
    expect(one(bad, 'apply.applicant.natural_person').status).toBe('fail');
  });
  it('no headline in the paragraph: info', () => {
    expect(one(run('依申请公开工作中，自然人申请45件。', table), 'apply.applicant.natural_person')).toMatchObject({
      status: 'info',
      messageId: 'narrative.no-subject',
    });
    expect(one(run('依申请公开工作中，自然人申请40件。', table), 'apply.applicant.natural_person').status).toBe('pass');
  });
});

// hongze-2024 (a real, correct report): "区政府办代表区政府受理政府信息公开申请17件" while its table 三 counts 95
// for the district — the 17 is the office's own share, done on behalf of the district government.
describe('one office acting for another (代表…受理, 代为办理)', () => {
  const table: HandReport = { apply: { new: [95, 0, 0, 0, 0, 0], total: [95, 0, 0, 0, 0, 0] } };
  const HONGZE = '（二）依申请公开情况。2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。';
  it('a disagreeing number is info (narrative.part-scope), never a contradiction', () => {
    const c = one(run(HONGZE, table), 'apply.received');
    expect(c).toMatchObject({ status: 'info', value: 17, messageId: 'narrative.part-scope' });
    expect(c.message).toContain('95');
    expect(run(HONGZE, table).filter((x) => x.status === 'fail')).toEqual([]);
    expect(one(run('依申请公开方面，由办公室代为办理政府信息公开申请17件。', table), 'apply.handled').status).toBe(
      'info',
    );
  });
  it('an agreeing number still passes; the same sentence without the agent still fails', () => {
    expect(one(run(HONGZE.replace('17件', '95件'), table), 'apply.received').status).toBe('pass');
    expect(one(run(HONGZE.replace('区政府办代表区政府受理', '区政府受理'), table), 'apply.received').status).toBe(
      'fail',
    );
  });
  it("the office's share is not the headline of the paragraph's applicant claims", () => {
    const cs = run('2024年，区政府办代表区政府受理政府信息公开申请17件，其中自然人申请15件。', table);
    expect(one(cs, 'apply.applicant.natural_person').status).not.toBe('fail');
  });
});

describe('comparison edge cases', () => {
  it('blank cells: info, never fail; blank addends of a group count as 0 and are recorded', () => {
    expect(
      one(
        run('收到政府信息公开申请5件。', {
          set: { 'apply.new.total': null, 'apply.carried_over.total': null, 'apply.total.total': null },
        }),
        'apply.received',
      ),
    ).toMatchObject({ status: 'info', messageId: 'narrative.table-blank' });
    const c = one(
      run('依申请公开中，不予公开3件。', {
        apply: { 'withheld.state_secret': [3, 0, 0, 0, 0, 0] },
        set: { 'apply.withheld.admin_query.total': null },
      }),
      'apply.withheld',
    );
    expect(c.status).toBe('pass');
    expect(c.assumedZero).toEqual(['apply.withheld.admin_query.total']);
  });
  it('an approximate number that disagrees warns', () => {
    expect(
      one(
        run('全年收到政府信息公开申请约50件。', { apply: { new: [47, 0, 0, 0, 0, 0], total: [47, 0, 0, 0, 0, 0] } }),
        'apply.received',
      ),
    ).toMatchObject({ status: 'warn', approx: true });
  });
  it('amounts compare as intervals; 元 is converted to 万元', () => {
    const h: HandReport = { active: { 'active.fees.amount': 2181.669177 } };
    expect(one(run('行政事业性收费总金额2181.67万元。', h), 'active.fees').status).toBe('pass');
    expect(one(run('行政事业性收费总金额2182万元。', h), 'active.fees').status).toBe('pass');
    expect(one(run('行政事业性收费总金额2181.6万元。', h), 'active.fees').status).toBe('fail');
    expect(one(run('行政事业性收费总金额21816692元。', h), 'active.fees').status).toBe('pass');
  });
  it('missing table: info with the plain sentence', () => {
    const c = one(run('2024年，全区行政许可决定数量31461宗。', { missing: ['active'] }), 'active.licensing');
    expect(c).toMatchObject({ status: 'info', field: null, expected: null, messageId: 'narrative.table-missing' });
    expect(c.message).toMatch(/^表格缺失，正文数据无法核对/);
  });
  it('2019 format: 其他处理 is one row; 制发 has no 2019 column (info)', () => {
    const h: HandReport = { format: '2019', apply: { handled_otherwise: [4, 0, 0, 0, 0, 0] } };
    expect(one(run('依申请公开中，其他处理4件。', h), 'apply.handled_otherwise')).toMatchObject({
      status: 'pass',
      expected: 4,
    });
    expect(one(run('全年制发规范性文件9件。', h), 'active.normative.issued')).toMatchObject({
      status: 'info',
      messageId: 'narrative.no-cell',
    });
    expect(
      one(
        run('作出行政许可决定12件。', { format: '2019', active: { 'active2019.licensing.decisions': 12 } }),
        'active.licensing',
      ),
    ).toMatchObject({ status: 'pass', field: 'active2019.licensing.decisions' });
  });
  it('never crashes on odd input', () => {
    expect(run('')).toEqual([]);
    expect(() => run('9'.repeat(400) + '件，收到申请' + '1,'.repeat(300) + '件')).not.toThrow();
    const report = handReport({});
    report.values = {};
    expect(checkNarrative('收到政府信息公开申请1件。', report)[0]!.status).toBe('info');
  });
});

describe('scope', () => {
  it('numbers about another year are not claims; 上年结转 is', () => {
    const h: HandReport = { apply: { new: [50, 0, 0, 0, 0, 0], carried_over: [12, 0, 0, 0, 0, 0] } };
    const cs = run(
      '2023年收到政府信息公开申请40件，去年办理政府信息公开申请38件，2024年收到政府信息公开申请50件，上年结转12件，上年度结转12件。',
      h,
    );
    expect(cs.map((c) => `${String(c.id).split(':')[1]}=${c.value}:${c.status}`)).toEqual([
      'apply.received=50:pass',
      'apply.carried_over=12:pass',
      'apply.carried_over=12:pass',
    ]);
  });
  it('行政复议 counts need a paragraph about information disclosure', () => {
    expect(run('全年办理行政复议案件120件。', { review: [1, 0, 0, 0, 1] })).toEqual([]);
    expect(one(run('因政府信息公开被申请行政复议1件。', { review: [1, 0, 0, 0, 1] }), 'review.count').status).toBe(
      'pass',
    );
  });
});

describe('lists and applicants without a headline', () => {
  const h: HandReport = {
    apply: {
      new: [30, 5, 0, 0, 0, 0],
      carried_over: [2, 0, 0, 0, 0, 0],
      total: [30, 5, 0, 0, 0, 0],
      carried_forward: [2, 0, 0, 0, 0, 0],
    },
  };
  it('a bracketed 其中 list ends at its bracket', () => {
    const cs = run(
      '本机关共收到政府信息公开申请35件（其中，当面申请5件，网络申请27件，信函申请3件），上年结转2件，共计37件。',
      h,
    );
    expect(one(cs, 'text-sum')).toMatchObject({ status: 'pass', value: 35, expected: 35 });
  });
  it('an applicant number alone in its paragraph passes when a headline row agrees, and is info otherwise', () => {
    expect(one(run('从申请人类型看，自然人申请30件。', h), 'apply.applicant.natural_person')).toMatchObject({
      status: 'pass',
      field: 'apply.new.natural_person',
    });
    expect(one(run('从申请人类型看，自然人申请31件。', h), 'apply.applicant.natural_person')).toMatchObject({
      status: 'info',
      messageId: 'narrative.no-subject',
    });
  });
});

describe('phrasings seen in published reports (wording paraphrased, numbers invented; tables made consistent)', () => {
  // Modelled on a municipal report: received with a growth rate, answered "含上年度转结", a combined
  // 予以公开及部分公开 figure with its share.
  it('reads received, answered (含上年度转结), 予以公开及部分公开 and its share; skips the growth rate', () => {
    const text =
      '一、总体情况\n（二）依申请公开方面\n2023年，全市共收到政府信息公开申请2000件，申请量较2022年增长12.5%；答复政府信息公开申请2100件(含上年度转结)，均在法定期限内答复。予以公开及部分公开700件，占33.33%；';
    const cs = run(text, {
      apply: {
        new: [2000, 0, 0, 0, 0, 0],
        carried_over: [100, 0, 0, 0, 0, 0],
        granted: [600, 0, 0, 0, 0, 0],
        partly_granted: [100, 0, 0, 0, 0, 0],
        total: [2100, 0, 0, 0, 0, 0],
      },
    });
    expect(cs.map((c) => `${String(c.id).split(':')[1]}=${c.value}:${c.status}`)).toEqual([
      'apply.received=2000:pass',
      'apply.handled=2100:pass',
      'apply.granted_or_partly=700:pass',
      'share=33.33:pass',
    ]);
  });
  // Modelled on a municipal report listing its regulations with a breakdown in brackets.
  it('a breakdown inside (含…) is not read as 本年制发', () => {
    const text =
      '本年度在政府网站和政府公报主动公开市政府规章11件(含新制定4件,修改5件,废止2件),主动公开行政规范性文件30件。';
    const cs = run(text, { active: { 'active.regulations.issued': 9, 'active.regulations.repealed': 2 } });
    expect(cs.map((c) => `${String(c.id).split(':')[1]}=${c.value}:${c.status}`)).toEqual([
      'active.regulations.repealed=2:pass',
    ]);
  });
  // Modelled on a district report: every result category with its share of the answered total, one
  // category written without a unit ("部分公开40，占4.00%"), and a channel breakdown with shares.
  it('result categories with shares, channels with shares, a number without unit', () => {
    const text =
      '一、收到申请情况\n2022年，全区各部门共收到政府信息依申请公开1000件。其中，通过网络申请870件，占87.00%；通过信函申请100件，占10.00%；通过当面申请30件，占3.00%。\n二、申请答复情况\n2022年，全区各部门共完成政府信息依申请公开答复1000件，包括上年结转信息公开申请20件。其中，予以公开答复600件，占60.00%；部分公开40，占4.00%；不予公开50件，占5.00%；无法提供的180件，占18.00%；不予处理的60件，占6.00%；其他处理70件，占7.00%。';
    const cs = run(text, {
      apply: {
        new: [1000, 0, 0, 0, 0, 0],
        carried_over: [20, 0, 0, 0, 0, 0],
        granted: [600, 0, 0, 0, 0, 0],
        partly_granted: [40, 0, 0, 0, 0, 0],
        'withheld.process_info': [50, 0, 0, 0, 0, 0],
        'unavailable.not_held': [180, 0, 0, 0, 0, 0],
        'not_processed.repeated': [60, 0, 0, 0, 0, 0],
        'handled_otherwise.misc': [70, 0, 0, 0, 0, 0],
        total: [1000, 0, 0, 0, 0, 0],
        carried_forward: [20, 0, 0, 0, 0, 0],
      },
    });
    expect(cs.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(cs.map((c) => String(c.id).split(':')[1])).toEqual([
      'apply.received',
      'share',
      'share',
      'share',
      'apply.handled',
      'apply.carried_over',
      // "部分公开40，占4.00%": no unit, so neither the number nor its share is read.
      'apply.granted',
      'share',
      'apply.withheld',
      'share',
      'apply.unavailable',
      'share',
      'apply.not_processed',
      'share',
      'apply.handled_otherwise',
      'share',
    ]);
  });
});

describe('precision details', () => {
  it('a 包括 list not closed by 以及/和 that falls short warns instead of failing', () => {
    expect(one(run('共收到各类信息35条，包括网上信息20条、信函信息10条。'), 'text-sum').status).toBe('warn');
    expect(one(run('共收到各类信息35条，分别为网上信息20条、信函信息10条。'), 'text-sum').status).toBe('fail');
  });
  it('a heading line above the paragraph gives the application context', () => {
    const h: HandReport = { apply: { granted: [125, 0, 0, 0, 0, 0] } };
    expect(one(run('（二）依申请公开\n\n予以公开125件。', h), 'apply.granted').status).toBe('pass');
    expect(run('（二）主动公开\n\n予以公开125件。', h)).toEqual([]);
  });
});

describe('what marks a total', () => {
  it('共 in 公共/共享 does not make a number a total', () => {
    expect(run('公共资源交易信息12条，包括招标信息4条、中标信息5条。')).toEqual([]);
    expect(one(run('共发布公共资源交易信息12条，包括招标信息4条、中标信息5条。'), 'text-sum').status).toBe('warn');
  });
});

describe('均获维持 wordings', () => {
  it.each(['均获维持', '均维持', '均获得维持', '结果均为维持', '全部被维持'])(
    '“行政复议2件，%s” is an all-upheld claim',
    (w) => {
      const cs = run(`因政府信息公开被申请行政复议2件，${w}。`, { review: [2, 0, 0, 0, 2] });
      expect(one(cs, 'review.count.all-upheld').status).toBe('pass');
    },
  );
  it('"均已审结" or "均在法定期限内" is not', () => {
    expect(
      by(run('因政府信息公开被申请行政复议2件，均已审结。', { review: [2, 0, 0, 0, 2] }), 'review.count.all-upheld'),
    ).toHaveLength(0);
  });
});

describe('prose against tables read in part, derived totals (issue #8)', () => {
  it('a claim whose cells were not all read is info ("表三未完整读取"), never a failure', () => {
    const h: HandReport = {
      apply: { new: [40, 0, 0, 0, 0, 0] },
      unread: ['apply.new.natural_person', 'apply.new.total'],
    };
    const c = one(run('全年收到政府信息公开申请45件。', h), 'apply.received');
    expect(c).toMatchObject({ status: 'info', messageId: 'narrative.table-partial' });
    expect(c.message).toContain('表三未完整读取');
  });
  it('a blank result-row 总计 is the sum of its six filled applicant cells, for the prose only', () => {
    // The 2019 Shanghai report: 予以公开 272 + 部分公开 3 = 275 against "258件"; both 总计 cells blank.
    const h: HandReport = {
      apply: { granted: [270, 2, 0, 0, 0, 0], partly_granted: [3, 0, 0, 0, 0, 0] },
      set: { 'apply.granted.total': null, 'apply.partly_granted.total': null },
    };
    const bad = run('依申请公开中，予以公开及部分公开258件。', h).filter((c) => c.status === 'fail');
    expect(bad.map((c) => c.expected)).toContain(275);
    expect(bad[0]!.message).toContain('按各类申请人之和计');
    const good = run('依申请公开中，予以公开及部分公开275件。', h).filter((c) => c.status === 'fail');
    expect(good.map((c) => c.message)).toEqual([]);
    // One applicant cell blank: nothing is derived (the blank total counts as 0, as before).
    const blank: HandReport = { ...h, set: { ...h.set, 'apply.granted.commercial': null } };
    expect(one(run('依申请公开中，予以公开及部分公开275件。', blank), 'apply.granted_or_partly').assumedZero).toEqual([
      'apply.granted.total',
    ]);
  });
});

// A real city site's report: "现行有效…393件，…本年度制发…77件" where table 二's 现行有效 is 470 = 393 + 77.
describe('a stock written in parts (现行有效 + 本年制发 = the table’s 现行有效)', () => {
  const table: HandReport = {
    active: { 'active.normative.issued': 77, 'active.normative.repealed': 5, 'active.normative.in_force': 470 },
  };
  const TEXT = '截至2024年底，我区现行有效的行政规范性文件393件，本年度制发行政规范性文件77件。';
  it('parts that add up to the table’s figure pass (narrative.parts), no contradiction', () => {
    const cs = run(TEXT, table);
    expect(cs.filter((c) => c.status === 'fail')).toEqual([]);
    expect(one(cs, 'active.normative.in_force')).toMatchObject({
      status: 'pass',
      value: 393,
      expected: 470,
      messageId: 'narrative.parts',
    });
    expect(one(cs, 'active.normative.in_force').message).toContain('393 + 本年制发 77 = 470');
    expect(one(cs, 'active.normative.issued').status).toBe('pass');
  });
  it('parts that do not add up stay a contradiction; a 现行有效 alone that differs stays one too', () => {
    expect(one(run(TEXT.replace('393件', '390件'), table), 'active.normative.in_force').status).toBe('fail');
    expect(one(run('我区现行有效的行政规范性文件393件。', table), 'active.normative.in_force').status).toBe('fail');
  });
  it('the 制发 number must itself agree with the table, and be in the same sentence', () => {
    // 393 + 76 ≠ 470, and 76 ≠ the table's 77: neither is read as parts
    expect(one(run(TEXT.replace('77件', '76件'), table), 'active.normative.in_force').status).toBe('fail');
    expect(
      one(run('我区现行有效的行政规范性文件393件。本年度制发行政规范性文件77件。', table), 'active.normative.in_force')
        .status,
    ).toBe('fail');
  });
});
