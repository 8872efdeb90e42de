import { Diagnostic, diagnostic } from '../diagnostics';
import { Locale, localize } from '../messages';
import { Heading } from '../structure';
import { Steps, STEP } from '../steps';
import { LineCache, nonEmpty, placedAt } from '../lineCache';
import { firstAtLeast, LineIndex, TextEdit } from '../text';
import { announcedCounts, numeralLike } from './announcements';
import { matchItems } from './items';
import { Expansion, FormulaCache, FormulaOccurrence, LineFormulas, LONG_LINE, MAX_LIST_ITEM, shiftedOccurrence } from './recognize';

export interface FormulaCheckOptions {
  locale: Locale;
  /** Report superseded formulas and wordings (Information). */
  superseded: boolean;
}

const quote = (items: string[]) => items.join('、');

function span(expansion: Expansion) {
  return { start: expansion.items[0].start, end: expansion.items[expansion.items.length - 1].end };
}

/** Rewrites the expansion as the canonical items, joined the way the text joins them. */
function canonicalEdit(text: string, expansion: Expansion, canonical: string[]): TextEdit {
  const { start, end } = span(expansion);
  const written = expansion.items.length > 1 ? text.slice(expansion.items[0].end, expansion.items[1].start) : '';
  // Items that hold a ， are joined by ； (四种形态), those that hold a 、 by ， (两个维护).
  const separator = written && written !== '、' ? written : canonical.some(item => item.includes('，')) ? '；'
    : canonical.some(item => item.includes('、')) ? '，' : '、';
  return { start, end, newText: canonical.join(separator) };
}

