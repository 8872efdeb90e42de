/** One row of the distance table, used again by every call: items are compared by the thousand. */
let row = new Int32Array(32);

/** Edit distance between two short strings (insertions, deletions, substitutions), by code unit. */
export function editDistance(a: string, b: string): number {
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    // The row holds the distances to a's first i - 1 characters, and is overwritten left to right.
    let diagonal = row[0];
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** A near miss: one character off in a short item (全局意识 for 大局意识), two in a long one. */
export function isNearMiss(written: string, canonical: string): boolean {
  const longer = Math.max(written.length, canonical.length);
  const allowed = longer <= 4 ? 1 : longer <= 10 ? 2 : 3;
  // The distance is at least the difference in length: most pairs need no table.
  if (Math.abs(written.length - canonical.length) > allowed) return false;
  const distance = editDistance(written, canonical);
  return distance > 0 && distance <= allowed && distance < Math.min(written.length, canonical.length) / 2;
}

export interface ItemMatch {
  /** For each written item, the index of the canonical item it is, if any. */
  canonicalIndex: (number | undefined)[];
  /** For each written item, whether it matched exactly or as a near miss. */
  kind: ('exact' | 'near' | undefined)[];
  exact: number;
  near: number;
  /** Canonical items nothing written matched. */
  missing: number[];
}

/** Pairs written items with canonical ones: exact matches (an accepted variant counts as exact) first, then near misses. */
export function matchItems(written: string[], canonical: string[], variants: Record<string, string> = {}): ItemMatch {
  const canonicalIndex: (number | undefined)[] = written.map(() => undefined);
  const kind: ItemMatch['kind'] = written.map(() => undefined);
  const used = new Set<number>();
  written.forEach((item, i) => {
    const j = canonical.findIndex((c, k) => (c === item || variants[item] === c) && !used.has(k));
    if (j >= 0) {
      canonicalIndex[i] = j;
      kind[i] = 'exact';
      used.add(j);
    }
  });
  written.forEach((item, i) => {
    if (kind[i]) return;
    let best: number | undefined;
    canonical.forEach((c, k) => {
      if (used.has(k) || !isNearMiss(item, c)) return;
      if (best === undefined || editDistance(item, c) < editDistance(item, canonical[best])) best = k;
    });
    if (best !== undefined) {
      canonicalIndex[i] = best;
      kind[i] = 'near';
      used.add(best);
    }
  });
  // With every other item in place, the one left over is that item misworded, however short (开发 for 开放).
  const unmatched = kind.flatMap((k, i) => (k ? [] : [i]));
  const unused = canonical.flatMap((_, k) => (used.has(k) ? [] : [k]));
  if (written.length === canonical.length && unmatched.length === 1 && unused.length === 1) {
    const [i] = unmatched;
    const [k] = unused;
    if (editDistance(written[i], canonical[k]) <= Math.ceil(Math.max(written[i].length, canonical[k].length) / 2)) {
      canonicalIndex[i] = k;
      kind[i] = 'near';
      used.add(k);
    }
  }
  return {
    canonicalIndex, kind,
    exact: kind.filter(k => k === 'exact').length,
    near: kind.filter(k => k === 'near').length,
    missing: canonical.map((_, k) => k).filter(k => !used.has(k)),
  };
}
