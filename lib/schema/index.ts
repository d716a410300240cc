// The format registry: tables, formats, field ids. See docs/architecture.md ("where to change what").
export * from './tables';
export * from './formats';
export * from './fields';