function checkOccurrence(text: string, occurrence: FormulaOccurrence, options: FormulaCheckOptions): Diagnostic[] {
  const { locale } = options;
  const diagnostics: Diagnostic[] = [];
  const { entry, expansion, name } = occurrence;
  if (entry?.status === 'superseded' && options.superseded) {
    diagnostics.push(diagnostic(occurrence.start, occurrence.end, 'information', 'formula-superseded',
      localize(locale, 'formula-superseded', entry.name, entry.supersededOn ?? '', entry.replacedBy ?? ''), []));
  }
  const explicit = expansion?.how === 'brackets' || expansion?.how === 'namely';
  // A known formula spelled out with a single item (“两个结合”（同中国具体实际相结合）) lacks the other.
  if (!expansion || expansion.items.length < (explicit && entry && entry.origin !== 'corpus' && entry.items.length ? 1 : 2)) return diagnostics;
  const written = expansion.items.map(item => item.text);
  // A name the dictionary knows but with none of its items is a local formula of the same name.
  const comparable = entry && entry.origin !== 'corpus' && [entry.items, ...(entry.previousItems ?? []).map(p => p.items)]
    .some(items => { const m = matchItems(written, items, entry.variants); return m.exact + m.near > 0; });
  if (!comparable) {
    // Unknown formula: only the count it states can be checked against what it lists, and only
    // when the items are short enough to be a list (not the sentences after a colon).
    const listLike = expansion.certain && written.every(item => item.length <= MAX_LIST_ITEM);
    if (explicit && listLike && occurrence.number !== undefined && occurrence.number !== written.length) {
      diagnostics.push(diagnostic(occurrence.start, occurrence.end, 'warning', 'formula-count',
        localize(locale, 'formula-count', name, String(occurrence.number), String(written.length)), []));
    }
    return diagnostics;
  }
  if (!entry) return diagnostics;
  const isCanonical = (item: string) => entry.items.includes(item) || entry.items.includes(entry.variants?.[item] ?? '');
  const previous = entry.previousItems?.find(p => written.every(item => p.items.includes(item) || isCanonical(item)) && written.some(item => !isCanonical(item)));
  if (previous) {
    if (options.superseded) {
      for (const item of expansion.items.filter(i => !isCanonical(i.text))) {
        const replacement = entry.items[previous.items.indexOf(item.text)];
        diagnostics.push(diagnostic(item.start, item.end, 'information', 'formula-superseded',
          localize(locale, 'formula-old-wording', item.text, entry.name, previous.until, replacement, previous.note),
          [{ title: localize(locale, 'fix.formula-item', replacement), edits: [{ start: item.start, end: item.end, newText: replacement }] }]));
      }
    }
    return diagnostics;
  }
  const match = matchItems(written, entry.items, entry.variants);
  const fixAll = { title: localize(locale, 'fix.formula-canonical', quote(entry.items)), edits: [canonicalEdit(text, expansion, entry.items)] };
  expansion.items.forEach((item, i) => {
    if (match.kind[i] !== 'near') return;
    const canonical = entry.items[match.canonicalIndex[i]!];
    diagnostics.push(diagnostic(item.start, item.end, 'warning', 'formula-wording', localize(locale, 'formula-wording', item.text, canonical, entry.name),
      [{ title: localize(locale, 'fix.formula-item', canonical), edits: [{ start: item.start, end: item.end, newText: canonical }], preferred: true }]));
  });
  const extra = written.filter((_, i) => match.kind[i] === undefined);
  const missing = match.missing.map(k => entry.items[k]);
  // Only a list that spells the formula out (in brackets, after 即/：) claims to be all of it: a
  // list beside the name or without it (特别是政治意识、大局意识) may mention just some items.
  if (explicit) {
    if (extra.length || missing.length) {
      const { start, end } = span(expansion);
      diagnostics.push(diagnostic(start, end, 'warning', 'formula-items',
        localize(locale, 'formula-items', entry.name, String(entry.items.length), String(written.length),
          missing.length ? localize(locale, 'formula-missing', quote(missing)) : '', extra.length ? localize(locale, 'formula-extra', quote(extra)) : ''),
        [fixAll]));
      return diagnostics;
    }
  }
  // The order is checked over the items present: a list that names only some of them must still keep theirs.
  const placed = expansion.items.map((item, i) => ({ item, k: match.canonicalIndex[i] })).filter((p): p is { item: typeof p.item; k: number } => p.k !== undefined);
  if (placed.some((p, i) => i > 0 && p.k < placed[i - 1].k)) {
    const { start, end } = span(expansion);
    const inOrder = placed.map(p => p.k).sort((a, b) => a - b);
    const edits = placed.map((p, i) => ({ start: p.item.start, end: p.item.end, newText: entry.items[inOrder[i]] }))
      .filter(edit => text.slice(edit.start, edit.end) !== edit.newText);
    diagnostics.push(diagnostic(start, end, 'warning', 'formula-order', localize(locale, 'formula-order', entry.name, quote(entry.items)),
      [{ title: localize(locale, 'fix.formula-order'), edits, preferred: true }]));
  }
  return diagnostics;
}

/**
 * A heading that states a count of its own points (（二）完成三项任务) against the sub-headings
 * under it (1. … 2. …), for summaries the dictionary does not know: a known formula in a heading
 * (一、增强四个意识) need not be what its sub-headings list.
 */
function checkHeadingCounts(lines: LineIndex, found: LineFormulas, headings: Heading[], locale: Locale): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const summaries: { name: string; number: number; start: number; end: number }[] = [];
  for (let k = 0; k < found.lines.length; k++) {
    const at = lines.lineStarts[found.lines[k]];
    for (const o of found.inLine[k]) {
      if (o.named && !o.entry && !o.expansion && o.number !== undefined) summaries.push({ name: o.name, number: o.number, start: o.start + at, end: o.end + at });
    }
  }
  if (!summaries.length) return diagnostics;
  const starts = Int32Array.from(summaries, o => o.start);
  for (const heading of headings) {
    if (!heading.children.length) continue;
    // Summaries are in text order: the first at or after the heading text's start is the candidate.
    const first = summaries[firstAtLeast(starts, heading.textStart)];
    const summary = first && first.end <= heading.textEnd ? first : undefined;
    if (!summary) continue;
    const points = heading.children.filter(child => !child.inline);
    if (!points.length || points[0].value !== 1) continue;
    const run = points.filter(p => p.kind === points[0].kind);
    const count = run.findIndex((p, i) => p.value !== i + 1);
    const delivered = count < 0 ? run.length : count;
    if (delivered >= 2 && delivered !== summary.number) {
      diagnostics.push(diagnostic(summary.start, summary.end, 'warning', 'formula-count',
        localize(locale, 'formula-heading-count', summary.name, String(summary.number), String(delivered), points[0].marker.label), []));
    }
  }
  return diagnostics;
}

