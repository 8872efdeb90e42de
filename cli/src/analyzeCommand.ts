import { Analysis, AnalysisReport, CorpusKnowledge, createLanguageService, DEFAULT_SETTINGS, HeadingReport, LanguageService, MinedIndex, toReport } from '../../core/src';
import { readMinedIndex, shippedIndexFile } from '../../host/src';
import { readSpeech } from './files';

let service: LanguageService | undefined;

/** The service as in the editor: curated formulas, then those the shipped corpus spells out. */
function languageService(): LanguageService {
  if (!service) {
    let shipped: MinedIndex | undefined;
    try {
      shipped = readMinedIndex(shippedIndexFile(__dirname));
    } catch {
      // Without the shipped index, the curated dictionary still serves.
    }
    const corpus = CorpusKnowledge.of(undefined, shipped);
    service = createLanguageService({ corpus: () => corpus, clientLocale: 'zh-cn' });
  }
  return service;
}

export function analyzeFile(file: string): Analysis {
  const text = readSpeech(file);
  const document = { uri: file, version: 0, languageId: 'speech', getText: () => text };
  return languageService().analyze(document, DEFAULT_SETTINGS);
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
