import { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { LanguageService } from '../../core/src';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { CorpusService } from './corpus/userCorpus';
import { SettingsStore } from './settings';

/** What each feature module is given to register its handlers. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  service: LanguageService;
  analyses: Analyses;
  corpus: CorpusService;
  /** What the client said it can take, from `initialize`. */
  client: ClientCapabilities;
}

export interface ClientCapabilities {
  foldingRangeLimit: number;
  /** Pulls diagnostics (LSP 3.17) instead of waiting for them to be pushed. */
  pullsDiagnostics: boolean;
  /** Pulls them again when the server asks (after a change of settings or corpus). */
  refreshesDiagnostics: boolean;
}

/**
 * The analysis of an open document, or undefined when it is not open, the features are off for it,
 * or the request was cancelled while its analysis ran (a huge document is analysed in slices).
 */
export async function analysisOf({ documents, analyses }: ServerContext, uri: string, token?: CancellationToken) {
  const document = documents.get(uri);
  const result = document && await analyses.get(document);
  return token?.isCancellationRequested ? undefined : result;
}
