/** Line-by-line coding: text units, highlights, re-anchoring, the code tree and coding agreement. Pure. */
export * from './text-units';
export * from './overlap';
export * from './seed-agreement';
export * from './unit-kappa';
export * from './reanchor';
export * from './code-tree';
export * from './sample';
export * from './palette';
export * from './views';
