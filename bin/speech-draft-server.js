#!/usr/bin/env node
// Standalone language server for any LSP editor: speech-draft-server --stdio (or --socket=PORT).
// It runs the server with the Node options the extension starts it with (SERVER_EXEC_ARGV in
// protocol/), in a process of its own sharing this one's stdio.
const { spawn } = require('child_process');
const path = require('path');
const server = path.join(__dirname, '..', 'dist', 'server.js');
const SERVER_EXEC_ARGV = require('../protocol/serverExecArgv.json');
const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, server, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 0)));
