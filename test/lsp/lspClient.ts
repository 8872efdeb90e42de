import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { CODE_CACHE_FOLDER_VARIABLE, SERVER_EXEC_ARGV } from '../../protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

let codeCacheFolder: string | undefined;

/** A code cache folder for the servers this process starts, removed when it exits. */
function testCodeCacheFolder(): string {
  if (!codeCacheFolder) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-code-cache-'));
    process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    codeCacheFolder = folder;
  }
  return codeCacheFolder;
}

export const DEFAULT_CAPABILITIES = {
  workspace: { configuration: true },
  window: { workDoneProgress: true },
  textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
};

/** What VS Code says: it pulls diagnostics (LSP 3.17), and pulls again when the server asks. */
export const PULL_CAPABILITIES = {
  ...DEFAULT_CAPABILITIES,
  workspace: { ...DEFAULT_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
};

interface PublishedDiagnostics { uri: string; version?: number; diagnostics: any[] }

/** Drives the built server over stdio, as an editor would. */
export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, PublishedDiagnostics>();
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  /** Whether the server takes diagnostics pulls (it said so to a client that can pull). */
  private pulls = false;
  /** Per document: the last report pulled, whose id the next pull names. */
  private readonly pulled = new Map<string, { resultId?: string; items: any[] }>();
  /** What `workspace/configuration` answers for the `speechDraft` section. */
  settings: unknown = {};
  /** Answer `window/workDoneProgress/create` with an error, as a client may. */
  refuseProgress = false;
  /** Every publishDiagnostics the server sent, in order: which document and version. */
  readonly publications: { uri: string; version?: number }[] = [];
  /** How many times the server asked for diagnostics to be pulled again. */
  diagnosticRefreshes = 0;
  /** Every `$/progress` value the server sent, in order. */
  readonly progress: { kind: string; title?: string; message?: string; percentage?: number }[] = [];

  /**
   * `env`: the server's environment (and its mining process's), for instance NODE_OPTIONS;
   * `server`: the script to run, the built server unless a benchmark compares another. Unless the
   * environment names one, the server keeps its code cache in this test process's folder, not the user's.
   */
  constructor({ env = process.env, server = SERVER }: { env?: NodeJS.ProcessEnv; server?: string } = {}) {
    const environment = env[CODE_CACHE_FOLDER_VARIABLE] ? env : { ...env, [CODE_CACHE_FOLDER_VARIABLE]: testCodeCacheFolder() };
    this.process = spawn(process.execPath, [...SERVER_EXEC_ARGV, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: environment });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.set(params.uri, params);
      this.publications.push({ uri: params.uri, version: params.version });
      this.waiters.splice(0).forEach(wake => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('window/workDoneProgress/create', () => {
      if (this.refuseProgress) throw new ResponseError(-32600, 'progress refused by the test');
      return null;
    });
    this.connection.onNotification('$/progress', (params: { value: any }) => {
      this.progress.push(params.value);
      this.waiters.splice(0).forEach(wake => wake());
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      this.waiters.splice(0).forEach(wake => wake());
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(capabilities: object = DEFAULT_CAPABILITIES, extra: object = {}): Promise<any> {
    const result: any = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
    this.pulls = !!result?.capabilities?.diagnosticProvider;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'speech'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async close(uri: string): Promise<void> {
    this.pulled.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async change(uri: string, contentChanges: object[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** A document's diagnostics for its current version: pulled, as VS Code does, from a server that takes pulls, else as published. */
  async diagnostics(uri: string, timeoutMs = 10000): Promise<any[]> {
    if (this.pulls) {
      const held = this.pulled.get(uri);
      const report = await this.pullDiagnostics(uri, held?.resultId);
      const items = report.kind === 'full' ? report.items! : held!.items;
      this.pulled.set(uri, { resultId: report.resultId, items });
      return items;
    }
    const wanted = this.versions.get(uri);
    const current = () => {
      const got = this.published.get(uri);
      return got && (got.version === undefined || got.version === wanted) ? got : undefined;
    };
    await this.until(() => !!current(), `diagnostics for ${uri} version ${wanted}`, timeoutMs);
    return current()!.diagnostics;
  }

  /** Pulls a document's diagnostics (`textDocument/diagnostic`), naming the report the caller holds. */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<{ kind: 'full' | 'unchanged'; resultId?: string; items?: any[] }> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId !== undefined && { previousResultId }) });
  }

  /** Waits until a condition on what the server sent holds. */
  async until(condition: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>(resolve => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** The document version the last published diagnostics were for. */
  publishedVersion(uri: string): number | undefined {
    return this.published.get(uri)?.version;
  }

  request<T = any>(method: string, params: object): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise(resolve => this.process.once('exit', resolve));
    this.connection.dispose();
  }
}

/** The semantic tokens' relative encoding made absolute: [line, character, length, type, modifiers]. */
export function decodeTokens(data: number[]): number[][] {
  const decoded: number[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dChar, length, type, modifiers] = data.slice(i, i + 5);
    line += dLine;
    character = dLine ? dChar : character + dChar;
    decoded.push([line, character, length, type, modifiers]);
  }
  return decoded;
}
