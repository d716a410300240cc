// Table 四 (行政复议、行政诉讼) as data: FORMAT.md §4. Header text is often broken ("结果<br>纠正") or
// lost (seed 002 keeps only "结果"), so the 15 data cells are taken by position, in this order.
import { idJoiner } from './tables';

export interface ReviewGroup {
  id: string;
  name: string;
  en: string;
}

export const REVIEW_GROUPS: readonly ReviewGroup[] = [
  { id: 'review', name: '行政复议', en: 'administrative review' },
  { id: 'litigation.direct', name: '行政诉讼（未经复议直接起诉）', en: 'litigation without prior review' },
  { id: 'litigation.after_review', name: '行政诉讼（复议后起诉）', en: 'litigation after review' },
];

export const REVIEW_KEYS = [
  { id: 'upheld', name: '结果维持', en: 'upheld' },
  { id: 'corrected', name: '结果纠正', en: 'corrected' },
  { id: 'other', name: '其他结果', en: 'other result' },
  { id: 'pending', name: '尚未审结', en: 'pending' },
  { id: 'total', name: '总计', en: 'total' },
] as const;

export const REVIEW_ADDEND_KEYS = REVIEW_KEYS.filter((k) => k.id !== 'total');

const joinReview = idJoiner('');

export function reviewField(group: string, key: string): string {
  return joinReview(group, key);
}

/** The 15 field ids in page order. */
export const REVIEW_FIELDS: readonly string[] = REVIEW_GROUPS.flatMap((g) =>
  REVIEW_KEYS.map((k) => reviewField(g.id, k.id)),
);
