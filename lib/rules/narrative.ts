// The text-vs-tables rules (scope 'text'): numbers written in the report's prose, matched by lib/narrative
// against the tables. Their claims carry these ids (`claim.rule`); the vocabulary entries of
// lib/schema/narrative.ts name the first three.
import { defineRule } from './define';

export const narrativeApply = defineRule('narrative.apply', {
  title: '正文中的表三数字与表格一致',
  tables: ['apply'],
  formats: 'tables',
  scope: 'text',
  source: 'lib/schema/narrative.ts',
});

export const narrativeActive = defineRule('narrative.active', {
  title: '正文中的表二数字与表格一致',
  tables: ['active'],
  formats: 'tables',
  scope: 'text',
  source: 'lib/schema/narrative.ts',
});

export const narrativeReview = defineRule('narrative.review', {
  title: '正文中的表四数字与表格一致',
  tables: ['review'],
  formats: 'tables',
  scope: 'text',
  source: 'lib/schema/narrative.ts',
});

export const narrativeShare = defineRule('narrative.share', {
  title: '正文中的“占 x%”与部分、整体一致',
  tables: ['active', 'apply', 'review'],
  formats: 'tables',
  scope: 'text',
  source: 'lib/narrative/shares.ts',
});

export const narrativeTextSum = defineRule('narrative.text-sum', {
  title: '正文中列举的各项之和等于所写的总数',
  tables: [],
  formats: 'any',
  scope: 'text',
  source: 'lib/narrative/sums.ts',
});
