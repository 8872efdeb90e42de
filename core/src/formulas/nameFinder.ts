interface Node {
  next: Map<number, Node>;
  /** The name that ends here, if one does. */
  name?: string;
}

/**
 * Names found in a text as one regex of them all (longest first) finds them: at the first place
 * where one starts, the longest one there. A trie read by character code: the places no name starts
 * at cost one look-up, where the regex of a hundred names and more tried its alternatives at each.
 */
export class NameFinder {
  private readonly root: Node = { next: new Map() };
  /**
   * Per code unit, where a name starts with it: 1, or 2 when it is a name by itself. Most places
   * where a name could start are then passed over by `pairs` without walking the trie.
   */
  private readonly starts = new Uint8Array(0x10000);
  /** Per `pairKey` of a name's first two code units, 1. */
  private readonly pairs = new Uint8Array(0x10000);
  /** Per code unit, 1 if a name has it second: where none is, no name of two units or more starts just before. */
  private readonly seconds = new Uint8Array(0x10000);
  /** A name of one code unit may start anywhere, whatever follows it: the scan then reads every character. */
  private hasOneUnitName = false;
  /** The name `find` found last, and where it ends. */
  name = '';
  end = 0;

  constructor(names: Iterable<string>) {
    for (const name of names) {
      let node = this.root;
      for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        let next = node.next.get(code);
        if (!next) node.next.set(code, next = { next: new Map() });
        node = next;
      }
      node.name = name;
      if (name.length === 1) {
        this.starts[name.charCodeAt(0)] = 2;
        this.hasOneUnitName = true;
      } else if (name) {
        this.starts[name.charCodeAt(0)] ||= 1;
        this.pairs[pairKey(name.charCodeAt(0), name.charCodeAt(1))] = 1;
        this.seconds[name.charCodeAt(1)] = 1;
      }
    }
  }

  /** Where the first name at or after `from` starts (`name` and `end` tell which), or -1. */
  find(text: string, from: number): number {
    // An empty name (never in a dictionary, but as the regex would) is found everywhere, the text's end too.
    if (this.root.name !== undefined) return from <= text.length && this.longestAt(text, from) ? from : -1;
    for (let start = this.nextStart(text, from); start < text.length; start = this.nextStart(text, start + 1)) {
      if (this.longestAt(text, start)) return start;
    }
    return -1;
  }

  /**
   * The first place at or after `from` where a name may start, by its first two code units, or the
   * text's length: tight loops with the tables in locals, for they pass over every character of a line.
   */
  private nextStart(text: string, from: number): number {
    if (!this.hasOneUnitName) return this.nextStartOfPair(text, from);
    const { starts, pairs } = this;
    const length = text.length;
    for (let i = from; i < length; i++) {
      const first = text.charCodeAt(i);
      const kind = starts[first];
      if (kind === 2 || (kind === 1 && pairs[pairKey(first, text.charCodeAt(i + 1))] === 1)) return i;
    }
    return length;
  }

  /**
   * The same when every name has two code units or more, reading every other one only: of a name's
   * first two, one is probed, and either it is a name's second (the name starts just before) or a name's first.
   */
  private nextStartOfPair(text: string, from: number): number {
    const { starts, pairs, seconds } = this;
    const length = text.length;
    for (let probe = from + 1; probe < length; probe += 2) {
      const code = text.charCodeAt(probe);
      if (seconds[code] === 1) {
        const before = text.charCodeAt(probe - 1);
        if (starts[before] === 1 && pairs[pairKey(before, code)] === 1) return probe - 1;
      }
      if (starts[code] === 1 && pairs[pairKey(code, text.charCodeAt(probe + 1))] === 1) return probe;
    }
    return length;
  }

  /** Whether a name starts at `start`: the longest one there is then in `name` and `end`. */
  private longestAt(text: string, start: number): boolean {
    let node: Node | undefined = this.root;
    let longest = node.name === undefined ? undefined : node;
    let longestEnd = start;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.name !== undefined) {
        longest = node;
        longestEnd = i + 1;
      }
    }
    if (!longest) return false;
    this.name = longest.name!;
    this.end = longestEnd;
    return true;
  }
}

/** A 16-bit digest of two code units (past the end the second is NaN, read as 0: at worst the trie is walked for nothing). */
function pairKey(first: number, second: number): number {
  return ((first * 0x9e37) ^ (second * 0x85eb)) & 0xffff;
}
