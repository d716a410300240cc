export * from './model';
export * from './findings';
export * from './validate';
export * from './store';
