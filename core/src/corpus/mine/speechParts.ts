import { LineCache } from '../../lineCache';
import { Heading, LineMarkers, parseStructure } from '../../structure';
import { SALUTATION } from '../../speechConventions';
import { LineIndex } from '../../text';
import { CorpusDocument, HeadingPattern, MANGLED_SPOT, SentenceEntry, SentenceRole } from '../minedIndex';
import { sourceOf, Tally } from './tally';

const ANNOUNCEMENT = /^下面[，,].{0,60}?(意见|问题|几点|方面|强调|讲)[^。；：]{0,20}[。：]/;
const MAX_SENTENCE = 100;

/** Sentences with their end punctuation and their offset in the line. */
function sentences(line: string): { text: string; at: number }[] {
  return [...line.matchAll(/[^。！？；]+[。！？；]?/g)].map(m => ({ text: m[0], at: m.index! }));
}

/**
 * How speeches open and close: the salutation (同志们：), the first sentence, the announcement
 * of the points (下面，我讲三点意见：) and the closing words (同志们，…！).
 */
export function mineSpeechParts(documents: CorpusDocument[]): { openings: SentenceEntry[]; closings: SentenceEntry[] } {
  const openings = new Tally<SentenceRole>();
  const closings = new Tally<SentenceRole>();
  for (const document of documents) {
    const body = document.lines.map((line, index) => ({ line: line.trim(), index }))
      .filter(({ line, index }) => index >= document.bodyStart && line);
    if (!body.length) continue;
    const add = (tally: Tally<SentenceRole>, role: SentenceRole, lineIndex: number, text: string, at: number) => {
      if (text.length <= MAX_SENTENCE && !text.includes(MANGLED_SPOT)) tally.add(`${role}\u0001${text}`, role, sourceOf(document.file, lineIndex), document.lines[lineIndex], at, text.length);
    };
    let first = 0;
    if (SALUTATION.test(body[0].line)) {
      add(openings, 'salutation', body[0].index, body[0].line, 0);
      first = 1;
    }
    if (first < body.length) {
      const [opening] = sentences(body[first].line);
      if (opening) add(openings, 'opening', body[first].index, opening.text, opening.at);
    }
    for (const { line, index } of body) {
      for (const sentence of sentences(line)) {
        const announcement = ANNOUNCEMENT.exec(sentence.text);
        if (announcement) add(openings, 'announcement', index, announcement[0], sentence.at);
      }
    }
    const last = body[body.length - 1];
    const closing = last.line.length <= MAX_SENTENCE ? { text: last.line, at: 0 } : sentences(last.line).pop()!;
    add(closings, 'closing', last.index, closing.text, closing.at);
  }
  const entries = (tally: Tally<SentenceRole>) => tally.sorted().map(({ key, value, count, sources, context }) => ({
    role: value, text: key.slice(key.indexOf('\u0001') + 1), count, sources, context,
  }));
  return { openings: entries(openings), closings: entries(closings) };
}

const EXAMPLES = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Heading kinds per outline level, with how long their texts run and what sits under them. */
export function mineHeadingPatterns(documents: CorpusDocument[]): HeadingPattern[] {
  // Markers per distinct line, across the corpus: templates repeat lines.
  const markers = new LineCache<LineMarkers>();
  const groups = new Map<string, { level: number; kind: string; lengths: number[]; children: Map<string, number>; firsts: HeadingPattern['examples']; others: HeadingPattern['examples'] }>();
  for (const document of documents) {
    const body = document.lines.slice(document.bodyStart).join('\n');
    const lines = new LineIndex(body);
    const visit = (headings: Heading[]) => {
      for (const heading of headings) {
        if (heading.inline) continue;
        const key = `${heading.level}\u0001${heading.kind}`;
        if (!groups.has(key)) groups.set(key, { level: heading.level, kind: heading.kind, lengths: [], children: new Map(), firsts: [], others: [] });
        const group = groups.get(key)!;
        group.lengths.push(heading.text.length);
        for (const child of heading.children) group.children.set(child.kind, (group.children.get(child.kind) ?? 0) + 1);
        // First headings (一、, （一）) show the pattern best; others only fill in.
        const examples = heading.marker.value === 1 ? group.firsts : group.others;
        if (examples.length < EXAMPLES) {
          examples.push({ text: heading.marker.label + heading.text, source: sourceOf(document.file, document.bodyStart + lines.positionAt(heading.start).line) });
        }
        visit(heading.children);
      }
    };
    visit(parseStructure(body, lines, markers).headings);
  }
  return [...groups.values()]
    .map(({ level, kind, lengths, children, firsts, others }) => {
      const examples = [...firsts, ...others].slice(0, EXAMPLES);
      const childKind = [...children].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      return { level, kind, count: lengths.length, medianLength: median(lengths), ...(childKind ? { childKind } : {}), examples };
    })
    .sort((a, b) => a.level - b.level || b.count - a.count || (a.kind < b.kind ? -1 : 1));
}
