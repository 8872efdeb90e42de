import {
  Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticReportKind, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification,
} from 'vscode-languageserver';
import { Diagnostic as SpeechDiagnostic, LineIndex, localize } from '../../../core/src';
import { MAX_DOCUMENT_LENGTH } from '../analyses';
import { ServerContext } from '../context';
import { toDiagnostic } from '../toLsp';

/**
 * Diagnostics, pulled by a client that can (LSP 3.17, as VS Code does) and pushed to one that cannot.
 * A pull names the report it holds: while a document's diagnostics stay the same (a keystroke that
 * moves none of them), the answer is "unchanged", not the thousands of a long draft again.
 */
export function registerDiagnostics(context: ServerContext): void {
  const { connection, documents, service, analyses, settings, corpus } = context;
  const reportedOptionErrors = new Set<string>();
  const reportedTooLarge = new Set<string>();
  /** Per document: the last report pulled, and its id. */
  const reports = new Map<string, Report>();
  let lastResultId = 0;
  // A notification, not window/showMessageRequest: a client that cannot answer requests must not break the server.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

  /** The diagnostics of a document's current version (and the lines they sit on), or undefined when it changed meanwhile. */
  const diagnosticsOf = async (uri: string): Promise<{ version: number; lines?: LineIndex; diagnostics: readonly SpeechDiagnostic[]; lsp(): Diagnostic[] } | undefined> => {
    const document = documents.get(uri);
    if (!document) return none(0);
    if (document.getText().length > MAX_DOCUMENT_LENGTH && !reportedTooLarge.has(uri)) {
      reportedTooLarge.add(uri);
      warn(localize(service.locale(await settings.get(uri)), 'too-large', String(MAX_DOCUMENT_LENGTH)));
    }
    const result = await analyses.get(document);
    if (documents.get(uri)?.version !== document.version) return undefined;
    for (const error of result?.analysis.optionErrors ?? []) {
      if (!reportedOptionErrors.has(error)) warn(error);
      reportedOptionErrors.add(error);
    }
    if (!result) return none(document.version);
    const { analysis } = result;
    const diagnostics = service.diagnostics(analysis, result.settings);
    return { version: document.version, lines: analysis.lines, diagnostics, lsp: () => diagnostics.map(d => toDiagnostic(analysis, d)) };
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    let current;
    // A report is for the text the client holds now: a version changed under the analysis is analysed anew.
    while (!(current = await diagnosticsOf(uri))) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    }
    const last = reports.get(uri);
    if (last && last.matches(current.diagnostics, current.lines)) {
      if (params.previousResultId === last.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: last.resultId, items: last.items };
    }
    const report = new Report(String(++lastResultId), current.diagnostics, current.lsp());
    // (A document closed while its pull ran keeps no report.)
    if (documents.get(uri)) reports.set(uri, report);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
  });

  const push = async (uri: string) => {
    const current = await diagnosticsOf(uri);
    // The document changed meanwhile; its own change pushes again.
    if (current) await connection.sendDiagnostics({ uri, version: current.version, diagnostics: current.lsp() });
  };

  documents.onDidChangeContent(event => {
    if (!context.client.pullsDiagnostics) void push(event.document.uri);
  });
  documents.onDidClose(event => {
    analyses.forget(event.document.uri);
    settings.forget(event.document.uri);
    reportedTooLarge.delete(event.document.uri);
    reports.delete(event.document.uri);
    if (!context.client.pullsDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  const refreshAll = () => {
    // A client that pulls but cannot be asked to pull again sees the change at its next pull (its next edit).
    if (context.client.pullsDiagnostics) {
      if (context.client.refreshesDiagnostics) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) void push(document.uri);
  };
  settings.onDidChange(refreshAll);
  // Formulas the user's corpus spells out change what is recognised.
  corpus.onDidChange(refreshAll);
}

/** No diagnostics, for a document that is not open or whose language the features are off for. */
const none = (version: number) => ({ version, diagnostics: [], lsp: (): Diagnostic[] => [] });

/**
 * A report sent: its diagnostics and where they sat, line and character, so that the next version's
 * are compared without being converted (a keystroke in a long draft usually moves none of them).
 */
class Report {
  private readonly places: Int32Array;

  /** `items`: the diagnostics as sent, whose places are the ones the client holds. */
  constructor(readonly resultId: string, private readonly diagnostics: readonly SpeechDiagnostic[], readonly items: Diagnostic[]) {
    this.places = Int32Array.from(items.flatMap(({ range: { start, end } }) => [start.line, start.character, end.line, end.character]));
  }

  /** Whether these diagnostics are the report's: the same ones, in the same order, at the same places. */
  matches(diagnostics: readonly SpeechDiagnostic[], lines: LineIndex | undefined): boolean {
    if (diagnostics.length !== this.diagnostics.length) return false;
    const place = new Int32Array(4);
    for (let i = 0; i < diagnostics.length; i++) {
      const x = this.diagnostics[i];
      const y = diagnostics[i];
      if (x.code !== y.code || x.message !== y.message || x.severity !== y.severity) return false;
      placeAt(place, 0, y, lines!);
      for (let k = 0; k < 4; k++) if (place[k] !== this.places[i * 4 + k]) return false;
    }
    return true;
  }
}

/** Writes a diagnostic's start and end, as lines and characters, at slot `index` of `places`. */
function placeAt(places: Int32Array, index: number, { range }: SpeechDiagnostic, lines: LineIndex): void {
  const startLine = lines.lineAt(range.start);
  const endLine = lines.lineAt(range.end);
  places[index * 4] = startLine;
  places[index * 4 + 1] = range.start - lines.lineStarts[startLine];
  places[index * 4 + 2] = endLine;
  places[index * 4 + 3] = range.end - lines.lineStarts[endLine];
}
