import { parseChineseNumeral } from '../numerals';
import { fullWidthPunctuation, removePinyinReadings, TONED, toSimplified } from '../chinese';

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

/** Page furniture of the template site (matched after simplification), each with the reason it is dropped. */
const FURNITURE: [RegExp, string][] = [
  [/^<[^>]*>(<[^>]*>)*$|^\d+\.\s*<[^>]*>/, 'HTML tag'],
  [/^\d+\.?$/, 'list or page number'],
  [/^[共页]$|^页[,，]当前第[。.]?$/, 'pagination'],
  [/^字号[:：]$/, 'page furniture'],
  [/小编/, '"小编" boilerplate'],
  [/范文\s*[（(]\d+篇[）)]$/, 'page title'],
  [/当前隐藏|查看全文|下载|付费|会员/, 'paywall'],
  [/[,，].*(视频|免费).*[,，].*国产/, 'spam keywords'],
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

/** The site's watermark, its characters split by dots so that search engines miss it. */
const WATERMARK = /公\.?文\.?思\.?享\.?文\.?[库庫]\.?出\.?品[,，]?/g;

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
    const withoutWatermark = trimmed.replace(WATERMARK, mark => {
      lineNotes.push({ line, kind: 'dropped', reason: 'watermark', text: mark });
      return '';
    });
    for (const stray of withoutWatermark.matchAll(STRAY_READING)) {
      lineNotes.push({ line, kind: 'unrepaired', reason: 'pinyin reading after a garbled character (reading removed)', text: stray[0] });
    }
    const { text: withoutPinyin, removed } = removePinyinReadings(withoutWatermark);
    const simplified = toSimplified(withoutPinyin);
    const furniture = FURNITURE.find(([pattern]) => pattern.test(simplified));
    if (furniture) {
      notes.push({ line, kind: 'dropped', reason: furniture[1], text: trimmed });
      return;
    }
    pinyinReadingsRemoved += removed;
    notes.push(...lineNotes);
    const title = SPEECH_TITLE.exec(simplified);
    if (title && parseChineseNumeral(title[2]) === speeches.length + (current ? 2 : 1)) {
      finish();
      current = { number: parseChineseNumeral(title[2])!, title: `${title[1]}（篇${title[2]}）`, lines: [] };
      return;
    }
    if (!current) {
      notes.push({ line, kind: 'dropped', reason: 'before the first speech', text: trimmed });
      return;
    }
    for (const mangled of simplified.matchAll(MANGLED)) {
      notes.push({ line, kind: 'unrepaired', reason: 'mangled full stop and character (??)', text: simplified.slice(Math.max(0, mangled.index! - 6), mangled.index! + 6) });
    }
    const cleaned = fullWidthPunctuation(simplified);
    if (isCutFragment(cleaned)) {
      notes.push({ line, kind: 'unrepaired', reason: 'line cut mid-sentence (kept as is)', text: cleaned });
    }
    current.lines.push(cleaned);
  });
  finish();
  return { speeches, notes, pinyinReadingsRemoved };
}
