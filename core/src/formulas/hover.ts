import { Locale, localize } from '../messages';
import { FormulaOccurrence } from './recognize';

/** Where a corpus uses a formula. */
export interface FormulaUsage {
  count: number;
  places: { title: string; line: number }[];
}

/** The formula whose name or spelled-out item is at an offset. */
export function formulaAt(formulas: FormulaOccurrence[], offset: number): FormulaOccurrence | undefined {
  return formulas.find(f => (f.start <= offset && offset <= f.end)
    || f.expansion?.items.some(item => item.start <= offset && offset <= item.end));
}

const PLACES_SHOWN = 3;

/** Markdown for a hover: the items, status and source of a formula, and where the corpus uses it. */
export function formulaHover(occurrence: FormulaOccurrence, locale: Locale, usage?: FormulaUsage): string {
  const { entry } = occurrence;
  const parts: string[] = [];
  const category = entry?.category ? ` · ${entry.category}` : '';
  parts.push(`**${entry?.name ?? occurrence.name}**${category}`);
  if (entry) {
    if (entry.items.length) parts.push(entry.items.join('、'));
    parts.push(entry.status === 'superseded'
      ? localize(locale, 'hover.superseded', entry.supersededOn ?? '', entry.replacedBy ?? '')
      : entry.status === 'dated' ? localize(locale, 'hover.dated')
        : localize(locale, entry.origin === 'corpus' ? 'hover.from-corpus' : 'hover.current'));
    for (const previous of entry.previousItems ?? []) parts.push(localize(locale, 'hover.previous', previous.until, previous.items.join('、')));
    const source = entry.date ? localize(locale, 'hover.source-dated', entry.source, entry.date) : localize(locale, 'hover.source', entry.source);
    // A curated entry without a page was compared with copies only: the drafter should know.
    parts.push(entry.url ? `${source} · <${entry.url}>` : entry.origin === 'dictionary' ? `${source} ${localize(locale, 'hover.unverified')}` : source);
  } else {
    parts.push(occurrence.number !== undefined ? localize(locale, 'hover.unknown-count', String(occurrence.number)) : localize(locale, 'hover.unknown'));
  }
  if (occurrence.expansion && (!entry || occurrence.expansion.items.map(i => i.text).join('、') !== entry.items.join('、'))) {
    parts.push(localize(locale, 'hover.in-text', occurrence.expansion.items.map(i => i.text).join('、')));
  }
  if (usage?.count) {
    const places = usage.places.slice(0, PLACES_SHOWN).map(p => localize(locale, 'hover.place', p.title, String(p.line))).join('；');
    parts.push(localize(locale, 'hover.corpus', String(usage.count), places));
  }
  return parts.join('\n\n');
}
