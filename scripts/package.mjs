// npm run package [-- --target <vsce target>] [-- --list]: the .vsix.
//
// Without a target: speech-draft.vsix, universal. Mining segments with jieba-wasm wherever
// nodejieba's native binary does not load, so it works on every platform; nodejieba's binary for
// the platform it is built on is inside, and used there.
// With a target (win32-x64, linux-arm64, darwin-arm64, ...): speech-draft-<target>.vsix, which
// leaves out nodejieba's binary unless it was built for that target (only this platform's is in
// node_modules). --list prints the files instead of packaging them (vsce ls), without building.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const NATIVE_BINARY = 'node_modules/nodejieba/build/Release/nodejieba.node';

/** The vsce target of the platform this runs on: what nodejieba's binary in node_modules was built for. */
export function buildTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch] ?? process.arch;
  if (process.platform !== 'linux') return `${process.platform}-${arch}`;
  // musl (Alpine) has no glibc version in the report.
  const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
  return `${glibc ? 'linux' : 'alpine'}-${arch}`;
}

/** The .vscodeignore for the target: the allowlist, less nodejieba's binary if it cannot load there. */
export function ignoreFileText(allowlist, target, here = buildTarget()) {
  if (!target || target === here) return allowlist;
  return allowlist.split('\n').filter(line => line.trim() !== `!${NATIVE_BINARY}`).join('\n');
}

function parseArgs(argv) {
  const value = name => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { target: value('--target'), list: argv.includes('--list') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { target, list } = parseArgs(process.argv.slice(2));
  const here = buildTarget();
  const allowlist = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  const ignoreFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'speech-package-')), '.vscodeignore');
  fs.writeFileSync(ignoreFile, ignoreFileText(allowlist, target, here));
  const out = target ? `speech-draft-${target}.vsix` : 'speech-draft.vsix';
  try {
    if (list) {
      process.stdout.write(execFileSync(process.execPath, [VSCE, 'ls', '--ignoreFile', ignoreFile], { cwd: ROOT, encoding: 'utf8' }));
    } else {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--minify'], { cwd: ROOT, stdio: 'inherit' });
      execFileSync(process.execPath, [VSCE, 'package', '-o', out, '--ignoreFile', ignoreFile, ...(target ? ['--target', target] : [])], { cwd: ROOT, stdio: 'inherit' });
      const native = !target || target === here ? `with nodejieba's ${here} binary` : `without nodejieba's binary (built for ${here})`;
      console.log(`${out}: ${target ?? 'universal'}, ${native}; elsewhere mining segments with jieba-wasm`);
    }
  } finally {
    fs.rmSync(path.dirname(ignoreFile), { recursive: true, force: true });
  }
}
