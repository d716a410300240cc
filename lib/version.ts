// Kept in step with package.json by tests/unit/core/version.test.ts.
export const TOOL = { name: 'gouji', version: '0.1.0' } as const;
