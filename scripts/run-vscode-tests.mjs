// Runs test/vscode/suite.js inside a real VS Code.
//
// Where a VS Code desktop can be downloaded, SPEECH_DRAFT_VSCODE=desktop runs it under
// @vscode/test-electron. By default (and on machines without internet) it runs in code-server,
// the same VS Code workbench, shown by headless Chromium: the suite runs in VS Code's own Node
// extension host through the workbench's extensionDevelopmentPath / extensionTestsPath payload.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suite = path.join(root, 'out/test/vscode/suite.js');
const TAG = '[speech-draft-test]';
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 180000);

// Tests edit files: give them a scratch copy of the workspace.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-ws-'));
fs.cpSync(path.join(root, 'test/vscode/workspace'), workspace, { recursive: true });

async function runDesktop() {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({ extensionDevelopmentPath: root, extensionTestsPath: suite, launchArgs: [workspace, '--disable-extensions'] });
  return 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error('code-server did not start');
}

async function runCodeServer() {
  const installDir = execFileSync('bash', [path.join(root, 'scripts/install-vscode.sh')], { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();
  const { chromium } = createRequire(path.join(installDir, 'package.json'))('playwright-core');
  const port = await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-vscode-'));
  const debug = !!process.env.DEBUG_CODE_SERVER;
  const server = spawn(path.join(installDir, 'node_modules/.bin/code-server'), [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', path.join(scratch, 'user'), '--extensions-dir', path.join(scratch, 'extensions'), workspace,
  ], { stdio: ['ignore', debug ? 'inherit' : 'ignore', debug ? 'inherit' : 'ignore'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
  let browser;
  try {
    await waitForHealth(port, 60000);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    let report;
    const reported = new Promise(resolve => { report = resolve; });
    await page.exposeFunction('codeAutomationExit', code => report(code));
    page.on('console', message => {
      const text = message.text();
      if (text.includes(TAG)) console.log(text.slice(text.indexOf(TAG) + TAG.length + 1));
      else if (debug) console.error(text);
    });
    const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(suite)], ['skipWelcome', 'true']]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([reported, new Promise(resolve => setTimeout(() => resolve(2), timeoutMs))]);
    if (code === 2) console.error(`VS Code did not report within ${timeoutMs} ms`);
    return code;
  } finally {
    await browser?.close();
    server.kill();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const run = process.env.SPEECH_DRAFT_VSCODE === 'desktop' ? runDesktop : runCodeServer;
run().then(code => {
  fs.rmSync(workspace, { recursive: true, force: true });
  process.exit(code);
}, error => {
  console.error(error);
  process.exit(2);
});
