import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCorpusCommands } from './corpusCommands';
import { registerPlaceholderCommands } from './placeholderCommands';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Starts the language server; everything else here needs the VS Code UI. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
  registerStatusBar(context);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
