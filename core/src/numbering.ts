import { Diagnostic, Fix } from './diagnostics';
import { Marker, renumberedNumeral } from './markers';
import { Locale, localize } from './messages';
import { Heading } from './structure';

/**
 * Splits siblings of one kind into sequences: a 1 (一、, 首先) starts a new one. A lone 1 is left
 * out: nothing can be wrong with it (a document of a million 一、 lines makes no million lists).
 */
function sequencesOf(siblings: Heading[]): Marker[][] {
  // Runs by kind, in the order kinds first appear; siblings are of one or two kinds, so a list beats a map.
  const kinds: string[] = [];
  const runsByKind: Marker[][][] = [];
  for (const heading of siblings) {
    const marker = heading.marker;
    let k = kinds.indexOf(heading.kind);
    if (k < 0) {
      k = kinds.push(heading.kind) - 1;
      runsByKind.push([]);
    }
    const runs = runsByKind[k];
    const last = runs[runs.length - 1];
    if (last && last.length === 1 && last[0].value === 1 && marker.value === 1) last[0] = marker;
    else if (!last || marker.value === 1) runs.push([marker]);
    else last.push(marker);
  }
  const sequences: Marker[][] = [];
  for (const runs of runsByKind) for (const run of runs) if (run.length > 1 || run[0].value !== 1) sequences.push(run);
  return sequences;
}

/**
 * Whether siblings of one kind number on without a fault (1, 2, 3…, a 1 starting again): as
 * `checkSequence` would find nothing, the sequences need not be made (most sibling lists are so).
 */
export function numberedOnWithoutFault(siblings: Heading[]): boolean {
  if (!siblings.length) return true;
  const kind = siblings[0].kind;
  const words = kind === 'sequence';
  let previous = 0;
  for (const heading of siblings) {
    if (heading.kind !== kind) return false;
    const value = heading.value;
    // (最后 is Infinity, and Infinity + 1 is Infinity: a second 最后 is a repeat, not the next.)
    const fine = value === 1 || (previous === 0 ? words : (value === previous + 1 && value !== Infinity) || (value === Infinity && previous !== Infinity) || (words && value === 3 && previous === 3));
    if (!fine) return false;
    previous = value;
  }
  return true;
}

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

function checkSequence(sequence: Marker[], locale: Locale, diagnostics: Diagnostic[]): void {
  // What each marker should read is worked out only for a sequence with something to report.
  let expected: string[] | undefined;
  let fix: Fix | undefined;
  const report = (marker: Marker, code: Diagnostic['code'], message: string) => {
    fix ??= renumberFix(sequence, locale);
    diagnostics.push({ range: { start: marker.start, end: marker.end }, severity: 'warning', code, message, fixes: [fix] });
  };
  const isSequenceWords = sequence[0].kind === 'sequence';
  for (let i = 0; i < sequence.length; i++) {
    const marker = sequence[i];
    const value = marker.value;
    if (i === 0) {
      if (value !== 1 && !isSequenceWords) {
        expected ??= expectedNumerals(sequence);
        const first = expected[0];
        report(marker, 'numbering-start', localize(locale, 'numbering-start', marker.label, markerWithNumeral(marker, first)));
      }
      continue;
    }
    const previous = sequence[i - 1];
    if (value < previous.value) {
      report(marker, 'numbering-order', localize(locale, 'numbering-order', marker.label, previous.label));
    } else if (value === previous.value && !(isSequenceWords && value === 3)) {
      // 再次 may follow 再次; 其次 after 其次 is a repeat.
      report(marker, 'numbering-repeat', localize(locale, 'numbering-repeat', marker.label));
    } else if (value > previous.value + 1 && value !== Infinity) {
      const missing = markerWithNumeral(marker, renumberedNumeral(marker, previous.value + 1, false));
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
  return {
    range: { start: marker.start, end: marker.end },
    severity: 'information',
    code: 'marker-style',
    message: localize(locale, marker.styleIssue, marker.label, standard),
    fixes: [{ title: localize(locale, 'fix.normalise', standard), edits, preferred: true }],
  };
}

/** The faults in the numbering of one list of siblings, read sequence by sequence (no shortcut). */
export function siblingFaults(siblings: Heading[], locale: Locale): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const sequence of sequencesOf(siblings)) checkSequence(sequence, locale, diagnostics);
  return diagnostics;
}

/** Gaps, repeats and disorder in each sibling sequence, and non-standard marker forms. */
export function checkNumbering(roots: Heading[], locale: Locale): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (siblings: Heading[]) => {
    if (!numberedOnWithoutFault(siblings)) diagnostics.push(...siblingFaults(siblings, locale));
    for (const heading of siblings) {
      const style = heading.hasStyleIssue && styleDiagnostic(heading.marker, locale);
      if (style) diagnostics.push(style);
      if (heading.children.length) visit(heading.children);
    }
  };
  visit(roots);
  return diagnostics.sort((a, b) => a.range.start - b.range.start);
}
