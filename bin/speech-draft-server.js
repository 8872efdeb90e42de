#!/usr/bin/env node
// Standalone language server for any LSP editor: speech-draft-server --stdio
require('../dist/server.js');
