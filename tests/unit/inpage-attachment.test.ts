// The page chip of a report whose tables are in an attachment (#9): a .pdf/.docx is offered to check
// (点击检查附件, the report view opens it); a .doc/.wps/.xls/.et/.ofd says what to do first — save it as .docx
// or PDF — never a click that cannot work and never "not a report".
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib/check';
import { planMarks } from '../../components/inpage/model';
import { setLang as setInpageLang } from '../../components/inpage/strings';
import { happyDoc } from '../support/dom';

const note = (href: string, text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>某某市2024年政府信息公开工作年度报告</title></head><body><h1>某某市2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>详见附件：</p><p><a href="${href}">${text}</a></p></body></html>`;

function pageChip(href: string, text: string) {
  const url = 'https://www.example.gov.cn/art/2025/note.html';
  const doc = happyDoc(note(href, text), url);
  const analysis = checkDocument(doc, { url });
  expect(analysis.report.detected).toBe(true);
  return planMarks(analysis, doc).chips.find((c) => c.table === 'page')!;
}

describe('the page chip of a report whose tables are in an attachment', () => {
  it('a .pdf or .docx: 点击检查附件, with the file to open', () => {
    setInpageLang('zh');
    for (const href of ['/fj/2024年报.pdf', '/fj/2024年报.docx']) {
      const chip = pageChip(href, '2024年年度报告');
      expect(chip.text).toContain('点击检查附件');
      expect(chip.attachment).toBe(new URL(href, 'https://www.example.gov.cn/').href);
    }
  });

  it('a .doc, .wps, .xls, .et or .ofd: 请另存为 .docx 或 PDF 后再检查, nothing to click', () => {
    for (const ext of ['doc', 'wps', 'xls', 'et', 'ofd']) {
      setInpageLang('zh');
      const chip = pageChip(`/fj/2024年报.${ext}`, '2024年年度报告');
      expect(chip.text, ext).toContain('表格在附件《');
      expect(chip.text, ext).toContain('请另存为 .docx 或 PDF 后再检查');
      expect(chip.text, ext).not.toContain('点击检查附件');
      expect(chip.attachment, ext).toBeUndefined();
      setInpageLang('en');
      expect(pageChip(`/fj/2024年报.${ext}`, '2024年年度报告').text, ext).toContain('save it as .docx or PDF');
    }
    setInpageLang('zh');
  });
});
