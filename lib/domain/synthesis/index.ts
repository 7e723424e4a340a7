export * from './presets';
export * from './matrix';
export * from './fit';
export * from './cerqual';
export * from './reproduction';
