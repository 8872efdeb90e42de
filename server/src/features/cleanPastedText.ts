import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import { Analysis, CLEAN_KINDS, cleanPastedText, hasPastedTextSigns, TextEdit } from '../../../core/src';
import { CLEAN_PASTED_TEXT, CLEAN_PASTED_TEXT_COMMAND, CleanPastedTextParams, CleanPastedTextResult } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Edits that touch (an inserted break right before a converted bracket) as one, so that no client sees them overlap. */
function joinTouching(edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const last = joined[joined.length - 1];
    if (last && last.end === edit.start) joined[joined.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    else joined.push({ start: edit.start, end: edit.end, newText: edit.newText });
  }
  return joined;
}

const signsOf = new WeakMap<Analysis, boolean>();

/** Whether the document shows the signs of pasted text, once per analysis (document version). */
function showsSigns(analysis: Analysis): boolean {
  let found = signsOf.get(analysis);
  if (found === undefined) signsOf.set(analysis, found = hasPastedTextSigns(analysis.text));
  return found;
}

const TITLE = { 'zh-cn': '整理粘贴文本（拼音注音、网页标记、繁体、半角标点等）', en: 'Clean Up Pasted Text (pinyin readings, web markup, traditional characters, half-width punctuation…)' };

/**
 * The quick fix on a document that shows signs of pasted text: it runs the client's command,
 * which applies the cleaning as one edit and says what it removed.
 */
export async function cleanUpActions(context: ServerContext, uri: string): Promise<CodeAction[]> {
  const result = await analysisOf(context, uri);
  if (!result || !showsSigns(result.analysis)) return [];
  const title = TITLE[context.analyses.locale(result.settings)];
  return [{ title, kind: CodeActionKind.QuickFix, command: { title, command: CLEAN_PASTED_TEXT_COMMAND, arguments: [uri] } }];
}

/** Clean Up Pasted Text on a document or a selection: the edits (to apply as one) and what they removed, by kind. */
export function registerCleanPastedText(context: ServerContext): void {
  context.connection.onRequest(CLEAN_PASTED_TEXT, async (params: CleanPastedTextParams): Promise<CleanPastedTextResult | null> => {
    const result = await analysisOf(context, params.uri);
    if (!result) return null;
    const { analysis } = result;
    const start = params.range ? analysis.lines.offsetAt(params.range.start) : 0;
    const end = params.range ? analysis.lines.offsetAt(params.range.end) : analysis.text.length;
    const markdown = context.documents.get(params.uri)?.languageId === 'markdown';
    const cleaned = cleanPastedText(analysis.text.slice(start, end), { markdown });
    const edits = joinTouching(cleaned.edits.map(edit => ({ start: start + edit.start, end: start + edit.end, newText: edit.newText })));
    const counts: Record<string, number> = {};
    for (const kind of CLEAN_KINDS) if (cleaned.counts[kind]) counts[kind] = cleaned.counts[kind];
    return { version: result.version, edits: edits.map(edit => toTextEdit(analysis, edit)), counts };
  });
}
