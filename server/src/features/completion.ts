import * as lsp from 'vscode-languageserver';
import { Analysis, CompletionCandidate, Continuation, DraftCompletion, Locale, localize, SentenceCompletion } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../toLsp';

/** Outline markers, then sentences, then formulas; each group in the core's order. */
const rank = (completion: DraftCompletion, index: number) => `${['outline', 'sentence', 'formula'].indexOf(completion.kind)}${String(index).padStart(3, '0')}`;

function continuationItem(continuation: Continuation, locale: Locale): Omit<lsp.CompletionItem, 'textEdit' | 'sortText'> {
  const after = continuation.after ? `${continuation.after.marker.label}${continuation.after.text}` : '';
  return {
    label: continuation.marker,
    kind: lsp.CompletionItemKind.EnumMember,
    detail: localize(locale, `completion.${continuation.relation}`, after),
  };
}

function sentenceItem(sentence: SentenceCompletion, locale: Locale): Omit<lsp.CompletionItem, 'textEdit' | 'sortText'> {
  const { source } = sentence;
  const origin = localize(locale, sentence.fromUser ? 'completion.mine' : 'completion.shipped');
  return {
    label: sentence.text,
    kind: lsp.CompletionItemKind.Text,
    detail: `${localize(locale, 'completion.kind.sentence')} · ${origin} · ${localize(locale, 'completion.count', String(sentence.count))}`,
    documentation: { kind: lsp.MarkupKind.Markdown, value: `${localize(locale, 'completion.from', source.title, String(source.line))}\n\n> ${source.context}` },
  };
}

function formulaItem(candidate: CompletionCandidate, locale: Locale): Omit<lsp.CompletionItem, 'textEdit' | 'sortText'> {
  const formula = candidate.formula!;
  const documentation = [
    `**${formula.name}**：${formula.items.join('、')}`,
    formula.superseded ? localize(locale, 'hover.superseded', formula.superseded, '') : '',
    localize(locale, 'hover.source', formula.source),
  ];
  return {
    label: candidate.text,
    kind: lsp.CompletionItemKind.Constant,
    detail: localize(locale, `completion.kind.${candidate.kind}`),
    documentation: { kind: lsp.MarkupKind.Markdown, value: documentation.filter(Boolean).join('\n\n') },
    ...(formula.superseded ? { tags: [lsp.CompletionItemTag.Deprecated] } : {}),
  };
}

function toItem(analysis: Analysis, completion: DraftCompletion, index: number, locale: Locale): lsp.CompletionItem {
  const item = completion.kind === 'outline' ? continuationItem(completion.continuation, locale)
    : completion.kind === 'sentence' ? sentenceItem(completion.sentence, locale)
      : formulaItem(completion.formula.candidate, locale);
  return { ...item, textEdit: { range: toRange(analysis, completion), newText: completion.text }, filterText: completion.text, sortText: rank(completion, index) };
}

/**
 * Completion in Chinese text, as the core orders it: the outline's next markers at a line start, the
 * corpus sentences that continue the clause being typed, formulas; each with its own replace range.
 */
export function registerCompletion(context: ServerContext): void {
  const { service } = context;
  context.connection.onCompletion(async (params, token): Promise<lsp.CompletionList | null> => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    if (!result) return null;
    const { analysis, settings } = result;
    const locale = service.locale(settings);
    const completions = service.completions(analysis, settings, analysis.lines.offsetAt(params.position));
    return {
      // Ranges depend on what is typed next, so the client must ask again rather than filter.
      isIncomplete: true,
      items: completions.map((completion, index) => toItem(analysis, completion, index, locale)),
    };
  });
}
