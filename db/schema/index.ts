export * from './auth';
export * from './projects';
export * from './audit';
export * from './references';
