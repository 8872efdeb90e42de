import * as fs from 'fs';
import * as path from 'path';

/** Segments Chinese text into words; named so that an index records what segmented it. */
export interface Segmenter {
  name: string;
  cut(text: string): string[];
  /** Why this segmenter was chosen over the preferred one, when it was. */
  fallbackReason?: string;
}

/**
 * Which segmenter mines: `auto` is nodejieba where its native binary loads and the portable one
 * elsewhere; `portable` forces the portable one (the `speechDraft.corpus.segmenter` setting).
 */
export type SegmenterChoice = 'auto' | 'portable';

/** Forces the portable segmenter everywhere, whatever the setting says: `SPEECH_DRAFT_SEGMENTER=portable`. */
export const SEGMENTER_ENV = 'SPEECH_DRAFT_SEGMENTER';

export function isSegmenterChoice(value: unknown): value is SegmenterChoice {
  return value === 'auto' || value === 'portable';
}

/** The choice in force: the environment variable's if it says `portable`, else the setting's. */
export function segmenterChoice(setting?: SegmenterChoice): SegmenterChoice {
  return process.env[SEGMENTER_ENV] === 'portable' ? 'portable' : setting ?? 'auto';
}

/** nodejieba's folder, or undefined where the package is not installed. */
function nodejiebaFolder(): string | undefined {
  try {
    return path.dirname(require.resolve('nodejieba/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * nodejieba is a native addon that takes ~0.8 s and ~300 MB to load its dictionaries, and never
 * frees them. Its dictionaries are loaded on the first `cut`, so a run whose files all come from
 * the cache never loads them; only the CLI and the mining process segment with it; the server reads its name only.
 */
export function jiebaSegmenter(): Segmenter {
  let jieba: typeof import('nodejieba') | undefined;
  return {
    name: jiebaSegmenterName(),
    cut: text => {
      if (!jieba) {
        jieba = require('nodejieba') as typeof import('nodejieba');
        jieba.load();
      }
      return jieba.cut(text);
    },
  };
}

/** nodejieba's version, from its package.json: nodejieba is not loaded. */
function nodejiebaVersion(): string {
  return (require('nodejieba/package.json') as { version: string }).version;
}

/** The name jiebaSegmenter() records, read without loading nodejieba. */
export function jiebaSegmenterName(): string {
  return `nodejieba ${nodejiebaVersion()}`;
}

/**
 * Loads nodejieba's native binary (a few MB, not its dictionaries) to learn whether it runs here:
 * the error if it does not (missing, built for another platform, or for another Node ABI).
 */
export function nativeSegmenterError(): Error | undefined {
  const folder = nodejiebaFolder();
  if (!folder) return new Error('nodejieba is not installed');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the binary alone, to learn whether it runs here
    require(path.join(folder, 'build', 'Release', 'nodejieba.node'));
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/**
 * nodejieba's dictionary files (jieba's default dictionary as cppjieba ships it, and its user
 * dictionary): data, shipped in every package, so that the portable segmenter uses them too.
 */
function nodejiebaDictionaries(): { version: string; dict: string; user: string } | undefined {
  const folder = nodejiebaFolder();
  if (!folder) return undefined;
  const dict = path.join(folder, 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
  const user = path.join(folder, 'submodules', 'cppjieba', 'dict', 'user.dict.utf8');
  if (!fs.existsSync(dict)) return undefined;
  return { version: nodejiebaVersion(), dict, user };
}

/** The name portableSegmenter() records: which jieba-wasm and which dictionary. Loads neither. */
export function portableSegmenterName(): string {
  // Its package.json is not among its exports: found from its entry point, which is not loaded.
  const entry = require.resolve('jieba-wasm');
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const dictionaries = nodejiebaDictionaries();
  return `jieba-wasm ${version}${dictionaries ? ` (nodejieba ${dictionaries.version}'s dictionary)` : ''}`;
}

/** Runs of ASCII letters and digits, which jieba-rs keeps whole and cppjieba cuts into characters. */
const ASCII_RUN = /^[A-Za-z0-9]{2,}$/;

/**
 * jieba-rs compiled to WebAssembly: runs on every platform and Node version. It segments like
 * nodejieba (no HMM, jieba's default dictionary) given the same dictionary: jieba-rs's built-in one
 * lacks a few of cppjieba's words (张力, 张华) and its user words (云计算, 区块链), so nodejieba's
 * dictionary files are added to it when they are installed; and its runs of ASCII letters and digits
 * (2022, xx) are cut into characters as cppjieba does, whose dictionary has no such words. Loaded on
 * the first `cut` (~0.4 s, ~60 MB).
 */
export function portableSegmenter(): Segmenter {
  let jieba: typeof import('jieba-wasm') | undefined;
  const load = () => {
    const loaded = require('jieba-wasm') as typeof import('jieba-wasm');
    const dictionaries = nodejiebaDictionaries();
    if (dictionaries) {
      const dict = fs.readFileSync(dictionaries.dict, 'utf8');
      loaded.with_dict(dict);
      loaded.with_dict(userDictionary(dict, fs.existsSync(dictionaries.user) ? fs.readFileSync(dictionaries.user, 'utf8') : ''));
    }
    return loaded;
  };
  return {
    name: portableSegmenterName(),
    cut: text => {
      jieba ??= load();
      const tokens = jieba.cut(text, false);
      if (!tokens.some(token => ASCII_RUN.test(token))) return tokens;
      return tokens.flatMap(token => (ASCII_RUN.test(token) ? [...token] : [token]));
    },
  };
}

/**
 * cppjieba's user dictionary (`word [tag]` or `word freq tag`) in jieba-rs's form, which needs a
 * frequency: cppjieba gives a word without one the median frequency of the dictionary.
 */
function userDictionary(dict: string, user: string): string {
  const frequencies: number[] = [];
  for (const line of dict.split('\n')) {
    const frequency = Number(line.split(' ')[1]);
    if (frequency) frequencies.push(frequency);
  }
  frequencies.sort((a, b) => a - b);
  const median = frequencies[frequencies.length >> 1] ?? 1;
  return user.split(/\r?\n/).map(line => line.trim().split(/\s+/)).filter(parts => parts[0])
    .map(parts => (parts.length >= 3 ? parts.join(' ') : [parts[0], median, ...parts.slice(1)].join(' '))).join('\n');
}

/**
 * The segmenter the choice mines with: nodejieba if the choice is `auto` and its binary loads here,
 * else the portable one, with the reason it fell back.
 */
export function chooseSegmenter(choice: SegmenterChoice = segmenterChoice()): Segmenter {
  if (choice === 'portable') {
    return { ...portableSegmenter(), fallbackReason: process.env[SEGMENTER_ENV] === 'portable' ? `${SEGMENTER_ENV}=portable` : 'the portable segmenter was chosen in the settings' };
  }
  const error = nativeSegmenterError();
  if (!error) return jiebaSegmenter();
  return { ...portableSegmenter(), fallbackReason: `nodejieba's native binary does not load here: ${error.message.split('\n')[0]}` };
}

/**
 * The names of the segmenters the choice may mine with, preferred first, read without loading any:
 * an index cached by either is an index of the same files, segmented with the same dictionary.
 */
export function segmenterNames(choice: SegmenterChoice = segmenterChoice()): string[] {
  const names: string[] = [];
  if (choice === 'auto' && nodejiebaFolder()) names.push(jiebaSegmenterName());
  names.push(portableSegmenterName());
  return names;
}

/** One line saying what segments, and why it is not nodejieba when it is not. */
export function describeSegmenter(segmenter: Pick<Segmenter, 'name' | 'fallbackReason'>): string {
  return `segmenter: ${segmenter.name}${segmenter.fallbackReason ? ` (${segmenter.fallbackReason})` : ''}`;
}
