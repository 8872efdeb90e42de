import * as lsp from 'vscode-languageserver';
import {
  Analysis, CandidateIndex, CompletionCandidate, Continuation, continuationsAt, corpusMatchesAt, FormulaDictionary,
  formulaCandidates, Heading, Locale, localize, MessageId,
} from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../convert';

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

const rank = (group: number, index: number) => `${group}${String(index).padStart(3, '0')}`;

function continuationItem(analysis: Analysis, continuation: Continuation, index: number, locale: Locale): lsp.CompletionItem {
  const after = continuation.after ? `${continuation.after.marker.marker}${continuation.after.text}` : '';
  return {
    label: continuation.marker,
    kind: lsp.CompletionItemKind.EnumMember,
    detail: localize(locale, `completion.${continuation.relation}`, after),
    textEdit: { range: toRange(analysis, continuation), newText: continuation.marker },
    filterText: continuation.marker,
    sortText: rank(0, index),
  };
}

function candidateItem(analysis: Analysis, candidate: CompletionCandidate, range: { start: number; end: number }, sortText: string, locale: Locale): lsp.CompletionItem {
  const { source, formula } = candidate;
  const kind = localize(locale, `completion.kind.${candidate.kind}` as MessageId);
  const documentation = formula
    ? [`**${formula.name}**：${formula.items.join('、')}`, formula.superseded ? localize(locale, 'hover.superseded', formula.superseded, '') : '', localize(locale, 'hover.source', formula.source)]
    : [localize(locale, 'completion.from', source!.title, String(source!.line)), `> ${source!.context}`];
  const origin = localize(locale, candidate.fromUser ? 'completion.mine' : 'completion.shipped');
  return {
    label: candidate.text,
    kind: formula ? lsp.CompletionItemKind.Constant : lsp.CompletionItemKind.Text,
    detail: formula ? kind : `${kind} · ${origin} · ${localize(locale, 'completion.count', String(candidate.count))}`,
    documentation: { kind: lsp.MarkupKind.Markdown, value: documentation.filter(Boolean).join('\n\n') },
    ...(formula?.superseded ? { tags: [lsp.CompletionItemTag.Deprecated] } : {}),
    textEdit: { range: toRange(analysis, range), newText: candidate.text },
    filterText: candidate.text,
    sortText,
  };
}

/**
 * Completion in Chinese text: the outline's next markers at a line start, formulas, and corpus
 * phrases whose start matches what was typed, each with its own computed replace range.
 */
export function registerCompletion(context: ServerContext): void {
  const { corpus, analyses } = context;
  const formulaIndexes = new WeakMap<FormulaDictionary, CandidateIndex>();
  const formulaIndex = (dictionary: FormulaDictionary) => {
    let index = formulaIndexes.get(dictionary);
    if (!index) formulaIndexes.set(dictionary, index = new CandidateIndex(formulaCandidates(dictionary)));
    return index;
  };
  context.connection.onCompletion(async (params): Promise<lsp.CompletionList | null> => {
    const result = await analysisOf(context, params.textDocument.uri);
    if (!result) return null;
    const { analysis, dictionary } = result;
    const locale = analyses.locale(result.settings);
    const offset = analysis.lines.offsetAt(params.position);
    const continuations = continuationsAt(analysis.lines, offset, analysis.headings, corpus.childKinds());
    const formulas = result.settings.formulasEnabled ? corpusMatchesAt(analysis.lines, offset, formulaIndex(dictionary)) : [];
    const offered = new Set(formulas.map(m => m.candidate.text));
    const phrases = corpusMatchesAt(analysis.lines, offset, corpus.candidates(), sectionStart(analysis.headings, offset))
      .filter(m => !offered.has(m.candidate.text));
    return {
      // Ranges depend on what is typed next, so the client must ask again rather than filter.
      isIncomplete: true,
      items: [
        ...continuations.map((c, i) => continuationItem(analysis, c, i, locale)),
        ...formulas.map((m, i) => candidateItem(analysis, m.candidate, m, rank(1, i), locale)),
        ...phrases.map((m, i) => candidateItem(analysis, m.candidate, m, rank(2, i), locale)),
      ],
    };
  });
}
