// Scores heading and placeholder recognition against the labelled pasted excerpts (test/fixtures/pasted,
// format in its README). Shared by bench/recognition.mjs and test/unit/recognition.test.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../core/src';

interface HeadingLabel { marker: string; kind: string; at?: string }
interface PlaceholderLabel { text: string; at?: string }
interface Labels { headings: HeadingLabel[]; placeholders: PlaceholderLabel[] }

export interface Excerpt {
  name: string;
  text: string;
  /** Labelled headings: where the marker starts, and its kind. */
  headings: { start: number; kind: string }[];
  /** Labelled placeholders: [start, end) of the exact text to be reported. */
  placeholders: { start: number; end: number }[];
}

/** Where `at` occurs at or after `from`; a label that cannot be found is a broken label, not a miss. */
function locate(text: string, at: string, from: number, name: string): number {
  const index = text.indexOf(at, from);
  if (index < 0) throw new Error(`${name}: label “${at}” not found after offset ${from}`);
  return index;
}

/** Labels are in document order; each is searched for after the previous one of its list. */
export function readExcerpts(folder: string): Excerpt[] {
  return fs.readdirSync(folder).filter(f => f.endsWith('.txt')).sort().map(file => {
    const name = file.slice(0, -'.txt'.length);
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const labels: Labels = JSON.parse(fs.readFileSync(path.join(folder, `${name}.labels.json`), 'utf8'));
    let from = 0;
    const headings = labels.headings.map(label => {
      const at = label.at ?? label.marker;
      if (!at.startsWith(label.marker)) throw new Error(`${name}: “${at}” does not start with its marker “${label.marker}”`);
      const start = locate(text, at, from, name);
      from = start + 1;
      return { start, kind: label.kind };
    });
    from = 0;
    const placeholders = labels.placeholders.map(label => {
      const at = label.at ?? label.text;
      const offset = at.indexOf(label.text);
      if (offset < 0) throw new Error(`${name}: “${at}” does not contain “${label.text}”`);
      const start = locate(text, at, from, name) + offset;
      from = start + label.text.length;
      return { start, end: start + label.text.length };
    });
    return { name, text, headings, placeholders };
  });
}

export interface Score { p: number; r: number; f1: number }

function score(truePositives: number, found: number, labelled: number): Score {
  const p = found ? truePositives / found : 1;
  const r = labelled ? truePositives / labelled : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { p: round(p), r: round(r), f1: round(f1) };
}

export interface RecognitionResult {
  headings: Score;
  placeholders: Score;
  excerpts: number;
  labelled_headings: number;
  labelled_placeholders: number;
  placeholder_free_excerpts: number;
  /** Placeholder-free excerpts on which any placeholder was reported; must be 0. */
  placeholder_free_with_warning: number;
  /** What was wrong, per excerpt, for reading when a figure drops. */
  errors: string[];
}

/** A heading counts when its marker starts where a labelled one does and has the labelled kind. */
export function scoreRecognition(excerpts: readonly Excerpt[]): RecognitionResult {
  let headingHits = 0, headingsFound = 0, headingsLabelled = 0;
  let placeholderHits = 0, placeholdersFound = 0, placeholdersLabelled = 0;
  let placeholderFree = 0, placeholderFreeWarned = 0;
  const errors: string[] = [];
  const excerptOf = (text: string, start: number) => JSON.stringify(text.slice(Math.max(0, start - 6), start + 10));
  for (const excerpt of excerpts) {
    const analysis = analyze(excerpt.text);
    const expectedHeadings = new Map(excerpt.headings.map(h => [h.start, h.kind]));
    for (const heading of analysis.allHeadings) {
      const start = heading.marker.start;
      if (expectedHeadings.get(start) === heading.kind) {
        headingHits++;
        expectedHeadings.delete(start);
      } else {
        errors.push(`${excerpt.name}: extra heading ${heading.kind} at ${excerptOf(excerpt.text, start)}`);
      }
    }
    for (const [start, kind] of expectedHeadings) errors.push(`${excerpt.name}: missed heading ${kind} at ${excerptOf(excerpt.text, start)}`);
    headingsFound += analysis.allHeadings.length;
    headingsLabelled += excerpt.headings.length;

    const expectedPlaceholders = new Set(excerpt.placeholders.map(p => `${p.start}:${p.end}`));
    for (const placeholder of analysis.placeholders) {
      const key = `${placeholder.start}:${placeholder.end}`;
      if (expectedPlaceholders.delete(key)) placeholderHits++;
      else errors.push(`${excerpt.name}: extra placeholder “${placeholder.text}” at ${excerptOf(excerpt.text, placeholder.start)}`);
    }
    for (const key of expectedPlaceholders) {
      const [start, end] = key.split(':').map(Number);
      errors.push(`${excerpt.name}: missed placeholder “${excerpt.text.slice(start, end)}” at ${excerptOf(excerpt.text, start)}`);
    }
    placeholdersFound += analysis.placeholders.length;
    placeholdersLabelled += excerpt.placeholders.length;
    if (!excerpt.placeholders.length) {
      placeholderFree++;
      if (analysis.placeholders.length) placeholderFreeWarned++;
    }
  }
  return {
    headings: score(headingHits, headingsFound, headingsLabelled),
    placeholders: score(placeholderHits, placeholdersFound, placeholdersLabelled),
    excerpts: excerpts.length,
    labelled_headings: headingsLabelled,
    labelled_placeholders: placeholdersLabelled,
    placeholder_free_excerpts: placeholderFree,
    placeholder_free_with_warning: placeholderFreeWarned,
    errors,
  };
}

const HALF_WIDTH: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')', '。': '.' };

/**
 * The same speeches as a page delivers them: paragraph breaks after the title lost, and again with
 * half-width punctuation. Scored against the headings of the speech as laid out, so that no labels are
 * needed: the corpus speeches stand in for real pasted text the rules were not written from.
 */
export function scoreFlattened(speeches: readonly string[]): { headings: Score; pasted: number; laid_out_headings: number } {
  let hits = 0, found = 0, expected = 0;
  for (const speech of speeches) {
    const [title, ...body] = speech.split('\n');
    const laidOut = analyze(speech).allHeadings;
    // Where each offset of the laid-out speech lands once the line breaks after the title are gone.
    const flatOffset = (offset: number) => offset - (speech.slice(title.length + 1, offset).match(/\n/g)?.length ?? 0);
    const flat = `${title}\n${body.join('')}`;
    const halfWidth = `${title}\n${[...body.join('')].map(ch => HALF_WIDTH[ch] ?? ch).join('')}`;
    for (const pasted of [flat, halfWidth]) {
      const wanted = new Map(laidOut.map(h => [flatOffset(h.marker.start), h.kind]));
      const headings = analyze(pasted).allHeadings;
      for (const heading of headings) if (wanted.get(heading.marker.start) === heading.kind && wanted.delete(heading.marker.start)) hits++;
      found += headings.length;
      expected += laidOut.length;
    }
  }
  return { headings: score(hits, found, expected), pasted: speeches.length * 2, laid_out_headings: expected };
}
