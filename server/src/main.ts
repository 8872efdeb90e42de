// The language server's entry point: a connection on --stdio (or --node-ipc, --socket, as the
// command line says), guarded against requests out of the LSP life cycle.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LifecycleGuard } from './lifecycle';
import { startServer } from './server';

const lifecycle = new LifecycleGuard();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle });
lifecycle.attach(connection);
startServer(connection);
