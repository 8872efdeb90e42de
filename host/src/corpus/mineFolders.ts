import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CLEANING_VERSION, cleanSpeechText, CorpusDocument, isHan, isStringArray, mineCorpus, MINED_INDEX_LISTS, MINED_INDEX_VERSION, MinedIndex, titleLineOf } from '../../../core/src';
import { describeSegmenter, Segmenter } from './segmenter';
import { writeAtomically } from '../files';
import { decodeCorpusFile, DEFAULT_MAX_FILE_BYTES, listCorpusFiles, MAX_FILES, readableSize, tooLarge, unsupportedReason } from './speechFiles';

/** Sizes past which files are skipped: a whole disk is not a corpus. */
export interface MiningLimits {
  /** The largest file read, and the most a .docx may unpack to (its text parts, not its pictures). */
  maxFileBytes: number;
  /** What all the files read may add up to; files past it are skipped. */
  maxTotalBytes: number;
}

export const DEFAULT_MINING_LIMITS: MiningLimits = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, maxTotalBytes: 200 * 2 ** 20 };

export interface MiningOptions {
  segmenter: Segmenter;
  limits?: MiningLimits;
  /** Where segmented files are kept, keyed by their content; none: no cache. */
  cacheDir?: string;
  /** Mine multi-word phrases too (the CLI's index has them; the editor does not need them). */
  phrases?: boolean;
  onProgress?(done: number, total: number, file: string): void;
}

export interface MiningReport {
  files: number;
  segmented: number;
  fromCache: number;
  skipped: { file: string; reason: string }[];
  /** What segmented: the segmenter's name, and why it stood in for nodejieba if it did. */
  segmenter: string;
}

/** Cache entries not used for this long are removed. */
const CACHE_LIFETIME_MS = 30 * 24 * 3600 * 1000;

type CachedDocument = Omit<CorpusDocument, 'file'>;
/** On disk, each line's tokens are one string: far quicker to write and read than arrays of words. */
type StoredDocument = Omit<CachedDocument, 'tokens'> & { tokens: string[] };
const TOKEN_SEPARATOR = '\u0001';
/** Bump when the stored form changes. */
const STORAGE_VERSION = 2;

