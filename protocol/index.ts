/** Requests beyond LSP that the client and the server share; no imports, so both can bundle it. */

export const FILL_PLACEHOLDER = 'speechDraft/fillPlaceholder';

export interface FillPlaceholderParams {
  uri: string;
  /** A position inside or right after the placeholder to fill. */
  position: { line: number; character: number };
  value: string;
}

export interface FillPlaceholderResult {
  /** The placeholder with its context, e.g. `xx县`; empty when there is no placeholder there. */
  context: string;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

export const REBUILD_CORPUS = 'speechDraft/rebuildCorpus';

/** What mining the user's corpus found, for the rebuild command to report. */
export interface CorpusReport {
  /** The folders of `speechDraft.corpus.paths`, resolved. */
  paths: string[];
  files: number;
  segmented: number;
  fromCache: number;
  skipped: { file: string; reason: string }[];
  phrases: number;
  slogans: number;
  summaries: number;
  /** Why mining could not run at all (the segmenter failed to load), if it could not. */
  error?: string;
}
