/** Human annotations: the store's formats, edit tracking, review operations, exports, agreement. */
export * from './model';
export * from './brat';
export * from './track';
export * from './review';
export * from './formats';
export * from './agree';
export * from './dictionary';
