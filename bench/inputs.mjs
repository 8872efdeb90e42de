// Deterministic inputs for the benchmarks, built from the shipped corpus.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The 19 corpus speeches, each a complete speech with its title. */
export function corpusSpeeches() {
  const dir = path.join(ROOT, 'corpus');
  return fs.readdirSync(dir).filter(f => /^speech-\d\d\.txt$/.test(f)).sort().map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** A speech text of exactly `length` characters: the corpus speeches one after another, repeated. */
export function speechText(length) {
  const speeches = corpusSpeeches();
  let text = '';
  for (let i = 0; text.length < length; i++) text += speeches[i % speeches.length];
  return text.slice(0, length);
}

/** The tests' deterministic generator, as built into out/. */
export const { random } = createRequire(import.meta.url)(path.join(ROOT, 'out/test/support/random.js'));

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = values => percentile(values, 50);
export const round = value => Math.round(value * 100) / 100;
