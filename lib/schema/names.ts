// Human names of fields, for messages ("（一）予以公开 · 自然人"). Kept for existing imports: the names
// live in lib/schema/fields.ts.
export { applyColumnName, applyRowName, fieldName, isAmount, isSigned } from './fields';
