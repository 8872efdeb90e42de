import * as fs from 'fs';
import * as path from 'path';
import { MINED_INDEX_VERSION, MinedIndex } from '../../../core/src';

/** The index mined from the shipped corpus, beside the bundles: dist/../corpus/mined.json. */
export const shippedIndexFile = (bundleFolder: string) => path.join(bundleFolder, '..', 'corpus', 'mined.json');

/** A mined index written by `corpus mine`; an error says which file and why when it is not one. */
export function readMinedIndex(file: string): MinedIndex {
  let index: Partial<MinedIndex>;
  try {
    index = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<MinedIndex>;
  } catch (error) {
    throw new Error(`cannot read the mined index ${file}: ${(error as Error).message}`);
  }
  const lists: (keyof MinedIndex)[] = ['speeches', 'phrases', 'slogans', 'summaries', 'openings', 'closings', 'headingPatterns', 'sentences'];
  if (index?.version !== MINED_INDEX_VERSION || lists.some(list => !Array.isArray(index[list]))) {
    throw new Error(`${file} is not a mined index of version ${MINED_INDEX_VERSION}: run \`npm run corpus\` or \`speech-draft corpus mine\` again`);
  }
  return index as MinedIndex;
}
