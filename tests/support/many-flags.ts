// Many follow-up flags as storage.local holds them (issue #13: the follow-up page with 3,000 flags). One
// real flag is written by the real FlagStore from the sample report, then copied with its own fingerprint,
// agency (30 of them), year, status and creation time — valid entries the page loads as they are. Used by
// tests/unit/flags-page-scale.test.tsx and `npm run bench:browser`.
import { memoryArea } from '../../lib/ext/tabs';
import { FlagStore } from '../../lib/flags/store';
import { FLAG_KEY_PREFIX, FLAG_STATUSES, flagKey, type Flag } from '../../lib/flags/model';
import { sampleReport } from './sample-report';

export const MANY_AGENCIES = Array.from({ length: 30 }, (_, i) => `第${i + 1}号县人民政府办公室`);

/** `n` stored flags, key → flag; the newest first by createdAt (flag 0 is the newest). */
export async function manyFlags(n: number): Promise<Record<string, Flag>> {
  const area = memoryArea();
  const s = new FlagStore(area, () => new Date('2025-03-01T00:00:00Z'));
  await s.addFinding(sampleReport(), 'apply.row-sum:granted', '');
  const base = [...area.data.entries()].find(([k]) => k.startsWith(FLAG_KEY_PREFIX))![1] as Flag;
  const out: Record<string, Flag> = {};
  const t0 = Date.parse('2025-03-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const fingerprint = `many-${String(i).padStart(5, '0')}`;
    const at = new Date(t0 - i * 60_000).toISOString();
    const agency = MANY_AGENCIES[i % MANY_AGENCIES.length]!;
    const year = 2019 + (i % 6);
    out[flagKey(fingerprint)] = {
      ...base,
      fingerprint,
      agency,
      year,
      url: `https://www.county${i % MANY_AGENCIES.length}.gov.cn/zwgk/ndbg/${year}.html`,
      title: `${agency}${year}年政府信息公开工作年度报告`,
      status: FLAG_STATUSES[i % FLAG_STATUSES.length]!,
      note: i % 7 === 0 ? `第 ${i} 条的备注` : '',
      createdAt: at,
      updatedAt: at,
    };
  }
  return out;
}
