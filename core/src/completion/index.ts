export * from './candidates';
export * from './complete';
export * from './continuation';
export * from './draft';
export * from './sentenceIndex';
