import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import { CLEAN_KINDS } from '../../../core/src';
import { CLEAN_PASTED_TEXT_COMMAND, CleanPastedTextRequest } from '../../../protocol';
import { AnalysisEntry } from '../analyses';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

const TITLE = { 'zh-cn': '整理粘贴文本（拼音注音、网页标记、繁体、半角标点等）', en: 'Clean Up Pasted Text (pinyin readings, web markup, traditional characters, half-width punctuation…)' };

/**
 * The quick fix on a document that shows signs of pasted text: it runs the client's command,
 * which applies the cleaning as one edit and says what it removed.
 */
export function cleanUpActions(context: ServerContext, uri: string, { analysis, settings }: AnalysisEntry): CodeAction[] {
  if (!context.service.showsPastedTextSigns(analysis)) return [];
  const title = TITLE[context.service.locale(settings)];
  return [{ title, kind: CodeActionKind.QuickFix, command: { title, command: CLEAN_PASTED_TEXT_COMMAND, arguments: [uri] } }];
}

/** Clean Up Pasted Text on a document or a selection: the edits (to apply as one) and what they removed, by kind. */
export function registerCleanPastedText(context: ServerContext): void {
  context.connection.onRequest(CleanPastedTextRequest, async (params, token) => {
    const result = await analysisOf(context, params.uri, token);
    const document = context.documents.get(params.uri);
    if (!result || !document) return null;
    const { analysis } = result;
    const range = params.range && { start: analysis.lines.offsetAt(params.range.start), end: analysis.lines.offsetAt(params.range.end) };
    const cleaned = context.service.cleanUpPastedText(analysis, document.languageId, range);
    const counts: Record<string, number> = {};
    for (const kind of CLEAN_KINDS) if (cleaned.counts[kind]) counts[kind] = cleaned.counts[kind];
    return { version: result.version, edits: cleaned.edits.map(edit => toTextEdit(analysis, edit)), counts };
  });
}