/**
 * The checks kept per line for the options, in `formulas` (made again when the options change): a
 * formula never crosses a line, so a line's checks depend on its text alone and are kept with its
 * formulas, at offsets within the line; copies moved to the line's place are kept in its slot.
 */
function checksCache(lines: LineIndex, formulas: FormulaCache, options: FormulaCheckOptions) {
  const key = `${options.locale}\0${options.superseded}`;
  if (formulas.checks?.key !== key) {
    if (formulas.checks) {
      lines.forgetSlots(formulas.checks.lines);
      lines.forgetSlots(formulas.checks.placed);
    }
    formulas.checks = { key, lines: new LineCache<Diagnostic[]>(formulas.lines.runOnly), placed: {} };
  }
  const checks = formulas.checks;
  return { lines: checks.lines, placed: lines.slots<{ at: number; from: Diagnostic[]; placed: Diagnostic[] }>(checks.placed) };
}

function shiftedDiagnostic({ range, severity, code, message, fixes }: Diagnostic, by: number): Diagnostic {
  const shiftedFixes = fixes.map(fix => ({ ...fix, edits: fix.edits.map(edit => ({ start: edit.start + by, end: edit.end + by, newText: edit.newText })) }));
  return diagnostic(range.start + by, range.end + by, severity, code, message, shiftedFixes);
}

/**
 * Checks formulas against the dictionary and the counts the text states, and announced points
 * against the headings, line by line. With the document's formula cache, an edit checks the changed
 * lines again and moves the checks of those after it; a long line (pasted text) is checked in place.
 */
export function* formulaCheckSteps(lines: LineIndex, found: LineFormulas, headings: Heading[], options: FormulaCheckOptions, formulas?: FormulaCache): Steps<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const checks = formulas && checksCache(lines, formulas, options);
  for (let k = 0; k < found.lines.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const line = found.lines[k];
    const at = lines.lineStarts[line];
    const inLine = found.inLine[k];
    if (!checks || lines.lineText(line).length > LONG_LINE) {
      for (const occurrence of inLine) diagnostics.push(...checkOccurrence(lines.text, shiftedOccurrence(occurrence, at), options));
      continue;
    }
    // The line's own occurrences, at offsets within the line, as the formula cache keeps them.
    const checked = checks.lines.getLine(lines, line, own => inLine.flatMap(o => checkOccurrence(own, o, options)), nonEmpty);
    if (checked.length) diagnostics.push(...placedAt(checks.placed, line, at, checked, () => checked.map(d => shiftedDiagnostic(d, at))));
  }
  checks?.lines.endRun();
  diagnostics.push(...checkHeadingCounts(lines, found, headings, options.locale));
  for (const announced of announcedCounts(lines, headings, formulas?.announcements)) {
    const count = announced.delivered.length;
    if (count < 2 || count === announced.number) continue;
    const numeral = lines.text.slice(announced.start, announced.end);
    const replacement = numeralLike(numeral, count);
    const first = announced.delivered[0].marker.label;
    diagnostics.push(diagnostic(announced.start, announced.end, 'warning', 'announced-count', localize(options.locale, 'announced-count', numeral, String(count), first),
      [{ title: localize(options.locale, 'fix.normalise', replacement), edits: [{ start: announced.start, end: announced.end, newText: replacement }] }]));
  }
  return diagnostics;
}
