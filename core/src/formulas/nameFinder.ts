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
      if (name.length === 1) this.starts[name.charCodeAt(0)] = 2;
      else if (name) {
        this.starts[name.charCodeAt(0)] ||= 1;
        this.pairs[pairKey(name.charCodeAt(0), name.charCodeAt(1))] = 1;
      }
    }
  }

  private mayStartAt(text: string, start: number): boolean {
    const first = text.charCodeAt(start);
    const starts = this.starts[first];
    return starts === 2 || (starts === 1 && this.pairs[pairKey(first, text.charCodeAt(start + 1))] === 1);
  }

  /** Where the first name at or after `from` starts (`name` and `end` tell which), or -1. */
  find(text: string, from: number): number {
    // An empty name (never in a dictionary, but as the regex would) is found everywhere, the text's end too.
    const everywhere = this.root.name !== undefined;
    for (let start = from; start < text.length || (everywhere && start === text.length); start++) {
      if (!everywhere && !this.mayStartAt(text, start)) continue;
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
      if (!longest) continue;
      this.name = longest.name!;
      this.end = longestEnd;
      return start;
    }
    return -1;
  }
}

/** A 16-bit digest of two code units (past the end the second is NaN, read as 0: at worst the trie is walked for nothing). */
function pairKey(first: number, second: number): number {
  return ((first * 0x9e37) ^ (second * 0x85eb)) & 0xffff;
}
