import { analyze, AnalysisReport, HeadingReport, toReport } from '../../core/src';
import { readSpeech } from './files';

export function analyzeFiles(files: string[]): AnalysisReport[] {
  return files.map(file => toReport(file, analyze(readSpeech(file))));
}

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '提示' };

function outlineLines(headings: HeadingReport[], depth: number): string[] {
  return headings.flatMap(h => [
    `${'  '.repeat(depth)}${h.marker}${h.text}  (${h.characters}字${h.inline ? '，段内' : ''})`,
    ...outlineLines(h.children, depth + 1),
  ]);
}

/** The readable form: outline, then problems, then totals. */
export function formatReport(report: AnalysisReport): string {
  const out = [`# ${report.file}`, '', '提纲：', ...outlineLines(report.headings, 1)];
  if (!report.headings.length) out.push('  （未识别到标题）');
  out.push('', `占位符：${report.placeholders.length} 处`);
  const problems = report.diagnostics.filter(d => d.code !== 'placeholder');
  for (const d of report.diagnostics) {
    out.push(`  ${d.line + 1}:${d.character + 1} ${SEVERITY_ZH[d.severity]} ${d.message}`);
  }
  if (!report.diagnostics.length) out.push('  （无）');
  out.push('', `编号问题：${problems.length} 处`, `字数：${report.stats.characters}，按每分钟 220 字约 ${report.stats.minutes} 分钟`);
  return out.join('\n');
}
