import { parseChineseNumeral } from '../numerals';
import { TONED } from '../chinese';
import { cleanLine, noCleanCounts, WATERMARK } from './cleaning';

/** What the importer did not keep or could not repair, line by line, so nothing is lost silently. */
export interface ImportNote {
  /** 1-based line in the source file. */
  line: number;
  kind: 'dropped' | 'unrepaired';
  reason: string;
  text: string;
}

export interface ImportedSpeech {
  number: number;
  title: string;
  topics: string[];
  text: string;
}

export interface SeedImport {
  speeches: ImportedSpeech[];
  notes: ImportNote[];
  pinyinReadingsRemoved: number;
}

const SPEECH_TITLE = /^(.+?)篇([一二三四五六七八九十]{1,3})$/;

/**
 * What only this template site's page holds, beyond the furniture that the shared cleaning drops
 * (matched after it), each with the reason it is dropped.
 */
const SITE_FURNITURE: [RegExp, string][] = [
  [/范文\s*[（(]\d+篇[）)]$/, 'page title'],
  // The site cuts a paywalled speech: what follows the notice is a fragment, and goes with it.
  [/当前隐藏|查看全文|下载|付费|会员/, 'paywall'],
  [/^总结可以帮助/, 'template-site introduction'],
];

const TOPICS: [string, RegExp][] = [
  ['疫情防控', /疫情|防控|核酸|疫苗/],
  ['开学', /开学|返校|复学/],
  ['经济', /实体经济|园区|招商|营商环境|项目建设/],
  ['党建', /党建|党组织|党员/],
  ['人口计生', /人口|计生|计划生育/],
  ['教育', /教育|学校|师生/],
  ['消防', /消防|火灾/],
];

function topicsOf(text: string): string[] {
  return TOPICS.filter(([, pattern]) => (text.match(new RegExp(pattern, 'g'))?.length ?? 0) >= 3).map(([name]) => name);
}

/** A reading whose character was garbled away: 拳h(huán)节. */
const STRAY_READING = new RegExp(`(?<![\\p{Script=Han}])[A-Za-z]?\\([a-zü]*[${TONED}][a-zü]*\\)`, 'gu');

/** A mangled full stop: the page's encoding turned `。X` into `??` and a garbled character or two. */
const MANGLED = /\?\?./g;

/** A very short line inside a speech (not a salutation or heading): a sentence cut by the page. */
function isCutFragment(line: string): boolean {
  return line.length <= 8 && !/^(同志|各位)/.test(line) && !/^[一二三四五六七八九十]+、/.test(line);
}

/**
 * Splits the template site's page into its speeches and cleans each: simplified Chinese,
 * full-width punctuation in Chinese context, pinyin readings and page furniture removed.
 * Deterministic: the same page gives the same output.
 */
export function importSeedPage(page: string): SeedImport {
  const notes: ImportNote[] = [];
  const speeches: ImportedSpeech[] = [];
  let pinyinReadingsRemoved = 0;
  let current: { number: number; title: string; lines: string[] } | undefined;

  const finish = () => {
    if (!current) return;
    const text = current.lines.join('\n') + '\n';
    speeches.push({ number: current.number, title: current.title, topics: topicsOf(text), text });
  };

  page.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (!trimmed) return;
    const lineNotes: ImportNote[] = [];
    for (const mark of trimmed.matchAll(WATERMARK)) lineNotes.push({ line, kind: 'dropped', reason: 'watermark', text: mark[0] });
    for (const stray of trimmed.replace(WATERMARK, '').matchAll(STRAY_READING)) {
      lineNotes.push({ line, kind: 'unrepaired', reason: 'pinyin reading after a garbled character (reading removed)', text: stray[0] });
    }
    // The shared cleaning: tags, watermark, pinyin readings, simplified, furniture, full-width punctuation.
    const counts = noCleanCounts();
    const result = cleanLine(trimmed, true, counts);
    const cleaned = result.text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    const furniture = result.furniture
      ?? (!cleaned ? 'HTML tag' : SITE_FURNITURE.find(([pattern]) => pattern.test(cleaned))?.[1]);
    if (furniture) {
      notes.push({ line, kind: 'dropped', reason: furniture, text: trimmed });
      return;
    }
    pinyinReadingsRemoved += counts.pinyin;
    notes.push(...lineNotes);
    const title = SPEECH_TITLE.exec(cleaned);
    if (title && parseChineseNumeral(title[2]) === speeches.length + (current ? 2 : 1)) {
      finish();
      current = { number: parseChineseNumeral(title[2])!, title: `${title[1]}（篇${title[2]}）`, lines: [] };
      return;
    }
    if (!current) {
      notes.push({ line, kind: 'dropped', reason: 'before the first speech', text: trimmed });
      return;
    }
    for (const mangled of cleaned.matchAll(MANGLED)) {
      notes.push({ line, kind: 'unrepaired', reason: 'mangled full stop and character (??)', text: cleaned.slice(Math.max(0, mangled.index! - 6), mangled.index! + 6) });
    }
    if (isCutFragment(cleaned)) {
      notes.push({ line, kind: 'unrepaired', reason: 'line cut mid-sentence (kept as is)', text: cleaned });
    }
    current.lines.push(cleaned);
  });
  finish();
  return { speeches, notes, pinyinReadingsRemoved };
}
