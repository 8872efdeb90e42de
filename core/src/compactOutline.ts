import { Marker } from './markers';
import { Spans } from './stats';
import { addChild, Heading, PlacedHeading, Structure } from './structure';

/**
 * An analysis's headings kept compactly: per heading, its marker as its line's cache holds it (at
 * offsets within the line, shared by every line of the same text), the line's start, its level and
 * where its section ends; some 13 bytes a heading instead of some 300 for the heading objects. The
 * heading tree is made from them when asked for, and kept only while someone holds it (a WeakRef):
 * a document of a million headings does not hold a million heading objects between requests.
 */
export class CompactOutline {
  /** Each distinct marker object once (equal lines share theirs), and each heading's index into it. */
  private readonly markers: Marker[] = [];
  private readonly markerIds: Uint32Array;
  private readonly at: Int32Array;
  /** A heading's depth: at most one heading of each of the eight kinds is open at a time. */
  private readonly levels: Uint8Array;
  private readonly ends: Int32Array;
  private tree: WeakRef<Structure>;

  constructor(private readonly text: string, structure: Structure) {
    const { all } = structure;
    const { placed } = structure;
    const ids = new Map<Marker, number>();
    // Filled by loops: a typed array's \`from\` with a mapping function takes the slow, generic path.
    this.markerIds = new Uint32Array(all.length);
    this.at = new Int32Array(all.length);
    this.levels = new Uint8Array(all.length);
    this.ends = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++) {
      const marker = placed ? placed.markers[i] : all[i].marker;
      let id = ids.get(marker);
      if (id === undefined) ids.set(marker, id = this.markers.push(marker) - 1);
      this.markerIds[i] = id;
      if (placed) this.at[i] = placed.at[i];
      this.levels[i] = all[i].level;
      this.ends[i] = all[i].end;
    }
    this.tree = new WeakRef(structure);
  }

  get length(): number {
    return this.levels.length;
  }

  /** The level of the i-th heading in document order (1 at the top). */
  levelOf(i: number): number {
    return this.levels[i];
  }

  /**
   * The i-th heading alone (its children are not filled in), made without the tree: a feature that
   * shows some of a million headings makes objects for those only.
   */
  heading(i: number): Heading {
    const heading = new PlacedHeading(this.markers[this.markerIds[i]], this.at[i], this.text, this.ends[i]);
    heading.level = this.levels[i];
    return heading;
  }

  /** The markers' spans in the text, for counting characters. */
  markerSpans(): Spans {
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      starts[i] = this.markers[this.markerIds[i]].start + this.at[i];
      ends[i] = this.markers[this.markerIds[i]].end + this.at[i];
    }
    return { length: this.length, starts, ends };
  }

  /** The heading tree, made again when the last one was collected: equal, but not the same objects. */
  structure(): Structure {
    const known = this.tree.deref();
    if (known) return known;
    const built = this.build();
    this.tree = new WeakRef(built);
    return built;
  }

  /** A heading's parent is the last heading before it one level up: the tree is in the order and the levels. */
  private build(): Structure {
    const headings: Heading[] = [];
    const all: Heading[] = [];
    const path: Heading[] = [];
    for (let i = 0; i < this.levels.length; i++) {
      const level = this.levels[i];
      const heading = new PlacedHeading(this.markers[this.markerIds[i]], this.at[i], this.text, this.ends[i]);
      heading.level = level;
      if (level > 1) addChild(path[level - 2], heading);
      else headings.push(heading);
      path[level - 1] = heading;
      all.push(heading);
    }
    return { headings, all };
  }
}
