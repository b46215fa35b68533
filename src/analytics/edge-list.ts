/**
 * The analytics input: entities by dense index and their relationships as parallel typed arrays
 * (about 41 bytes an edge), grown by a builder while the snapshot streams out of Neo4j.
 */

import type { Facts } from './facts.js';

/** Relationship kinds that count as trading edges. */
export const EDGE_KIND = { pays: 0, supplies: 1, rated: 2 } as const;
export type EdgeKind = (typeof EDGE_KIND)[keyof typeof EDGE_KIND];

/**
 * Edges as parallel arrays of `length` used entries.
 * - `amount`: PAYS → payment total in minor units; SUPPLIES → volume in minor units (0 when unknown);
 *   RATED → number of positive ratings.
 * - `first` / `last`: epoch milliseconds of the first and last activity, NaN when unknown.
 */
export interface EdgeList {
  readonly length: number;
  readonly src: Uint32Array;
  readonly dst: Uint32Array;
  readonly kind: Uint8Array;
  readonly amount: Float64Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
}

/**
 * A graph snapshot as of `asOfMs`: `ids[i]` is the entity id of index i; `facts` are everything known
 * about the entities (events keep their times, so a past as-of date can be derived); `edges` are the
 * trading edges and `bad` the bad entities (src/analytics/bad-entities.ts) as of `asOfMs`.
 */
export interface GraphSnapshot {
  readonly ids: readonly string[];
  readonly asOfMs: number;
  readonly facts: Facts;
  readonly bad: Uint8Array;
  readonly edges: EdgeList;
  /** Entities (by index) sharing one identifier, one array per identifier used by two or more. */
  readonly identifierGroups: readonly (readonly number[])[];
}

/** What the graph analytics need of a snapshot (no facts: they stay with the caller). */
export type AnalyticsGraph = Pick<GraphSnapshot, 'ids' | 'bad' | 'edges' | 'identifierGroups'>;

/** One edge as handed to the builder. */
export interface EdgeInput {
  readonly src: number;
  readonly dst: number;
  readonly kind: EdgeKind;
  readonly amount: number;
  readonly first?: number;
  readonly last?: number;
}

/** Appends edges into doubling typed arrays; `finish()` returns a trimmed EdgeList. */
export class EdgeListBuilder {
  private size = 0;
  private src: Uint32Array;
  private dst: Uint32Array;
  private kind: Uint8Array;
  private amount: Float64Array;
  private first: Float64Array;
  private last: Float64Array;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity);
    this.src = new Uint32Array(c);
    this.dst = new Uint32Array(c);
    this.kind = new Uint8Array(c);
    this.amount = new Float64Array(c);
    this.first = new Float64Array(c);
    this.last = new Float64Array(c);
  }

  get length(): number {
    return this.size;
  }

  add(e: EdgeInput): void {
    if (this.size === this.src.length) this.grow();
    const i = this.size++;
    this.src[i] = e.src;
    this.dst[i] = e.dst;
    this.kind[i] = e.kind;
    this.amount[i] = e.amount;
    this.first[i] = e.first ?? NaN;
    this.last[i] = e.last ?? NaN;
  }

  finish(): EdgeList {
    const n = this.size;
    return {
      length: n,
      src: this.src.slice(0, n),
      dst: this.dst.slice(0, n),
      kind: this.kind.slice(0, n),
      amount: this.amount.slice(0, n),
      first: this.first.slice(0, n),
      last: this.last.slice(0, n),
    };
  }

  private grow(): void {
    const c = this.src.length * 2;
    const copy = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.src = copy(this.src, (n) => new Uint32Array(n));
    this.dst = copy(this.dst, (n) => new Uint32Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.amount = copy(this.amount, (n) => new Float64Array(n));
    this.first = copy(this.first, (n) => new Float64Array(n));
    this.last = copy(this.last, (n) => new Float64Array(n));
  }
}
