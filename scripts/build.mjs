// Bundles the client, the server, the server's mining process and the CLI with esbuild: one file
// each in dist/. vscode is provided by the editor. The segmenters stay in node_modules and are loaded
// only by the CLI and the mining process: nodejieba, a native addon, and jieba-wasm, whose loader
// reads its .wasm file from beside itself (the server reads their package.json for their names).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

/**
 * Libraries that do nothing on load: a bundle that imports a module of theirs without calling it
 * (the server never decodes a file or reads a .docx) leaves them out.
 */
const pureLibraries = {
  name: 'pure-libraries',
  setup(build) {
    build.onResolve({ filter: /^(iconv-lite|mammoth)$/ }, async ({ path, resolveDir, kind, pluginData }) => {
      if (pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(path, { resolveDir, kind, pluginData: 'resolving' });
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * Libraries used by a command or a setting, not by every start: each in a file of its own in
 * dist/lazy/, required on first use, so that the server does not compile them when it starts
 * (OpenCC's tables alone are half of what it would load; JSZip, for reading and finishing .docx
 * files, with its pako and stream polyfills, a third of the rest).
 */
const LAZY_LIBRARIES = ['opencc-js', 'docx', 're2js', 'jszip'];
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`) }, ({ path }) => ({ path: `./lazy/${path}.js`, external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  minify: process.argv.includes('--minify'),
  plugins: [pureLibraries, lazyLibraries],
};

// A library no longer listed must not linger in the .vsix, which ships dist/lazy/ whole.
fs.rmSync('dist/lazy', { recursive: true, force: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // dist/server.js starts the process and runs dist/languageServer.js from V8's code cache.
  esbuild.build({ ...common, entryPoints: ['server/src/launch.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/languageServer.js', external: ['nodejieba', 'jieba-wasm'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/corpus/miningProcess.ts'], outfile: 'dist/miningProcess.js', external: ['nodejieba', 'jieba-wasm'] }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', external: ['nodejieba', 'jieba-wasm'] }),
  ...LAZY_LIBRARIES.map(library => esbuild.build({
    ...common, plugins: [pureLibraries], stdin: { contents: `module.exports = require('${library}');`, resolveDir: '.', loader: 'js' }, outfile: `dist/lazy/${library}.js`,
  })),
]);

// dist/server.js runs the language server's bundle as a vm.Script, which has no loader for import().
if (/[^\w.$]import\(/.test(fs.readFileSync('dist/languageServer.js', 'utf8'))) {
  throw new Error('dist/languageServer.js holds a dynamic import(), which server/src/launch.ts cannot run: require the module instead');
}
