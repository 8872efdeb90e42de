import { isHan, LineIndex } from '../text';
import { CandidateIndex, CompletionCandidate } from './candidates';

export interface CorpusMatch {
  candidate: CompletionCandidate;
  /** The typed text it replaces: from `start` to the cursor. */
  start: number;
  end: number;
}

/** Fewer typed characters than this match too many names to be useful. */
const MIN_TYPED = 2;
const MAX_MATCHES = 50;
/** How far back the draft's own words are read to judge a candidate's fit. */
const SECTION_WINDOW = 3000;

function bigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) result.add(text.slice(i, i + 2));
  return result;
}

/** Share of the candidate's character pairs that the current section already uses. */
function fit(candidate: string, section: Set<string>): number {
  if (candidate.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 1 < candidate.length; i++) if (section.has(candidate.slice(i, i + 2))) shared++;
  return shared / (candidate.length - 1);
}

/**
 * Candidates (formulas) whose start was typed before the cursor. Chinese has no spaces, so the
 * replaced range is computed per candidate: the longest text before the cursor (within its line)
 * that is a prefix of the candidate. Ranked: the user's own first, then longer typed matches, then
 * count and fit with the words written just before.
 */
export function corpusMatchesAt(lines: LineIndex, offset: number, index: CandidateIndex): CorpusMatch[] {
  const { text } = lines;
  const lineStart = lines.lineStarts[lines.positionAt(offset).line];
  const before = text.slice(lineStart, offset);
  const indent = /^[\s\u3000]*/.exec(before)![0].length;
  const found = new Map<string, CorpusMatch>();
  for (let typed = Math.min(before.length - indent, index.longest - 1); typed >= MIN_TYPED; typed--) {
    const prefix = before.slice(before.length - typed);
    const first = prefix.charCodeAt(0);
    if (first >= 0xdc00 && first <= 0xdfff) continue;
    if (!isHan(prefix[0]) && !isHan(prefix[prefix.length - 1])) continue;
    for (const candidate of index.withPrefix(prefix)) {
      if (candidate.text.length <= typed || found.has(candidate.text)) continue;
      found.set(candidate.text, { candidate, start: offset - typed, end: offset });
    }
  }
  if (!found.size) return [];
  const section = bigrams(text.slice(Math.max(0, offset - SECTION_WINDOW), offset));
  const scored = [...found.values()].map(match => ({
    match, score: Math.log2(1 + match.candidate.count) + 2 * fit(match.candidate.text, section),
  }));
  // A phrase that mostly runs on into a longer one (克服…侥幸心理 into …、松劲心态) ranks after it;
  // longest first, so that in a chain each ranks after the one it runs on into.
  scored.sort((a, b) => b.match.candidate.text.length - a.match.candidate.text.length);
  for (const shorter of scored) {
    const { text: prefix, count } = shorter.match.candidate;
    for (const longer of scored) {
      const candidate = longer.match.candidate;
      if (candidate.text.length > prefix.length && candidate.text.startsWith(prefix) && 2 * candidate.count >= count) {
        shorter.score = Math.min(shorter.score, longer.score - 0.001);
      }
    }
  }
  return scored
    .sort((a, b) =>
      Number(b.match.candidate.fromUser) - Number(a.match.candidate.fromUser)
      || (a.match.start - b.match.start)
      || b.score - a.score
      || (a.match.candidate.text < b.match.candidate.text ? -1 : 1))
    .slice(0, MAX_MATCHES)
    .map(({ match }) => match);
}
