import { analyzeFiles, formatReport } from './analyzeCommand';
import { checkFiles } from './checkCommand';
import { cleanFiles } from './cleanCommand';
import { importCorpus, mineCorpusCommand } from './corpusCommand';
import { exportCommand } from './exportCommand';
import { formatFiles } from './formatCommand';
import { installFontSubstitutes } from './fontsCommand';
import { InputError } from './files';
import { WriteRefused } from '../../host/src';
import { parseArgs, ParseArgsConfig } from 'node:util';

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

type Values = Record<string, string | boolean | undefined>;

/** One command: its options (node:util parseArgs), what its arguments must be, and what it does. */
interface Command {
  options: ParseArgsConfig['options'];
  /** What is wrong with the arguments, if anything. */
  problem(values: Values, files: string[]): string | undefined;
  run(values: Values, files: string[]): number | Promise<number>;
}

const print = (line: string) => console.log(line);
const printError = (line: string) => console.error(line);
const needFiles = (_values: Values, files: string[]) => (files.length ? undefined : 'no FILE given');

const COMMANDS: Record<string, Command> = {
  analyze: {
    options: { json: { type: 'boolean' } },
    problem: needFiles,
    run(values, files) {
      const reports = analyzeFiles(files);
      if (values.json) for (const report of reports) print(JSON.stringify(report));
      else print(reports.map(formatReport).join('\n\n'));
      return 0;
    },
  },
  check: { options: {}, problem: needFiles, run: (_values, files) => (checkFiles(files, print) ? 0 : 1) },
  clean: {
    options: { write: { type: 'boolean' } },
    problem: needFiles,
    run: (values, files) => (cleanFiles(files, !!values.write, print, printError) ? 0 : 2),
  },
  format: {
    options: { write: { type: 'boolean' } },
    problem: needFiles,
    run: (values, files) => (formatFiles(files, !!values.write, print, printError) ? 0 : 2),
  },
  export: {
    options: { docx: { type: 'string' }, force: { type: 'boolean' }, strict: { type: 'boolean' } },
    problem: (values, files) => (!values.docx ? '--docx OUT.docx is required' : files.length !== 1 ? 'give one FILE to export' : undefined),
    async run(values, [file]) {
      await exportCommand(file, values.docx as string, { force: !!values.force, strict: !!values.strict }, print, printError);
      return 0;
    },
  },
  'corpus import': {
    options: { out: { type: 'string' } },
    problem: (values, sources) => (!values.out ? '--out is required' : !sources.length ? 'no SOURCE given' : undefined),
    async run(values, sources) {
      await importCorpus(sources, values.out as string, print);
      return 0;
    },
  },
  'corpus mine': {
    options: { out: { type: 'string' }, snippets: { type: 'string' } },
    problem: (values, folders) => (!values.out ? '--out is required' : !folders.length ? 'no SOURCE given' : undefined),
    async run(values, folders) {
      await mineCorpusCommand(folders, values.out as string, values.snippets as string | undefined, print);
      return 0;
    },
  },
  'fonts install': {
    options: { dir: { type: 'string' } },
    problem: (_values, rest) => (rest.length ? `unexpected ${rest[0]}` : undefined),
    run(values) {
      installFontSubstitutes(values.dir as string | undefined, print);
      return 0;
    },
  },
};

/** The command named by the first one or two arguments (`corpus mine`), and the arguments after it. */
function commandOf(args: string[]): { name: string; command?: Command; rest: string[] } {
  const two = args.slice(0, 2).join(' ');
  if (COMMANDS[two]) return { name: two, command: COMMANDS[two], rest: args.slice(2) };
  return { name: args[0] ?? '', command: COMMANDS[args[0]], rest: args.slice(1) };
}

async function run(args: string[]): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    print(USAGE);
    return 0;
  }
  const { name, command, rest } = commandOf(args);
  const fail = (problem: string) => {
    printError(problem);
    printError(USAGE);
    return 2;
  };
  if (!command) return fail(name ? `unknown command ${name}` : 'no command given');
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says which option is unknown or lacks its value.
    return fail((error as Error).message);
  }
  const problem = command.problem(parsed.values, parsed.positionals);
  return problem ? fail(problem) : command.run(parsed.values, parsed.positionals);
}

run(process.argv.slice(2)).then(code => { process.exitCode = code; }, (error: unknown) => {
  if (!(error instanceof InputError || error instanceof WriteRefused)) throw error;
  console.error(`speech-draft: ${error.message}`);
  process.exitCode = 2;
});