/** A whole mined index, kept for when none of its files changed. */
interface CachedIndex {
  index: MinedIndex;
  report: { files: number; skipped: MiningReport['skipped'] };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringRecord = (value: unknown): value is Record<string, string> => isObject(value) && Object.values(value).every(v => typeof v === 'string');

function isStoredDocument(value: unknown): value is StoredDocument {
  return isObject(value) && typeof value.title === 'string' && typeof value.bodyStart === 'number'
    && isStringArray(value.lines) && isStringArray(value.tokens) && value.tokens.length === value.lines.length;
}

function isCachedIndex(value: unknown): value is CachedIndex {
  if (!isObject(value) || !isObject(value.index) || !isObject(value.report)) return false;
  const { index, report } = value;
  return index.version === MINED_INDEX_VERSION && MINED_INDEX_LISTS.every(list => Array.isArray(index[list]))
    && typeof report.files === 'number' && Array.isArray(report.skipped);
}

/** Bump when the miner's output changes, so that cached indexes are mined again. */
const MINER_VERSION = 1;

/** The importer's index.json: the files it wrote and their titles. */
function importedTitles(root: string): Map<string, string> | undefined {
  try {
    const index = JSON.parse(fs.readFileSync(path.join(root, 'index.json'), 'utf8')) as { speeches: { file: string; title: string }[] };
    return new Map(index.speeches.map(s => [s.file, s.title]));
  } catch {
    return undefined;
  }
}

/** How files are named in sources: relative to their folder, prefixed by the folder's name when there are several. */
function rootPrefixes(roots: string[]): string[] {
  if (roots.length === 1) return [''];
  const names = roots.map(root => path.basename(root) || root);
  return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name}-${i + 1}/` : `${name}/`));
}

class SegmentCache {
  private readonly dir?: string;
  /**
   * Each file's key by its path, size and modification time, so that reopening an unchanged archive
   * does not read and hash every file (10,000 speeches: ~0.25 s). Holds the files of the last run.
   */
  private knownKeys?: Record<string, string>;
  private readonly usedKeys: Record<string, string> = {};

  constructor(dir: string | undefined, private readonly segmenter: string) {
    try {
      if (dir) fs.mkdirSync(dir, { recursive: true });
      this.dir = dir;
    } catch {
      // Without a cache, mining only takes longer.
    }
  }

  /** The key of a file's segmentation: its content, how it is cleaned and what segments it. */
  keyOf(bytes: Buffer, extension: string, title: string | undefined): string {
    return createHash('sha256').update(`${STORAGE_VERSION}\0${CLEANING_VERSION}\0${this.segmenter}\0${extension}\0${title ?? ''}\0`).update(bytes).digest('hex');
  }

  /** The key of a file on disk: from the last run's keys if its size and time are unchanged. */
  keyOfFile(file: string, stat: fs.Stats, extension: string, title: string | undefined): string {
    this.knownKeys ??= this.readJson(this.fileKeysName(), isStringRecord) ?? {};
    const id = `${file}\0${stat.size}\0${stat.mtimeMs}\0${extension}\0${title ?? ''}`;
    return this.usedKeys[id] = this.knownKeys[id] ?? this.keyOf(fs.readFileSync(file), extension, title);
  }

  /** Keeps the keys of this run's files for the next run, if they changed. */
  saveFileKeys(): void {
    const used = Object.keys(this.usedKeys);
    if (used.length === Object.keys(this.knownKeys ?? {}).length && used.every(id => this.knownKeys![id] === this.usedKeys[id])) return;
    this.writeJson(this.fileKeysName(), this.usedKeys);
  }

  private fileKeysName(): string {
    return createHash('sha256').update(`file keys\0${STORAGE_VERSION}\0${CLEANING_VERSION}\0${this.segmenter}`).digest('hex');
  }

  /** The key of a whole mined index: the keys of all its files, and the miner's version. */
  indexFileFor(fileKeys: string[], phrases: boolean): string {
    return createHash('sha256').update(`index\0${MINED_INDEX_VERSION}\0${MINER_VERSION}\0${phrases}\0${fileKeys.join('\n')}`).digest('hex');
  }

  read(key: string): CachedDocument | undefined {
    const stored = this.readJson(key, isStoredDocument);
    return stored && { ...stored, tokens: stored.tokens.map(line => (line ? line.split(TOKEN_SEPARATOR) : [])) };
  }

  write(key: string, document: CachedDocument): void {
    this.writeJson(key, { ...document, tokens: document.tokens.map(tokens => tokens.join(TOKEN_SEPARATOR)) } satisfies StoredDocument);
  }

  readIndex(key: string): CachedIndex | undefined {
    return this.readJson(key, isCachedIndex);
  }

  writeIndex(key: string, cached: CachedIndex): void {
    this.writeJson(key, cached);
  }

  /** An entry of the expected shape, marked as used; anything else (a torn or foreign file) is removed. */
  private readJson<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
    if (!this.dir) return undefined;
    const file = path.join(this.dir, `${key}.json`);
    // Most lookups miss on a first run: checking is cheaper than catching the read's error.
    if (!fs.existsSync(file)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      value = undefined;
    }
    try {
      if (!isValid(value)) {
        fs.rmSync(file, { force: true });
        return undefined;
      }
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // The entry is still good for this run; the next prune may remove it.
    }
    return value as T;
  }

  private writeJson(key: string, value: unknown): void {
    if (!this.dir) return;
    try {
      writeAtomically(path.join(this.dir, `${key}.json`), JSON.stringify(value));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  /** Removes entries no run has used for a month: files that changed or left the corpus. */
  prune(): void {
    if (!this.dir) return;
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      try {
        if (Date.now() - fs.statSync(file).mtimeMs > CACHE_LIFETIME_MS) fs.unlinkSync(file);
      } catch {
        // Another process may have removed it.
      }
    }
  }
}

/** The files under the folders, each keyed by its cache entry, and the key of their whole mined index. */
function keyFolders(roots: string[], options: { segmenterName: string; cacheDir?: string; limits?: MiningLimits; phrases?: boolean }) {
  const report: MiningReport = { files: 0, segmented: 0, fromCache: 0, skipped: [], segmenter: options.segmenterName };
  const work: { file: string; name: string; title?: string }[] = [];
  const prefixes = rootPrefixes(roots);
  roots.forEach((root, i) => {
    let files: string[];
    try {
      files = listCorpusFiles(root);
    } catch (error) {
      report.skipped.push({ file: root, reason: `cannot open (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    if (files.length > MAX_FILES) {
      report.skipped.push({ file: root, reason: `more than ${MAX_FILES} files: only the first ${MAX_FILES} are read` });
      files = files.slice(0, MAX_FILES);
    }
    const titles = importedTitles(root);
    for (const file of files) {
      const relative = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
      const name = prefixes[i] + relative;
      // Beside an importer's index.json, other .json files are indexes too (mined.json).
      if (titles && !titles.has(relative) && path.extname(file) === '.json') continue;
      if (titles && !titles.has(relative)) report.skipped.push({ file: name, reason: 'not listed in this folder\'s index.json (import it again to include it)' });
      else work.push({ file, name, title: titles?.get(relative) });
    }
  });
  const cache = new SegmentCache(options.cacheDir, options.segmenterName);
  const limits = options.limits ?? DEFAULT_MINING_LIMITS;
  const sizes = new SizeBudget(limits);
  // Read and key every file first: if none changed, the whole mined index comes from the cache.
  const keyed = work.map(entry => ({ ...entry, ...keyFile(entry.file, entry.title, cache, sizes) }));
  cache.saveFileKeys();
  const phrases = options.phrases ?? true;
  const indexFile = cache.indexFileFor(keyed.map(k => `${k.name}\0${'cacheFile' in k ? k.cacheFile : k.reason}`), phrases);
  const fromCache = () => {
    const cachedIndex = cache.readIndex(indexFile);
    if (!cachedIndex) return undefined;
    const { files, skipped } = cachedIndex.report;
    return { index: cachedIndex.index, report: { files, segmented: 0, fromCache: files, skipped: [...report.skipped, ...skipped], segmenter: describeSegmenter({ name: cachedIndex.index.segmenter }) } };
  };
  return { report, keyed, cache, limits, phrases, indexFile, fromCache };
}

