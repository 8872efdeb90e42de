import { analyzeFiles, formatReport } from './analyzeCommand';
import { checkFiles } from './checkCommand';
import { importCorpus } from './corpusCommand';
import { InputError } from './files';

const USAGE = `usage:
  speech-draft analyze [--json] FILE...   outline, placeholders, numbering problems, statistics
  speech-draft check FILE...              file:line:col: severity: message; exit 1 if any warning remains
  speech-draft corpus import PAGE --out DIR   split a template site's page into clean speeches`;

function run(args: string[]): number {
  const [command, ...rest] = args;
  if (command === 'corpus') return runCorpus(rest);
  const flags = rest.filter(a => a.startsWith('--'));
  const files = rest.filter(a => !a.startsWith('--'));
  const unknown = flags.filter(f => !(command === 'analyze' && f === '--json'));
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (unknown.length || !files.length || !['analyze', 'check'].includes(command)) {
    console.error(unknown.length ? `unknown option ${unknown[0]}` : !files.length && ['analyze', 'check'].includes(command) ? 'no FILE given' : `unknown command ${command}`);
    console.error(USAGE);
    return 2;
  }
  if (command === 'analyze') {
    const reports = analyzeFiles(files);
    if (flags.includes('--json')) {
      for (const report of reports) console.log(JSON.stringify(report));
    } else {
      console.log(reports.map(formatReport).join('\n\n'));
    }
    return 0;
  }
  return checkFiles(files, line => console.log(line)) ? 0 : 1;
}

function runCorpus([subcommand, ...rest]: string[]): number {
  const out = rest.indexOf('--out');
  const sources = rest.filter((_, i) => i !== out && i !== out + 1);
  if (subcommand !== 'import' || out < 0 || !rest[out + 1] || sources.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  importCorpus(sources[0], rest[out + 1], line => console.log(line));
  return 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(`speech-draft: ${error.message}`);
  process.exitCode = 2;
}
