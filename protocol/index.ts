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
  sentences: number;
  slogans: number;
  summaries: number;
  /** Why mining could not run at all (the segmenter failed to load), if it could not. */
  error?: string;
}

export const EXPORT_DOCX = 'speechDraft/exportDocx';

export interface ExportDocxParams {
  uri: string;
  /** File system path of the .docx to write. */
  target: string;
  /** Replace an existing file; without it an existing file is left alone and reported. */
  overwrite: boolean;
}

export type ExportDocxResult = { written: string } | { exists: string } | { error: string };

export const STATISTICS = 'speechDraft/statistics';

export interface SectionStatistics {
  /** Marker and heading text, e.g. `一、提高政治站位`. */
  heading: string;
  level: number;
  line: number;
  characters: number;
  minutes: number;
}

export interface StatisticsResult {
  characters: number;
  minutes: number;
  charactersPerMinute: number;
  sections: SectionStatistics[];
}

export const CONVERT_CHINESE = 'speechDraft/convertChinese';

export interface ConvertChineseParams {
  uri: string;
  to: 'simplified' | 'traditional';
  /** Only this range (the selection); the whole document without it. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export const CLEAN_PASTED_TEXT = 'speechDraft/cleanPastedText';

/** The client command that cleans up pasted text and reports it; the server's quick fix runs it. */
export const CLEAN_PASTED_TEXT_COMMAND = 'speechDraft.cleanPastedText';

export interface CleanPastedTextParams {
  uri: string;
  /** Only this range (the selection); the whole document without it. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CleanPastedTextResult {
  /** The document version the edits are for. */
  version: number;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  /** How many of each kind were removed or changed: htmlTag, htmlEntity, watermark, pinyin, furniture, indentation, traditional, punctuation, paragraph. */
  counts: Record<string, number>;
}
