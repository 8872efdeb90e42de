import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { writeOutputFile } from '../../host/src';

/** The fontconfig rules shipped in data/: free fonts of each kind for the official faces. */
const SUBSTITUTES = path.join(__dirname, '..', 'data', 'fontconfig', '65-speech-draft.conf');

/** Where fontconfig reads a user's own rules. */
function userConfigFolder(): string {
  return path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'fontconfig', 'conf.d');
}

/**
 * `fonts install [--dir DIR]`: on Linux, tells fontconfig (and so LibreOffice) which free fonts stand
 * in for 小标宋, 仿宋, 黑体 and 楷体 where they are missing, so that an exported speech shows its
 * title, body and headings in faces of their kind rather than all in one fallback.
 */
export function installFontSubstitutes(folder: string | undefined, print: (line: string) => void): void {
  const target = path.join(folder ?? userConfigFolder(), path.basename(SUBSTITUTES));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeOutputFile(target, fs.readFileSync(SUBSTITUTES), { replace: true });
  print(`${target} written. The free fonts it names come with: sudo apt install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-noto-cjk`);
}
