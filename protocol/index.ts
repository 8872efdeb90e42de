/** Requests beyond LSP that the client and the server share, typed so that each side checks the other. */
import { RequestType } from 'vscode-jsonrpc';
import serverExecArgv from './serverExecArgv.json';
// Types only: the client bundles nothing of the core.
import type { SpeechStatistics } from '../core/src';

/**
 * Node's options for the server process, wherever it is started (the extension, the standalone
 * launcher, the tests and the benchmark). A young generation of 8 MB instead of 16 keeps what V8
 * holds after analysing a huge document within the memory target (a million headings: 147 MB
 * instead of 162 MB after a pause) at no cost in speed measured by `npm run bench`. One V8 worker
 * thread instead of four: V8's background work (optimising compiles, collection helpers) then takes
 * one core at most, not every core of a small machine at once beside the editor; on this 2-core
 * machine that took the p95 of an edit at 10k from 3.1–3.3 to 1.2–1.9 ms (Node's option: Electron,
 * on which VS Code runs the server, sizes V8's pool itself). The collector exposed from the start,
 * for the idle collection: a flag changed later would make V8 reject the code cache the process
 * makes. In a JSON file so that bin/speech-draft-server.js reads the same list.
 */
export const SERVER_EXEC_ARGV: string[] = serverExecArgv;

export { CODE_CACHE_FOLDER_VARIABLE } from './codeCache';

/** LSP's shapes, restated so that the client need not import the server's library. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface FillPlaceholderParams {
  uri: string;
  /** A position inside or right after the placeholder to fill. */
  position: Position;
  value: string;
}

export interface FillPlaceholderResult {
  /** The placeholder with its context, e.g. `xx县`; empty when there is no placeholder there. */
  context: string;
  edits: TextEdit[];
}

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

export interface ExportDocxParams {
  uri: string;
  /** File system path of the .docx to write. */
  target: string;
  /** Replace an existing file; without it an existing file is left alone and reported. */
  overwrite: boolean;
}

export type ExportDocxResult = { written: string } | { exists: string } | { error: string };

/** The statistics of a speech, as the core computes them. */
export type { SectionStatistics } from '../core/src';
export type StatisticsResult = SpeechStatistics;

export interface ConvertChineseParams {
  uri: string;
  to: 'simplified' | 'traditional';
  /** Only this range (the selection); the whole document without it. */
  range?: Range;
}

/** The client command that cleans up pasted text and reports it; the server's quick fix runs it. */
export const CLEAN_PASTED_TEXT_COMMAND = 'speechDraft.cleanPastedText';

export interface CleanPastedTextParams {
  uri: string;
  /** Only this range (the selection); the whole document without it. */
  range?: Range;
}

export interface CleanPastedTextResult {
  /** The document version the edits are for. */
  version: number;
  edits: TextEdit[];
  /** How many of each kind were removed or changed: htmlTag, htmlEntity, watermark, pinyin, furniture, indentation, traditional, punctuation, paragraph. */
  counts: Record<string, number>;
}

// The requests, by method name.
export const FillPlaceholderRequest = new RequestType<FillPlaceholderParams, FillPlaceholderResult, void>('speechDraft/fillPlaceholder');

export const RebuildCorpusRequest = new RequestType<Record<string, never>, CorpusReport | undefined, void>('speechDraft/rebuildCorpus');

export const ExportDocxRequest = new RequestType<ExportDocxParams, ExportDocxResult, void>('speechDraft/exportDocx');

export const StatisticsRequest = new RequestType<{ uri: string }, StatisticsResult | null, void>('speechDraft/statistics');

export const ConvertChineseRequest = new RequestType<ConvertChineseParams, TextEdit[], void>('speechDraft/convertChinese');

export const CleanPastedTextRequest = new RequestType<CleanPastedTextParams, CleanPastedTextResult | null, void>('speechDraft/cleanPastedText');
