import * as lsp from 'vscode-languageserver';
import { Analysis, CompletionCandidate, Continuation, continuationsAt, corpusMatchesAt, Heading } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../convert';
import { CorpusService } from '../corpus/userCorpus';

const KIND_LABEL: Record<CompletionCandidate['kind'], string> = {
  phrase: '常用语', slogan: '排比提法', salutation: '称呼', opening: '开场', announcement: '引出要点', closing: '结尾',
};

/** The innermost section around an offset, whose words judge how well a phrase fits. */
function sectionStart(headings: Heading[], offset: number): number {
  let start = 0;
  for (let level = headings; ;) {
    const open = level.find(h => h.start <= offset && offset <= h.end);
    if (!open) return start;
    start = open.start;
    level = open.children;
  }
}

function continuationItem(analysis: Analysis, continuation: Continuation, rank: number): lsp.CompletionItem {
  const { after } = continuation;
  const detail = continuation.relation === 'next' ? `接续 ${after!.marker.marker}${after!.text}`
    : continuation.relation === 'child' ? `${after!.marker.marker}${after!.text} 的下一层` : '第一个标题';
  return {
    label: continuation.marker,
    kind: lsp.CompletionItemKind.EnumMember,
    detail,
    textEdit: { range: toRange(analysis, continuation), newText: continuation.marker },
    filterText: continuation.marker,
    sortText: `0${String(rank).padStart(3, '0')}`,
  };
}

function corpusItem(analysis: Analysis, candidate: CompletionCandidate, range: { start: number; end: number }, rank: number): lsp.CompletionItem {
  const { source } = candidate;
  return {
    label: candidate.text,
    kind: lsp.CompletionItemKind.Text,
    detail: `${KIND_LABEL[candidate.kind]} · ${candidate.fromUser ? '我的讲话' : '内置语料'} · ${candidate.count} 处`,
    documentation: {
      kind: lsp.MarkupKind.Markdown,
      value: `来自《${source.title}》第 ${source.line} 行：\n\n> ${source.context}`,
    },
    textEdit: { range: toRange(analysis, range), newText: candidate.text },
    filterText: candidate.text,
    sortText: `1${String(rank).padStart(3, '0')}`,
  };
}

/**
 * Completion in Chinese text: the outline's next markers at a line start, and corpus phrases
 * whose start matches what was typed, each with its own computed replace range.
 */
export function registerCompletion(context: ServerContext, corpus: CorpusService): void {
  context.connection.onCompletion(async (params): Promise<lsp.CompletionList | null> => {
    const result = await analysisOf(context, params.textDocument.uri);
    if (!result) return null;
    const { analysis } = result;
    const offset = analysis.lines.offsetAt(params.position);
    const continuations = continuationsAt(analysis.lines, offset, analysis.headings, corpus.childKinds());
    const matches = corpusMatchesAt(analysis.lines, offset, corpus.candidates(), sectionStart(analysis.headings, offset));
    return {
      // Ranges depend on what is typed next, so the client must ask again rather than filter.
      isIncomplete: true,
      items: [
        ...continuations.map((c, rank) => continuationItem(analysis, c, rank)),
        ...matches.map((m, rank) => corpusItem(analysis, m.candidate, m, rank)),
      ],
    };
  });
}
