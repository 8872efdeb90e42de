import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The layer rule's complaints about a line of code placed in a file of the tree. */
async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter(m => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-modules').map(m => m.message);
}

describe('the wall between the layers (eslint, run by npm test)', () => {
  for (const [what, code] of [
    ['file access', "import * as fs from 'fs';"],
    ['node: builtins', "import { fork } from 'node:child_process';"],
    ['the native segmenter', "import * as jieba from 'nodejieba';"],
    ['decoding', "import * as iconv from 'iconv-lite';"],
    ['Word files', "import { Document } from 'docx';"],
    ['a library required on first use', "const docx = require('docx') as typeof import('docx');"],
    ['file access required on first use', "const fs = require('node:fs') as typeof import('fs');"],
    ['the language server', "import { Connection } from 'vscode-languageserver';"],
    ['the host layer', "import { readCorpusFile } from '../../host/src';"],
  ]) {
    it(`keeps ${what} out of core`, async () => {
      assert.match((await complaints('core/src/example.ts', code)).join('\n'), /core is pure analysis/);
    });
  }

  it('lets core use pure libraries and its own modules', async () => {
    assert.deepEqual(await complaints('core/src/example.ts', "import * as OpenCC from 'opencc-js';\nimport { isHan } from './text';"), []);
    assert.deepEqual(await complaints('core/src/example.ts', "const re2 = require('re2js') as typeof import('re2js');"), []);
  });

  it('makes the server and the CLI use core and host through their index', async () => {
    assert.match((await complaints('server/src/example.ts', "import { layoutSpeech } from '../../core/src/export/layout';")).join('\n'), /through their index/);
    assert.match((await complaints('cli/src/example.ts', "import { replaceFileContent } from '../../host/src/files';")).join('\n'), /through their index/);
    assert.deepEqual(await complaints('server/src/example.ts', "import { analyze } from '../../core/src';\nimport { minedFromCache } from '../../host/src';"), []);
  });

  it('keeps the editor API out of host and the CLI, and analysis out of the client', async () => {
    assert.notDeepEqual(await complaints('host/src/example.ts', "import * as vscode from 'vscode';"), []);
    assert.notDeepEqual(await complaints('cli/src/example.ts', "import { Connection } from 'vscode-languageserver';"), []);
    assert.match((await complaints('client/src/example.ts', "import { analyze } from '../../core/src';")).join('\n'), /analysis happens in the server/);
  });
});
