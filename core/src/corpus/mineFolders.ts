import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Segmenter } from './jieba';
import { mineCorpus } from './mine/index';
import { CorpusDocument, MinedIndex } from './minedIndex';
import { cleanSpeechText, listCorpusFiles, readCorpusFile, titleLineOf, writeAtomically } from './reading';

export interface MiningOptions {
  segmenter: Segmenter;
  /** Where segmented files are kept, keyed by their content; none: no cache. */
  cacheDir?: string;
  onProgress?(done: number, total: number, file: string): void;
}

export interface MiningReport {
  files: number;
  segmented: number;
  fromCache: number;
  skipped: { file: string; reason: string }[];
}

const CACHE_VERSION = 1;

type CachedDocument = Omit<CorpusDocument, 'file'>;

/** The importer's index.json: the files it wrote and their titles. */
function importedTitles(root: string): Map<string, string> | undefined {
  try {
    const index = JSON.parse(fs.readFileSync(path.join(root, 'index.json'), 'utf8')) as { speeches: { file: string; title: string }[] };
    return new Map(index.speeches.map(s => [s.file, s.title]));
  } catch {
    return undefined;
  }
}

function readCache(file: string): CachedDocument | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CachedDocument;
  } catch {
    return undefined;
  }
}

/**
 * Reads, cleans, segments and mines the speeches under the given folders. A file that cannot be
 * read is reported and skipped; the others are mined. Files whose content was segmented before
 * come from the cache.
 */
export async function mineFolders(roots: string[], options: MiningOptions): Promise<{ index: MinedIndex; report: MiningReport }> {
  const report: MiningReport = { files: 0, segmented: 0, fromCache: 0, skipped: [] };
  const work: { file: string; name: string; title?: string }[] = [];
  for (const root of roots) {
    let files: string[];
    try {
      files = listCorpusFiles(root);
    } catch (error) {
      report.skipped.push({ file: root, reason: `cannot open (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    const titles = importedTitles(root);
    for (const file of files) {
      const relative = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
      if (titles && !titles.has(relative)) continue;
      const name = roots.length > 1 ? `${path.basename(root)}/${relative}` : relative;
      work.push({ file, name, title: titles?.get(relative) });
    }
  }
  if (options.cacheDir) fs.mkdirSync(options.cacheDir, { recursive: true });
  const documents: CorpusDocument[] = [];
  for (const [done, { file, name, title }] of work.entries()) {
    options.onProgress?.(done, work.length, name);
    const document = await segmentFile(file, title, options);
    if ('reason' in document) {
      report.skipped.push({ file: name, reason: document.reason });
      continue;
    }
    report.files++;
    if (document.cached) report.fromCache++; else report.segmented++;
    documents.push({ file: name, ...document.document });
  }
  options.onProgress?.(work.length, work.length, '');
  return { index: mineCorpus(documents, options.segmenter.name), report };
}

async function segmentFile(file: string, title: string | undefined, options: MiningOptions):
  Promise<{ document: CachedDocument; cached: boolean } | { reason: string }> {
  let cacheFile: string | undefined;
  if (options.cacheDir) {
    try {
      const hash = createHash('sha256').update(`${CACHE_VERSION}\0${options.segmenter.name}\0${title ?? ''}\0`).update(fs.readFileSync(file)).digest('hex');
      cacheFile = path.join(options.cacheDir, `${hash}.json`);
    } catch (error) {
      return { reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
    }
    const cached = readCache(cacheFile);
    if (cached) return { document: cached, cached: true };
  }
  const read = await readCorpusFile(file);
  if (!read.ok) return { reason: read.reason };
  const lines = cleanSpeechText(read.text);
  if (!lines.some(line => /\p{Script=Han}/u.test(line))) return { reason: 'no Chinese text' };
  const titleLine = titleLineOf(lines);
  const document: CachedDocument = {
    title: title ?? (titleLine !== undefined ? lines[titleLine] : path.basename(file, path.extname(file))),
    lines,
    bodyStart: titleLine !== undefined ? titleLine + 1 : 0,
    tokens: lines.map(line => options.segmenter.cut(line)),
  };
  if (cacheFile) {
    try {
      writeAtomically(cacheFile, JSON.stringify(document));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
  return { document, cached: false };
}
