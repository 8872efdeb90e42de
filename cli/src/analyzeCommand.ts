import * as fs from 'fs';
import * as path from 'path';
import { Analysis, AnalysisReport, analyze, curatedFormulas, FormulaDictionary, HeadingReport, minedFormulas, MinedIndex, toReport } from '../../core/src';
import { readSpeech } from './files';

/** The mined index shipped beside the bundle: dist/../corpus/mined.json. */
const SHIPPED_INDEX = path.join(__dirname, '..', 'corpus', 'mined.json');

let dictionary: FormulaDictionary | undefined;

/** The curated formulas, then those the shipped corpus spells out, as in the editor. */
function formulas(): FormulaDictionary {
  if (!dictionary) {
    let mined: MinedIndex | undefined;
    try {
      mined = JSON.parse(fs.readFileSync(SHIPPED_INDEX, 'utf8')) as MinedIndex;
    } catch {
      // Without the shipped index, the curated dictionary still serves.
    }
    dictionary = new FormulaDictionary(curatedFormulas(), mined ? minedFormulas(mined) : []);
  }
  return dictionary;
}

export function analyzeFile(file: string): Analysis {
  return analyze(readSpeech(file), { formulas: formulas() });
}

export function analyzeFiles(files: string[]): AnalysisReport[] {
  return files.map(file => toReport(file, analyzeFile(file)));
}

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '提示' };
const STATUS_ZH: Record<string, string> = { current: '', superseded: '（已调整）', corpus: '（语料）', unknown: '' };

function outlineLines(headings: HeadingReport[], depth: number): string[] {
  return headings.flatMap(h => [
    `${'  '.repeat(depth)}${h.marker}${h.text}  (${h.characters}字${h.inline ? '，段内' : ''})`,
    ...outlineLines(h.children, depth + 1),
  ]);
}

/** The readable form: outline, formulas, then problems, then totals. */
export function formatReport(report: AnalysisReport): string {
  const out = [`# ${report.file}`, '', '提纲：', ...outlineLines(report.headings, 1)];
  if (!report.headings.length) out.push('  （未识别到标题）');
  const names = [...new Set(report.formulas.map(f => `${f.text}${STATUS_ZH[f.status]}`))];
  out.push('', `提法：${names.length ? names.join('、') : '（无）'}`, '', '问题：');
  for (const d of report.diagnostics) {
    out.push(`  ${d.line + 1}:${d.character + 1} ${SEVERITY_ZH[d.severity]} ${d.message}`);
  }
  if (!report.diagnostics.length) out.push('  （无）');
  const count = (test: (code: string) => boolean) => report.diagnostics.filter(d => test(d.code)).length;
  out.push('', `占位符 ${count(c => c === 'placeholder')} 处，编号问题 ${count(c => c.startsWith('numbering') || c === 'marker-style')} 处，`
    + `提法问题 ${count(c => c.startsWith('formula') || c === 'announced-count')} 处`);
  out.push(`字数：${report.stats.characters}，按每分钟 220 字约 ${report.stats.minutes} 分钟`);
  return out.join('\n');
}
