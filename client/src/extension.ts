import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CODE_CACHE_FOLDER_VARIABLE, SERVER_EXEC_ARGV } from '../../protocol';
import { registerCorpusCommands } from './corpusCommands';
import { registerConvertCommands } from './convertCommands';
import { registerCleanPastedText } from './cleanPastedText';
import { registerExportCommand } from './exportCommand';
import { registerPlaceholderCommands } from './placeholderCommands';
import { registerStatistics } from './statistics';
import { registerStatusBar } from './placeholderStatusBar';

let client: LanguageClient | undefined;

/** Starts the language server; everything else here needs the VS Code UI. */
/** What the extension offers other extensions (and its integration tests). */
export interface SpeechDraftApi {
  /** The text the statistics status bar item shows now. */
  statisticsText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps V8's code cache of itself with the extension's other data.
  const env = { [CODE_CACHE_FOLDER_VARIABLE]: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV, env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    // plaintext and markdown are sent too; the server answers for them only when speechDraft.alsoEnableFor says so.
    documentSelector: [{ language: 'speech' }, { language: 'plaintext' }, { language: 'markdown' }],
    synchronize: { configurationSection: 'speechDraft' },
    // The server caches the segmented user corpus here, keyed by file content.
    initializationOptions: { storagePath: context.globalStorageUri.fsPath },
  };
  client = new LanguageClient('speechDraft', '讲稿助手 Speech Draft', serverOptions, clientOptions);
  await client.start();
  registerPlaceholderCommands(context, client);
  registerCorpusCommands(context, client);
  registerExportCommand(context, client);
  registerConvertCommands(context, client);
  registerCleanPastedText(context, client);
  const statistics = registerStatistics(context, client);
  registerStatusBar(context);
  return { statisticsText: () => statistics.text };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
