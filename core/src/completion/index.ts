export * from './candidates';
export * from './complete';
export * from './continuation';
