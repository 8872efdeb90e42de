// Bundles the client, the server, the server's mining process and the CLI with esbuild: one file
// each in dist/. vscode is provided by the editor; nodejieba, a native addon, stays in node_modules
// and is loaded only by the CLI and the mining process.
import * as esbuild from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  minify: process.argv.includes('--minify'),
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', external: ['nodejieba'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/corpus/miningProcess.ts'], outfile: 'dist/miningProcess.js', external: ['nodejieba'] }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', external: ['nodejieba'] }),
]);
