// Writes assets/samples/*.html, the embedded samples the README's first command checks. Run:
//   node --import tsx bench/make-samples.ts
// Both pages are reconstructed from the real seeds (../shared/seeds) in the national template's layout.
// tests/unit/generated-files.test.ts checks the committed pages against `buildSamples()`. The PDF and DOCX
// copies of the samples are written by tests/fixtures/gen/files.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportPage } from '../tests/support/pages';
import { seedValues } from '../tests/support/seeds';

export const SAMPLES_DIR = fileURLToPath(new URL('../assets/samples', import.meta.url));

const note = (text: string) => `<!-- ${text} -->\n`;

/** The sample pages, by file name. */
export function buildSamples(): { name: string; html: string }[] {
  return [
    {
      name: 'zhongshan-2024.html',
      html:
        note(
          "Reconstructed from seed 000_dc3f67fcb14f95e4 (中山市人民政府办公室 2024 年度报告): the seed's table values in the national template layout. Consistent: every check passes.",
        ) + reportPage(seedValues('000'), { title: '中山市人民政府办公室2024年度政府信息公开工作年度报告' }),
    },
    {
      name: 'guangdong-zsj-2024-with-error.html',
      html:
        note(
          'Reconstructed from seed 004_bf76cd535622c645 (广东省政务服务和数据管理局 2024 年度报告) with ONE injected error: apply.granted.natural_person 109 → 119 (the real page says 109). Gouji must name that cell, suggesting 109.',
        ) +
        reportPage(
          { ...seedValues('004'), 'apply.granted.natural_person': 119 },
          { title: '广东省政务服务和数据管理局2024年政府信息公开工作年度报告' },
        ),
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { name, html } of buildSamples()) writeFileSync(join(SAMPLES_DIR, name), html);
  console.log('wrote', SAMPLES_DIR);
}