/**
 * The mined index of the folders if none of their files changed since it was cached; never
 * segments. Takes the segmenter's name only, so that it can run where nodejieba is not loaded.
 */
export function minedFromCache(roots: string[], options: { segmenterName: string; cacheDir: string; limits?: MiningLimits; phrases?: boolean }): { index: MinedIndex; report: MiningReport } | undefined {
  return keyFolders(roots, options).fromCache();
}

/**
 * Reads, cleans, segments and mines the speeches under the given folders. A file that cannot be
 * read is reported and skipped; the others are mined. Files whose content was segmented before
 * come from the cache.
 */
export async function mineFolders(roots: string[], options: MiningOptions): Promise<{ index: MinedIndex; report: MiningReport }> {
  const { report, keyed, cache, limits, phrases, indexFile, fromCache } = keyFolders(roots, { ...options, segmenterName: options.segmenter.name });
  report.segmenter = describeSegmenter(options.segmenter);
  const cached = fromCache();
  if (cached) {
    options.onProgress?.(keyed.length, keyed.length, '');
    return { ...cached, report: { ...cached.report, segmenter: report.segmenter } };
  }
  const listingSkipped = report.skipped.length;
  const documents: CorpusDocument[] = [];
  for (const [done, entry] of keyed.entries()) {
    options.onProgress?.(done, keyed.length, entry.name);
    // Between files, the process hears that it was told to stop (or that its parent is gone).
    await new Promise(resolve => setImmediate(resolve));
    const document = 'reason' in entry ? entry : await segmentFile(entry, options.segmenter, cache, limits);
    if ('reason' in document) {
      report.skipped.push({ file: entry.name, reason: document.reason });
      continue;
    }
    report.files++;
    if (document.cached) report.fromCache++; else report.segmented++;
    documents.push({ file: entry.name, ...document.document });
  }
  const index = mineCorpus(documents, options.segmenter.name, { phrases });
  cache.writeIndex(indexFile, { index, report: { files: report.files, skipped: report.skipped.slice(listingSkipped) } });
  cache.prune();
  options.onProgress?.(keyed.length, keyed.length, '');
  return { index, report };
}

/** Files are admitted in order while they fit the limits; the reason a file does not. */
class SizeBudget {
  private total = 0;

  constructor(private readonly limits: MiningLimits) {}

  admit(size: number): string | undefined {
    if (size > this.limits.maxFileBytes) return tooLarge(size, this.limits.maxFileBytes);
    if (this.total + size > this.limits.maxTotalBytes) return `past the ${readableSize(this.limits.maxTotalBytes)} that all files may add up to`;
    this.total += size;
    return undefined;
  }
}

/** A file's cache entry (its bytes are read again only on a miss, not held for the whole run), or why it cannot be a speech. */
function keyFile(file: string, title: string | undefined, cache: SegmentCache, sizes: SizeBudget):
  { extension: string; title?: string; cacheFile: string } | { reason: string } {
  const extension = path.extname(file).toLowerCase();
  const unsupported = unsupportedReason(extension);
  if (unsupported) return { reason: unsupported };
  try {
    const stat = fs.statSync(file);
    const tooLarge = sizes.admit(stat.size);
    if (tooLarge) return { reason: tooLarge };
    return { extension, title, cacheFile: cache.keyOfFile(file, stat, extension, title) };
  } catch (error) {
    return { reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
  }
}

async function segmentFile(
  { file, extension, title, cacheFile }: { file: string; extension: string; title?: string; cacheFile: string },
  segmenter: Segmenter, cache: SegmentCache, limits: MiningLimits,
): Promise<{ document: CachedDocument; cached: boolean } | { reason: string }> {
  const cached = cache.read(cacheFile);
  if (cached) return { document: cached, cached: true };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
  }
  const read = await decodeCorpusFile(bytes, extension, limits.maxFileBytes);
  if (!read.ok) return { reason: read.reason };
  const lines = cleanSpeechText(read.text);
  if (!lines.some(line => [...line].some(isHan))) return { reason: 'no Chinese text' };
  const titleLine = titleLineOf(lines);
  const document: CachedDocument = {
    title: title ?? (titleLine !== undefined ? lines[titleLine] : path.basename(file, extension)),
    lines,
    bodyStart: titleLine !== undefined ? titleLine + 1 : 0,
    tokens: lines.map(line => (line ? segmenter.cut(line) : [])),
  };
  cache.write(cacheFile, document);
  return { document, cached: false };
}
