// The server process's entry point. It runs the language server (languageServer.js beside it) from
// V8's code cache of that bundle, made when a process that found none ends: a start then neither
// parses nor compiles the bundle again, nor the functions the first diagnostics ran (some 20 ms of
// the 150 to first diagnostics). The cache's file is named by the bundle's hash and the runtime, so
// another build or Node never reads it; one V8 rejects all the same (other flags) is made anew.
import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { CODE_CACHE_FOLDER_VARIABLE } from '../../protocol/codeCache';

const bundle = path.join(__dirname, 'languageServer.js');
const source = fs.readFileSync(bundle, 'utf8');
const folder = process.env[CODE_CACHE_FOLDER_VARIABLE] || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'speech-draft', 'code-cache');
const runtime = createHash('sha256').update(`${process.version}\0${process.versions.v8}\0${process.arch}\0${process.execArgv.join('\0')}`).digest('hex').slice(0, 16);
const cacheFile = path.join(folder, `${runtime}-${createHash('sha256').update(source).digest('hex').slice(0, 32)}.bin`);

const cachedData = readIfThere(cacheFile);
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) process.on('exit', () => writeCache(script));

type ModuleWrapper = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;
const server = { exports: {} };
(script.runInThisContext() as ModuleWrapper).call(server.exports, server.exports, createRequire(bundle), server, bundle, __dirname);

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A cache no server has written for this long belongs to a runtime gone with an update. */
const UNUSED_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Written whole or not at all (another server may be reading it), through a partial file removed
 * when a write fails: not host's writeAtomically, for this entry loads nothing of the server's layers
 * (the host's index would bring the segmenters into it). The caches of older builds for
 * this runtime are removed, and any other not written for a month. This runs as the process exits:
 * nothing may be thrown from here, or process.exit() would stop and leave the server running.
 */
function writeCache(compiled: vm.Script): void {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    const data = compiled.createCachedData();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, cacheFile);
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (file !== cacheFile && ((name.startsWith(`${runtime}-`) && name.endsWith('.bin')) || writtenBefore(file, Date.now() - UNUSED_MS))) removeQuietly(file);
    }
  } catch {
    // Without a cache the server starts as it would anyway, compiling its bundle.
    removeQuietly(partial);
  }
}

function writtenBefore(file: string, time: number): boolean {
  try {
    return fs.statSync(file).mtimeMs < time;
  } catch {
    return false;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left behind: it costs only its space.
  }
}
