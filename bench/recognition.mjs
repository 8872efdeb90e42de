// npm run bench:recognition: heading and placeholder precision, recall and F1 on the labelled pasted
// excerpts of test/fixtures/pasted (flattened, half-width, traditional, with web noise). Deterministic.
// `--errors` prints every miss and every extra find.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { corpusSpeeches, ROOT } from './inputs.mjs';

const require = createRequire(import.meta.url);
const { readExcerpts, scoreFlattened, scoreRecognition } = require(path.join(ROOT, 'out/test/support/recognition.js'));

export const PASTED = path.join(ROOT, 'test/fixtures/pasted');

export function benchRecognition() {
  const { errors, ...result } = scoreRecognition(readExcerpts(PASTED));
  result.flattened_corpus = scoreFlattened(corpusSpeeches());
  const figures = s => `p ${s.p}, r ${s.r}, F1 ${s.f1}`;
  const table = [
    { benchmark: `recognition: headings (${result.labelled_headings} in ${result.excerpts} pasted excerpts)`, result: figures(result.headings), target: 'F1 ≥ 0.95' },
    { benchmark: `recognition: placeholders (${result.labelled_placeholders})`, result: figures(result.placeholders), target: 'F1 ≥ 0.98' },
    { benchmark: `recognition: placeholder-free excerpts warned (of ${result.placeholder_free_excerpts})`, result: String(result.placeholder_free_with_warning), target: '0' },
    { benchmark: `recognition: headings of the ${result.flattened_corpus.pasted / 2} corpus speeches flattened, full- and half-width`, result: figures(result.flattened_corpus.headings), target: '' },
  ];
  return { result, table, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { result, table, errors } = benchRecognition();
  const file = path.join(ROOT, 'bench/results.json');
  const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  results.recognition = result;
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.table(table);
  if (process.argv.includes('--errors')) for (const error of errors) console.log(error);
  else if (errors.length) console.log(`${errors.length} misses and extra finds; --errors lists them`);
}
