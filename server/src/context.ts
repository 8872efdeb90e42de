import { Connection, TextDocuments } from 'vscode-languageserver';
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
  client: { foldingRangeLimit: number };
}

/** The analysis of an open document, or undefined when it is not open or the features are off for it. */
export async function analysisOf({ documents, analyses }: ServerContext, uri: string) {
  const document = documents.get(uri);
  return document && analyses.get(document);
}
