import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { localize } from '../../../core/src';
import { MAX_DOCUMENT_LENGTH } from '../analyses';
import { ServerContext } from '../context';
import { toDiagnostic } from '../toLsp';

/** Pushes diagnostics whenever a document opens or changes, and again when settings change. */
export function registerDiagnostics({ connection, documents, service, analyses, settings, corpus }: ServerContext): void {
  const reportedOptionErrors = new Set<string>();
  const reportedTooLarge = new Set<string>();
  // A notification, not window/showMessageRequest: a client that cannot answer requests must not break the server.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

  const validate = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    if (document.getText().length > MAX_DOCUMENT_LENGTH && !reportedTooLarge.has(uri)) {
      reportedTooLarge.add(uri);
      warn(localize(service.locale(await settings.get(uri)), 'too-large', String(MAX_DOCUMENT_LENGTH)));
    }
    const result = await analyses.get(document);
    // The document may have changed while settings were fetched; its own change will validate it.
    if (documents.get(uri)?.version !== document.version) return;
    const diagnostics = result
      ? service.diagnostics(result.analysis, result.settings).map(d => toDiagnostic(result.analysis, d))
      : [];
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    for (const error of result?.analysis.optionErrors ?? []) {
      if (!reportedOptionErrors.has(error)) warn(error);
      reportedOptionErrors.add(error);
    }
  };

  documents.onDidChangeContent(event => validate(event.document.uri));
  documents.onDidClose(event => {
    analyses.forget(event.document.uri);
    settings.forget(event.document.uri);
    reportedTooLarge.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  const validateAll = () => {
    for (const document of documents.all()) void validate(document.uri);
  };
  settings.onDidChange(validateAll);
  // Formulas the user's corpus spells out change what is recognised.
  corpus.onDidChange(validateAll);
}
