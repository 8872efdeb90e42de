import { analyzeFiles, formatReport } from './analyzeCommand';
import { checkFiles } from './checkCommand';
import { runClean } from './cleanCommand';
import { importCorpus, mineCorpusCommand } from './corpusCommand';
import { exportCommand } from './exportCommand';
import { formatFiles } from './formatCommand';
import { installFontSubstitutes } from './fontsCommand';
import { InputError } from './files';
import { WriteRefused } from '../../host/src/files';

const USAGE = `usage:
  speech-draft analyze [--json] FILE...   outline, placeholders, numbering problems, statistics
  speech-draft check FILE...              file:line:col: severity: message; exit 1 if any warning remains
  speech-draft format [--write] FILE...   Chinese punctuation and spacing; prints the text, or rewrites the files
  speech-draft clean [--write] FILE...    pasted text cleaned up (pinyin readings, HTML, page furniture, traditional
        characters, half-width punctuation, glued headings); prints the text, or rewrites the files
  speech-draft export FILE --docx OUT.docx [--force] [--strict]
        Word in the official layout (GB/T 9704-2012); --strict refuses a draft with unfilled placeholders
  speech-draft corpus import SOURCE... --out DIR
        a template site's page, or your own .txt/.speech/.md/.docx speeches, as clean UTF-8 speeches
  speech-draft corpus mine DIR... --out INDEX [--snippets FILE]
        segment with nodejieba; write the mined index (and the generated snippets)
  speech-draft fonts install [--dir DIR]
        Linux: free fonts stand in for 小标宋, 仿宋, 黑体 and 楷体 where they are missing (fontconfig)`;

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'corpus') return await runCorpus(rest);
  if (command === 'export') return await runExport(rest);
  if (command === 'fonts') return runFonts(rest);
  if (command === 'clean') return runClean(rest, USAGE);
  const flags = rest.filter(a => a.startsWith('--'));
  const files = rest.filter(a => !a.startsWith('--'));
  const unknown = flags.filter(f => !(command === 'analyze' && f === '--json') && !(command === 'format' && f === '--write'));
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const commands = ['analyze', 'check', 'format'];
  if (unknown.length || !files.length || !commands.includes(command)) {
    console.error(unknown.length ? `unknown option ${unknown[0]}` : !files.length && commands.includes(command) ? 'no FILE given' : `unknown command ${command}`);
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
  if (command === 'format') {
    return formatFiles(files, flags.includes('--write'), line => console.log(line), line => console.error(line)) ? 0 : 2;
  }
  return checkFiles(files, line => console.log(line)) ? 0 : 1;
}

/** Options that take a value (`--out DIR`), and the remaining arguments. */
function optionValues(args: string[], names: string[]): { values: Record<string, string>; rest: string[]; error?: string } {
  const values: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) rest.push(args[i]);
    else if (!names.includes(args[i])) return { values, rest, error: `unknown option ${args[i]}` };
    else if (!args[i + 1] || args[i + 1].startsWith('--')) return { values, rest, error: `${args[i]} needs a value` };
    else values[args[i]] = args[++i];
  }
  return { values, rest };
}

async function runExport(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const strict = args.includes('--strict');
  const { values, rest, error } = optionValues(args.filter(a => a !== '--force' && a !== '--strict'), ['--docx']);
  const problem = error ?? (!values['--docx'] ? '--docx OUT.docx is required' : rest.length !== 1 ? 'give one FILE to export' : undefined);
  if (problem) {
    console.error(problem);
    console.error(USAGE);
    return 2;
  }
  await exportCommand(rest[0], values['--docx'], { force, strict }, line => console.log(line), line => console.error(line));
  return 0;
}

function runFonts([subcommand, ...args]: string[]): number {
  const { values, rest, error } = optionValues(args, ['--dir']);
  const problem = error ?? (subcommand !== 'install' ? `unknown fonts command ${subcommand ?? ''}` : rest.length ? `unexpected ${rest[0]}` : undefined);
  if (problem) {
    console.error(problem);
    console.error(USAGE);
    return 2;
  }
  installFontSubstitutes(values['--dir'], line => console.log(line));
  return 0;
}

async function runCorpus([subcommand, ...args]: string[]): Promise<number> {
  const names = subcommand === 'mine' ? ['--out', '--snippets'] : ['--out'];
  const { values, rest, error } = optionValues(args, names);
  const problem = error ?? (!['import', 'mine'].includes(subcommand) ? `unknown corpus command ${subcommand ?? ''}`
    : !values['--out'] ? '--out is required' : !rest.length ? 'no SOURCE given' : undefined);
  if (problem) {
    console.error(problem);
    console.error(USAGE);
    return 2;
  }
  const print = (line: string) => console.log(line);
  if (subcommand === 'import') await importCorpus(rest, values['--out'], print);
  else await mineCorpusCommand(rest, values['--out'], values['--snippets'], print);
  return 0;
}

run(process.argv.slice(2)).then(code => { process.exitCode = code; }, (error: unknown) => {
  if (!(error instanceof InputError || error instanceof WriteRefused)) throw error;
  console.error(`speech-draft: ${error.message}`);
  process.exitCode = 2;
});
