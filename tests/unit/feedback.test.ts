import { describe, expect, it } from 'vitest';
import {
  feedbackText,
  itemsFromFlags,
  itemsFromReport,
  messageBody,
  subjectOfReport,
  titleWithoutSite,
} from '../../lib/feedback';
import { FlagStore } from '../../lib/flags/store';
import { memoryArea } from '../../lib/ext/tabs';
import { consistentReport, sampleReport } from '../support/sample-report';

const day = new Date(2025, 2, 8);

describe('feedbackText', () => {
  it('lists each error with table, row, column, arithmetic and the probable culprit', () => {
    const r = sampleReport();
    const text = feedbackText(subjectOfReport(r), itemsFromReport(r), day);
    expect(text).toContain('某某县人民政府办公室：');
    expect(text).toContain('《某某县人民政府办公室2024年度政府信息公开工作年度报告》');
    expect(text).toContain(r.source.url!);
    // One wrong cell is one entry, with the two checks it breaks inside it; the culprit is named once.
    expect(text).toContain('有 2 处数据经核对不一致（涉及 2 项表格勾稽关系）');
    expect(text).toContain(
      '1. 第三部分“收到和处理政府信息公开申请情况”表“（一）予以公开”行“自然人”列的数值可能有误（按其余数据推算应为 130），它使以下 2 项核对不一致——' +
        '“（一）予以公开”行：本行合计应为 128（120 + 8 + 0 + 0 + 0 + 0），表中为 138；“（七）总计”行“自然人”列：',
    );
    expect(text.match(/应为 130）/g)).toHaveLength(1);
    expect(text).toContain('2. 正文“全年共收到政府信息公开申请170件”与表格数据不一致');
    expect(text).not.toContain('3. ');
    expect(text).toContain('国办公开办函〔2021〕30号');
    expect(text).toContain('2025年3月8日');
    expect(text).toMatch(/敬礼\n\n反馈人：_+\n联系方式：_+\n2025年3月8日\n$/); // 落款
    expect(text).not.toContain('review.sum'); // uncertain checks are not errors to report
    expect(text).not.toMatch(/undefined|null/);
  });
  it('names the report without the site suffix of the page title', () => {
    const r = sampleReport();
    r.source.title = '某某县人民政府办公室2024年度政府信息公开工作年度报告_某某县人民政府门户网站';
    const text = feedbackText(subjectOfReport(r), itemsFromReport(r), day);
    expect(text).toContain('《某某县人民政府办公室2024年度政府信息公开工作年度报告》');
    expect(text).not.toContain('门户网站');
    expect(titleWithoutSite('中山市人民政府办公室2024年度政府信息公开工作年度报告 - 中山市人民政府')).toBe(
      '中山市人民政府办公室2024年度政府信息公开工作年度报告',
    );
    expect(titleWithoutSite('中山市人民政府 | 2024年度报告')).toBe('2024年度报告');
  });
  it('drops the culprit clause the core appends, since the letter states the culprit itself', () => {
    expect(
      messageBody(
        '表三“（一）予以公开”行：本行合计应为 128（120 + 8），表中为 138。可能是“表三 予以公开 · 自然人”有误（表中为 120，若为 130 则这 2 项核对一致）',
      ),
    ).toBe('本行合计应为 128（120 + 8），表中为 138');
    expect(messageBody('本行合计应为 1，表中为 2')).toBe('本行合计应为 1，表中为 2');
  });
  it('is empty when there is nothing to report', () => {
    const r = consistentReport();
    expect(feedbackText(subjectOfReport(r), itemsFromReport(r), day)).toBe('');
  });
  it('uses the flags of a report, leaving out corrected and false-positive ones', async () => {
    const store = new FlagStore(memoryArea());
    const r = sampleReport({ agency: null });
    for (const id of ['apply.row-sum:granted', 'apply.result-sum:natural_person', 'review.sum:review'])
      await store.addFinding(r, id);
    const { flags } = await store.load();
    await store.update(flags.find((f) => f.checkId === 'apply.result-sum:natural_person')!.fingerprint, {
      status: 'false_positive',
    });
    const items = itemsFromFlags((await store.load()).flags);
    expect(items.map((i) => i.checkId).sort()).toEqual(['apply.row-sum:granted', 'review.sum:review']);
    const text = feedbackText({ agency: null, year: 2024, title: null, url: null }, items, day);
    expect(text).toContain('贵单位：');
    expect(text).toContain('第四部分“政府信息公开行政复议、行政诉讼情况”表“行政复议”行：无法判断——总计为空白');
    expect(text).not.toContain('：表四');
  });
});
