// The narrative vocabulary's examples (lib/schema/narrative.ts), entry by entry: sentences whose [bracketed]
// number the entry must claim, and sentences whose bracketed number it must not.
// tests/unit/narrative.vocabulary.test.ts runs every entry on its own examples and on every other entry's, and
// holds this file and the vocabulary to the same ids. Kept beside the vocabulary, not in it: they are data for
// the tests, and the in-page engine every report page loads bundles the vocabulary (issue #14).

/** An entry's examples, then its counterexamples. */
export type NarrativeExamples = readonly [examples: readonly string[], counterexamples: readonly string[]];

/** [examples, counterexamples] for each of the three words of a document row (制发, 废止, 现行有效). */
type DocExamples = Record<'issued' | 'repealed' | 'in_force', NarrativeExamples>;

function docExamples(row: 'normative' | 'regulations', ex: DocExamples): Record<string, NarrativeExamples> {
  const out: Record<string, NarrativeExamples> = {};
  for (const [col, pair] of Object.entries(ex)) out[`active.${row}.${col}`] = pair;
  return out;
}

export const NARRATIVE_EXAMPLES: Readonly<Record<string, NarrativeExamples>> = {
  'apply.granted_or_partly': [
    ['本年度收到申请30件，予以公开及部分公开[25]件。', '办理申请中，予以公开和部分公开的[12]件。'],
    ['予以公开[25]件。'],
  ],
  'apply.granted': [
    ['按申请办理结果分类，予以公开的[125]件，部分公开的5件。', '办结申请中，同意公开[40]件。'],
    [
      '按申请办理结果，不予公开[3]件。',
      '收到申请50件，予以公开及部分公开[25]件。',
      '依申请公开中，予以公开信息[40]条。',
    ],
  ],
  'apply.partly_granted': [
    ['按申请办理结果分类，予以公开的125件，部分公开的[5]件。', '对申请部分公开[7]件。'],
    ['收到申请50件，予以公开及部分公开[25]件。'],
  ],
  'apply.withheld': [
    ['按申请办理结果分类，不予公开的[3]件。', '答复申请时不予以公开[2]件。'],
    ['按申请办理结果，予以公开[3]件。', '共制作政府信息3021条，依申请公开信息459条，不予公开信息[1535]条。'],
  ],
  'apply.unavailable': [
    ['按申请办理结果分类，无法提供的[24]件。', '申请中，因本机关不掌握而无法提供[9]件。'],
    ['依申请公开中，不予处理[2]件。'],
  ],
  'apply.not_processed': [
    ['按申请办理结果分类，不予受理的[1]件。', '对申请不予处理[4]件。'],
    ['共受理政府信息公开申请[189]件。'],
  ],
  'apply.handled_otherwise': [
    ['按申请办理结果分类，其他处理(含撤销申请)[58]件。', '其他处理的申请[6]件。'],
    ['共办理依申请公开[216]件。'],
  ],
  'apply.carried_over': [
    ['全年共收到申请20件，上年结转[3]件。', '上年度结转政府信息公开申请[2]件。'],
    ['剩余[8]件转下年度办理。'],
  ],
  'apply.carried_forward': [
    [
      '申请办理中，剩余[8]件转下年度办理。',
      '申请办理中，结转下年度继续办理[13]件。',
      '申请办理中，有[2]件申请结转至下一年度。',
    ],
    ['上年结转[3]件。', '依申请公开工作中，另有[2]条留言转下年度办理。'],
  ],
  'apply.applicant.natural_person': [
    ['共办理申请216件，其中[194]件为自然人申请。', '其中自然人申请[30]件。'],
    ['共有自然人[30]件。'],
  ],
  'apply.applicant.organizations': [
    ['收到申请50件，其中法人或其他组织申请[12]件。', '共办理申请50件，[12]件为法人或其他组织申请。'],
    ['共办理申请50件，其中商业企业申请[12]件。'],
  ],
  'apply.applicant.commercial': [
    ['共办理申请216件，其中[21]件为商业企业申请。', '其中商业企业申请[4]件。'],
    ['走访商业企业[40]家，受理申请。'],
  ],
  'apply.applicant.research': [
    ['收到申请20件，其中科研机构申请[2]件。', '收到申请20件，[2]件为科研机构申请。'],
    ['收到申请20件，其中商业企业申请[2]件。'],
  ],
  'apply.applicant.nonprofit': [
    ['收到申请20件，其中社会公益组织申请[1]件。', '收到申请20件，[1]件为社会公益组织提出的申请。'],
    ['收到申请20件，其中科研机构申请[1]件。'],
  ],
  'apply.applicant.legal_service': [
    ['收到申请20件，其中法律服务机构申请[3]件。', '收到申请20件，[3]件为法律服务机构申请。'],
    ['收到申请20件，其中律师[3]人。'],
  ],
  'apply.applicant.other_org': [
    ['共办理依申请公开216件，[1]件为其他申请。', '收到申请20件，[2]件为其他组织申请。'],
    ['按申请办理结果，其他处理[2]件。'],
  ],
  'apply.received': [
    [
      '2024年，共受理政府信息公开申请[189]件，同比增加20.4%。',
      '收到政府信息公开申请[1]条。',
      '全区各级行政机关共收到依申请公开[67]宗。',
    ],
    [
      '依申请公开方面，全年受理行政许可申请[1200]件。',
      '全年共收到申请[35]件。',
      '共收到行政复议申请[2]件。',
      '共收到有效留言[613]条。',
      '对不予受理的申请[3]件。',
      '收到申请人补正材料[3]件。',
      '收到申请人撤回申请[2]件。',
    ],
  ],
  'apply.handled': [
    [
      '答复政府信息公开申请[34430]件(含上年度转结)，均在法定期限内予以答复。',
      '2024年，共办理依申请公开[216]件，均在法定期限内答复。',
      '全市共办理政府信息依申请公开[292]件。',
      '共收到依申请公开67宗，办理[67]宗。',
    ],
    [
      '共办理网民留言[4622]条。',
      '市政府办理[46]件。',
      '其他处理(含撤销申请)[58]件。',
      '政府信息公开申请延期答复[3]件。',
    ],
  ],
  'review.count': [
    ['全年因政府信息公开被申请行政复议[7]件，均获维持。', '发生政府信息公开行政复议案件[2]起。'],
    ['因政府信息公开被提起行政诉讼[4]件。', '收到信息公开行政复议决定书[3]件。', '全年办理行政复议案件[120]件。'],
  ],
  'litigation.count': [
    ['因政府信息公开被提起行政诉讼[4]件。', '因政府信息公开引发行政诉讼案件[2]起。'],
    ['因政府信息公开全年被申请行政复议[7]件。', '全年办理行政诉讼案件[30]件。'],
  ],
  'active.licensing': [
    ['2024年，全区行政许可决定数量[31461]宗。', '作出行政许可决定[5231]件。'],
    ['梳理行政许可事项[120]件。', '作出行政处罚决定[842]宗。', '全年受理行政许可申请[1200]件。'],
  ],
  'active.penalty': [['行政处罚决定数量[842]宗。', '作出行政处罚决定[1187]件。'], ['行政强制决定数量[4]宗。']],
  'active.coercion': [['行政强制决定数量[4]宗。', '作出行政强制决定[23]件。'], ['行政处罚决定数量[842]宗。']],
  'active.fees': [
    ['行政事业性收费总金额[2181.669177]万元。', '全年行政事业性收费[35.2]万元。'],
    ['全年收取信息处理费[200]元。'],
  ],
  // 规章 and 规范性文件 take the same three words (lib/schema/narrative.ts docEntries).
  ...docExamples('normative', {
    issued: [
      ['全区共制发行政规范性文件[16]件、废止8件。', '全年印发规范性文件[9]件。'],
      ['制发规章[2]件。', '共发布政府信息[5220]条。'],
    ],
    repealed: [['共制发行政规范性文件16件、废止[8]件。', '清理规范性文件，废止[5]件。'], ['制定规章2件，废止[1]件。']],
    in_force: [
      ['现行有效的行政规范性文件[63]件。', '清理规范性文件后，现行有效[140]件。'],
      ['发布[91]条现行有效的惠企政策。', '规章现行有效[35]件。'],
    ],
  }),
  ...docExamples('regulations', {
    issued: [
      ['全年制发规章[2]件，废止1件。', '出台政府规章[3]件。'],
      [
        '全年制发规范性文件[18]件。',
        '完善规章制度，制定[5]件。',
        '主动公开市政府规章13件(含新制定[5]件,修改4件,废止4件)。',
      ],
    ],
    repealed: [['全年制发规章2件，废止[1]件。', '清理规章，废止[4]件。'], ['全年制发规范性文件18件，废止[6]件。']],
    in_force: [['规章现行有效[35]件。', '清理后，规章现行有效的[30]件。'], ['现行有效的行政规范性文件[63]件。']],
  }),
};
