// Moved to lib/rules/apply.year-over-year.ts (registered like every rule); kept for existing imports.
export { yearOverYear } from './rules/apply.year-over-year';
