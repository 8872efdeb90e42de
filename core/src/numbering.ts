import { Diagnostic, diagnostic, Fix } from './diagnostics';
import { Marker, renumberedNumeral } from './markers';
import { Locale, localize } from './messages';
import { Heading } from './structure';

/**
 * Splits siblings of one kind into sequences, kind by kind: a 1 (一、, 首先) starts a new one. A lone
 * 1 is left out: nothing can be wrong with it (a document of a million 一、 lines checks no million
 * lists). Headings, not markers: a heading placed by the outline copies its marker on each use. Each
 * sequence is handed to `check` in one array used again (this runs for every list of siblings on each
 * keystroke): `check` must not keep it.
 */
function forEachSequence(siblings: Heading[], check: (sequence: Heading[]) => void): void {
  const run = RUN;
  const endRun = () => {
    if (run.length > 1 || (run.length === 1 && run[0].value !== 1)) check(run);
    run.length = 0;
  };
  const kinds = KINDS;
  kinds.length = 0;
  for (let first = 0; first < siblings.length; first++) {
    const { kind } = siblings[first];
    // Each kind once, from its first sibling on (siblings are of one or two kinds: a list beats a set).
    if (kinds.includes(kind)) continue;
    kinds.push(kind);
    for (let i = first; i < siblings.length; i++) {
      const heading = siblings[i];
      if (heading.kind !== kind) continue;
      if (run.length === 1 && run[0].value === 1 && heading.value === 1) run[0] = heading;
      else if (heading.value === 1) {
        endRun();
        run.push(heading);
      } else run.push(heading);
    }
    endRun();
  }
}

const RUN: Heading[] = [];
const KINDS: string[] = [];

/** What each marker of a sequence should read, in order. */
function expectedNumerals(sequence: Marker[]): string[] {
  const endsWithLast = sequence.some(m => m.value === Infinity);
  return sequence.map((m, i) => renumberedNumeral(m, i + 1, endsWithLast && i === sequence.length - 1));
}

function numeralOf(marker: Marker): string {
  return marker.label.slice(marker.numeralStart - marker.start, marker.numeralEnd - marker.start);
}

function markerWithNumeral(marker: Marker, numeral: string): string {
  return marker.label.slice(0, marker.numeralStart - marker.start) + numeral + marker.label.slice(marker.numeralEnd - marker.start);
}

/** Edits only the numerals that differ from what their place in the sequence wants. */
function renumberFix(sequence: Marker[], locale: Locale): Fix {
  const expected = expectedNumerals(sequence);
  const edits = sequence.flatMap((marker, i) =>
    numeralOf(marker) === expected[i] ? [] : [{ start: marker.numeralStart, end: marker.numeralEnd, newText: expected[i] }]);
  return { title: localize(locale, 'fix.renumber'), edits, preferred: true };
}

function checkSequence(sequence: Heading[], locale: Locale, diagnostics: Diagnostic[]): void {
  // The markers, what they should read and the fix are made only for a sequence with something to report.
  let markers: Marker[] | undefined;
  let fix: Fix | undefined;
  const markerOf = (i: number) => (markers ??= sequence.map(heading => heading.marker))[i];
  const report = (marker: Marker, code: Diagnostic['code'], message: string) => {
    fix ??= renumberFix(markers!, locale);
    diagnostics.push(diagnostic(marker.start, marker.end, 'warning', code, message, [fix]));
  };
  const isSequenceWords = sequence[0].kind === 'sequence';
  for (let i = 0; i < sequence.length; i++) {
    const value = sequence[i].value;
    if (i === 0) {
      if (value !== 1 && !isSequenceWords) {
        const marker = markerOf(0);
        report(marker, 'numbering-start', localize(locale, 'numbering-start', marker.label, markerWithNumeral(marker, expectedNumerals(markers!)[0])));
      }
      continue;
    }
    const previousValue = sequence[i - 1].value;
    if (value < previousValue) {
      const marker = markerOf(i);
      report(marker, 'numbering-order', localize(locale, 'numbering-order', marker.label, markerOf(i - 1).label));
    } else if (value === previousValue && !(isSequenceWords && value === 3)) {
      // 再次 may follow 再次; 其次 after 其次 is a repeat.
      const marker = markerOf(i);
      report(marker, 'numbering-repeat', localize(locale, 'numbering-repeat', marker.label));
    } else if (value > previousValue + 1 && value !== Infinity) {
      const marker = markerOf(i);
      const missing = markerWithNumeral(marker, renumberedNumeral(marker, previousValue + 1, false));
      report(marker, 'numbering-gap', localize(locale, 'numbering-gap', marker.label, missing));
    }
  }
}

const STANDARD_PARENS: Record<string, string> = { '(': '（', ')': '）' };

function styleDiagnostic(marker: Marker, locale: Locale): Diagnostic | undefined {
  if (!marker.styleIssue) return undefined;
  const standard = marker.styleIssue === 'half-width-paren'
    ? marker.label.replace(/[()]/g, p => STANDARD_PARENS[p])
    : marker.label.replace('、', '.');
  const edits = [];
  for (let i = 0; i < marker.label.length; i++) {
    if (marker.label[i] !== standard[i]) edits.push({ start: marker.start + i, end: marker.start + i + 1, newText: standard[i] });
  }
  return diagnostic(marker.start, marker.end, 'information', 'marker-style', localize(locale, marker.styleIssue, marker.label, standard),
    [{ title: localize(locale, 'fix.normalise', standard), edits, preferred: true }]);
}

/** Gaps, repeats and disorder in each sibling sequence, and non-standard marker forms. */
export function checkNumbering(roots: Heading[], locale: Locale): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (sequence: Heading[]) => checkSequence(sequence, locale, diagnostics);
  const visit = (siblings: Heading[]) => {
    forEachSequence(siblings, check);
    for (const heading of siblings) {
      const style = heading.hasStyleIssue && styleDiagnostic(heading.marker, locale);
      if (style) diagnostics.push(style);
      if (heading.children.length) visit(heading.children);
    }
  };
  visit(roots);
  return diagnostics.sort((a, b) => a.range.start - b.range.start);
}
