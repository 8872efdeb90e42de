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
  // Plain loops and a list of flags: formulas' splits are matched by the thousand in an analysis.
  const canonicalIndex = new Array<number | undefined>(written.length).fill(undefined);
  const kind = new Array<ItemMatch['kind'][number]>(written.length).fill(undefined);
  const used = new Uint8Array(canonical.length);
  const pair = (i: number, k: number, how: 'exact' | 'near') => {
    canonicalIndex[i] = k;
    kind[i] = how;
    used[k] = 1;
  };
  for (let i = 0; i < written.length; i++) {
    const item = written[i];
    const k = canonical.findIndex((c, j) => (c === item || variants[item] === c) && !used[j]);
    if (k >= 0) pair(i, k, 'exact');
  }
  for (let i = 0; i < written.length; i++) {
    if (kind[i]) continue;
    const k = nearest(written[i], canonical, used);
    if (k !== undefined) pair(i, k, 'near');
  }
  // With every other item in place, the one left over is that item misworded, however short (开发 for 开放).
  if (written.length === canonical.length) {
    const i = onlyIndex(written.length, i => !kind[i]);
    const k = onlyIndex(canonical.length, k => !used[k]);
    if (i !== undefined && k !== undefined && editDistance(written[i], canonical[k]) <= Math.ceil(Math.max(written[i].length, canonical[k].length) / 2)) pair(i, k, 'near');
  }
  let exact = 0;
  let near = 0;
  for (const how of kind) {
    if (how === 'exact') exact++;
    else if (how === 'near') near++;
  }
  const missing: number[] = [];
  for (let k = 0; k < canonical.length; k++) if (!used[k]) missing.push(k);
  return { canonicalIndex, kind, exact, near, missing };
}

/** The unused canonical item an item is a near miss of, the nearest (the first of equals). */
function nearest(item: string, canonical: string[], used: Uint8Array): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let k = 0; k < canonical.length; k++) {
    if (used[k] || !isNearMiss(item, canonical[k])) continue;
    const distance = editDistance(item, canonical[k]);
    if (distance >= bestDistance) continue;
    best = k;
    bestDistance = distance;
  }
  return best;
}

/** The index below `count` that is the only one to pass `test`, if exactly one does. */
function onlyIndex(count: number, test: (index: number) => boolean): number | undefined {
  let found: number | undefined;
  for (let index = 0; index < count; index++) {
    if (!test(index)) continue;
    if (found !== undefined) return undefined;
    found = index;
  }
  return found;
}
