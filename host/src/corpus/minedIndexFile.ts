import * as fs from 'fs';
import * as path from 'path';
import { MINED_INDEX_LISTS, MINED_INDEX_VERSION, MinedIndex } from '../../../core/src';

/** The index mined from the shipped corpus, beside the bundles: dist/../corpus/mined.json. */
export const shippedIndexFile = (bundleFolder: string) => path.join(bundleFolder, '..', 'corpus', 'mined.json');

/**
 * A mined index written by `corpus mine`; an error says which file and why when it is not one.
 * Written as `corpus mine` writes it (formatMinedIndex: each top-level key on a line of its own),
 * its large lists are parsed when first read: a server's first diagnostics need the 21 KB of
 * summaries, not the 1.2 MB of phrases and sentences that completion and mining read.
 */
export function readMinedIndex(file: string): MinedIndex {
  let bytes: Buffer;
  let index: Partial<MinedIndex>;
  try {
    bytes = fs.readFileSync(file);
    index = sectionedIndex(bytes, file) ?? (JSON.parse(bytes.toString('utf8')) as Partial<MinedIndex>);
  } catch (error) {
    throw new Error(`cannot read the mined index ${file}: ${(error as Error).message}`);
  }
  if (index?.version !== MINED_INDEX_VERSION || MINED_INDEX_LISTS.some(list => !isUnreadList(index, list) && !Array.isArray(index[list]))) {
    throw new Error(`${file} is not a mined index of version ${MINED_INDEX_VERSION}: run \`npm run corpus\` or \`speech-draft corpus mine\` again`);
  }
  return index as MinedIndex;
}

const KEY_LINE = Buffer.from('\n  "');
const VALUE_START = Buffer.from('": ');

/** A list of a sectioned index not read yet: it stands as a getter until then. */
function isUnreadList(index: object, list: string): boolean {
  return !!Object.getOwnPropertyDescriptor(index, list)?.get;
}

/** Lists this small are parsed at once, so that an error in one shows when the file is read. */
const SMALL_LIST_BYTES = 64 * 1024;

/**
 * An index whose top-level keys each open a line, two spaces in (as formatMinedIndex and
 * JSON.stringify(…, null, 2) write them, with \n or \r\n; a raw line break never occurs inside a
 * JSON value's string, and nested keys sit deeper): scalars and small lists read now, the others when
 * first used. Undefined for any other layout, which is read whole.
 */
function sectionedIndex(bytes: Buffer, file: string): Partial<MinedIndex> | undefined {
  const end = bytes.lastIndexOf('\n}');
  const firstKey = bytes.indexOf(KEY_LINE);
  const opening = bytes[1] === 0x0d ? 2 : 1;
  if (bytes[0] !== 0x7b || end < 0 || firstKey !== opening || bytes.toString('utf8', end + 2).trim()) return undefined;
  const index: Record<string, unknown> = {};
  for (let line = firstKey; line >= 0;) {
    const colon = bytes.indexOf(VALUE_START, line + KEY_LINE.length);
    const key = colon < 0 ? undefined : parseOrUndefined(bytes.toString('utf8', line + KEY_LINE.length - 1, colon + 1));
    if (typeof key !== 'string') return undefined;
    const valueStart = colon + VALUE_START.length;
    const next = bytes.indexOf(KEY_LINE, valueStart);
    // Up to the comma that ends the line before the next key, or to the closing brace.
    let valueEnd = next >= 0 ? next - 1 : end;
    if (bytes[valueEnd] === 0x0d) valueEnd--;
    if (next >= 0 && bytes[valueEnd] !== 0x2c) return undefined;
    const isList = bytes[valueStart] === 0x5b;
    if (isList && bytes[lastNonBlank(bytes, valueEnd)] !== 0x5d) return undefined;
    if (isList && valueEnd - valueStart > SMALL_LIST_BYTES) {
      defineUnreadList(index, key, () => bytes.toString('utf8', valueStart, valueEnd), file);
    } else {
      const value = parseOrUndefined(bytes.toString('utf8', valueStart, valueEnd));
      if (value === undefined) return undefined;
      index[key] = value;
    }
    line = next;
  }
  return index as Partial<MinedIndex>;
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function lastNonBlank(bytes: Buffer, end: number): number {
  let at = end - 1;
  while (at > 0 && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at--;
  return at;
}

/** A list read and parsed on first use, then kept as a plain property. */
function defineUnreadList(index: Record<string, unknown>, key: string, text: () => string, file: string): void {
  Object.defineProperty(index, key, {
    enumerable: true,
    configurable: true,
    get() {
      let value: unknown;
      try {
        value = JSON.parse(text());
      } catch (error) {
        throw new Error(`cannot read the mined index ${file}: ${key}: ${(error as Error).message}`);
      }
      Object.defineProperty(index, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}
