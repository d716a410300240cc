// Writes assets/samples/*.html, the embedded samples the README's first command checks. Run:
//   node --import tsx bench/make-samples.ts
// Both pages are reconstructed from the real seeds (../shared/seeds) in the national template's layout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportPage } from '../tests/support/pages';
import { seedValues } from '../tests/support/seeds';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const OUT = join(HERE, '../assets/samples');
const note = (text: string) => `<!-- ${text} -->\n`;

writeFileSync(
  join(OUT, 'zhongshan-2024.html'),
  note(
    "Reconstructed from seed 000_dc3f67fcb14f95e4 (中山市人民政府办公室 2024 年度报告): the seed's table values in the national template layout. Consistent: every check passes.",
  ) + reportPage(seedValues('000'), { title: '中山市人民政府办公室2024年度政府信息公开工作年度报告' }),
);
writeFileSync(
  join(OUT, 'guangdong-zsj-2024-with-error.html'),
  note(
    'Reconstructed from seed 004_bf76cd535622c645 (广东省政务服务和数据管理局 2024 年度报告) with ONE injected error: apply.granted.natural_person 109 → 119 (the real page says 109). Gouji must name that cell, suggesting 109.',
  ) +
    reportPage(
      { ...seedValues('004'), 'apply.granted.natural_person': 119 },
      { title: '广东省政务服务和数据管理局2024年政府信息公开工作年度报告' },
    ),
);
console.log('wrote', OUT);
