export * from './auth';
export * from './projects';
export * from './audit';
export * from './references';
export * from './screening';
export * from './imports';
export * from './ranking';
