// Lint, and the wall between the layers: core is pure analysis (no files, processes, native
// addons or editor APIs); host is the node side the server and the CLI share; the server and the
// CLI use core and host through their index only; the client talks to the server, not to core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'v8', 'vm', 'net', 'http', 'https', 'zlib', 'stream', 'util', 'buffer', 'process', 'module', 'readline'];
const EDITOR = ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', 'vscode-languageclient', 'vscode-languageclient/node', 'vscode-jsonrpc'];
const NODE_SIDE_LIBRARIES = ['nodejieba', 'jieba-wasm', 'iconv-lite', 'docx', 'mammoth', 'jszip'];

/**
 * The rules for one layer: each group names modules or paths it may not use, and why; the names hold
 * for `require()` too (a library loaded on first use), through no-restricted-modules.
 */
const layer = (...groups) => ({
  'no-restricted-imports': ['error', {
    paths: groups.flatMap(({ message, names = [] }) => names.map(name => ({ name, message }))),
    patterns: groups.flatMap(({ message, regexes = [] }) => regexes.map(regex => ({ regex, message }))),
  }],
  'no-restricted-modules': ['error', { paths: groups.flatMap(({ message, names = [] }) => names.map(name => ({ name, message }))) }],
});

const THROUGH_INDEX = { message: 'use core and host through their index (core/src, host/src), not their inner files', regexes: ['^(\\.\\./)+(core|host)/src/.+'] };

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.vscode-test/', '**/*.js', '**/*.mjs', 'test/vscode/workspace/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Loaded on first use: the segmenters (nodejieba takes ~0.8 s and ~300 MB), and the libraries
      // bundled apart in dist/lazy/ (scripts/build.mjs). Which layer may use which is the layer rules' say.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^nodejieba', '^jieba-wasm$', '^opencc-js$', '^re2js$', '^docx$', '^jszip$'] }],
    },
  },
  {
    files: ['core/src/**/*.ts'],
    rules: layer({
      message: 'core is pure analysis: file access, processes, native code and the editor belong to host/, server/ or client/',
      names: [...NODE_BUILTINS, ...NODE_BUILTINS.map(name => `node:${name}`), ...EDITOR, ...NODE_SIDE_LIBRARIES],
      regexes: ['^(\\.\\./)+(host|server|client|cli)(/|$)'],
    }),
  },
  {
    files: ['host/src/**/*.ts'],
    rules: layer(
      { message: 'host is the node side of the server and the CLI: no editor APIs, and it does not know them', names: EDITOR, regexes: ['^(\\.\\./)+(server|client|cli)(/|$)'] },
      { message: 'use core through its index (core/src), not its inner files', regexes: ['^(\\.\\./)+core/src/.+'] },
    ),
  },
  {
    files: ['server/src/**/*.ts'],
    rules: layer(THROUGH_INDEX, { message: 'the server does not use the client or the CLI', names: ['vscode', 'vscode-languageclient', 'vscode-languageclient/node'], regexes: ['^(\\.\\./)+(client|cli)(/|$)'] }),
  },
  {
    files: ['cli/src/**/*.ts'],
    rules: layer(THROUGH_INDEX, { message: 'the CLI does not run the language server or the editor: use core and host', names: EDITOR, regexes: ['^(\\.\\./)+(server|client)(/|$)'] }),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: layer({ message: 'the client starts the server and adds the editor UI; analysis happens in the server', names: NODE_SIDE_LIBRARIES, regexes: ['^(\\.\\./)+(core|host|server|cli)(/|$)'] }),
  },
  {
    // Protocol replies are untyped JSON in the tests.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
