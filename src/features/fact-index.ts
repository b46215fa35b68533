/**
 * Per-snapshot indices the feature families share, computed once per as-of date: supply links by
 * supplier and by buyer, reports received and the record-based "bad" label of every entity, and
 * scratch arrays reused from one entity to the next (so computing every entity's features allocates
 * nothing per entity).
 */
import { recordedBad, reportCounts, type ReportCounts } from '../analytics/bad-entities.js';
import type { GraphSnapshot } from '../analytics/edge-list.js';
import type { Facts } from '../analytics/facts.js';
import { countingSortBy } from '../analytics/sort-order.js';

export const DAY_MS = 86_400_000;

export interface FactIndex {
  readonly snapshot: GraphSnapshot;
  readonly facts: Facts;
  readonly n: number;
  readonly asOfMs: number;
  /** Supply links by supplier (indices into facts.supplies) and by buyer. */
  readonly suppliesOut: { readonly order: Uint32Array; readonly offsets: Uint32Array };
  readonly suppliesIn: { readonly order: Uint32Array; readonly offsets: Uint32Array };
  readonly reports: ReportCounts;
  /** Flagged or defaulted before the as-of date. */
  readonly recordedBad: Uint8Array;
  readonly scratch: Scratch;
}

/** Arrays of length n reused across entities: `mark[x] === stamp` means "x seen for this entity". */
export interface Scratch {
  stamp: number;
  readonly mark: Int32Array;
  readonly slot: Int32Array;
  readonly markOut: Int32Array;
  readonly markIn: Int32Array;
}

export function buildFactIndex(snapshot: GraphSnapshot, asOfMs: number): FactIndex {
  const facts = snapshot.facts;
  const n = snapshot.ids.length;
  const s = facts.supplies;
  const all = Uint32Array.from({ length: s.length }, (_, i) => i);
  return {
    snapshot,
    facts,
    n,
    asOfMs,
    suppliesOut: countingSortBy(all, s.supplier, n),
    suppliesIn: countingSortBy(all, s.buyer, n),
    reports: reportCounts(facts, asOfMs),
    recordedBad: recordedBad(facts, asOfMs),
    scratch: {
      stamp: 0,
      mark: new Int32Array(n).fill(-1),
      slot: new Int32Array(n),
      markOut: new Int32Array(n).fill(-1),
      markIn: new Int32Array(n).fill(-1),
    },
  };
}

/** First position in sorted `times[from..to)` (through `at(i)`) whose value is ≥ t. */
export function firstAtOrAfter(at: (i: number) => number, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The event ranges of entity v before the as-of date, as index ranges into the fact arrays. */
export interface EntityEvents {
  /** Payments made: facts.payments indices [outStart, outEnd). */
  readonly outStart: number;
  readonly outEnd: number;
  /** Payments received: positions [inStart, inEnd) of facts.payments.inOrder. */
  readonly inStart: number;
  readonly inEnd: number;
  /** Ratings given: facts.ratings indices. */
  readonly givenStart: number;
  readonly givenEnd: number;
  /** Ratings received: positions of facts.ratings.inOrder. */
  readonly gotStart: number;
  readonly gotEnd: number;
}

export function entityEvents(ix: FactIndex, v: number): EntityEvents {
  const p = ix.facts.payments;
  const r = ix.facts.ratings;
  const t = ix.asOfMs;
  const outStart = p.payerOffsets[v]!;
  const inStart = p.payeeOffsets[v]!;
  const givenStart = r.raterOffsets[v]!;
  const gotStart = r.rateeOffsets[v]!;
  return {
    outStart,
    outEnd: firstAtOrAfter((i) => p.at[i]!, outStart, p.payerOffsets[v + 1]!, t),
    inStart,
    inEnd: firstAtOrAfter((i) => p.at[p.inOrder[i]!]!, inStart, p.payeeOffsets[v + 1]!, t),
    givenStart,
    givenEnd: firstAtOrAfter((i) => r.at[i]!, givenStart, r.raterOffsets[v + 1]!, t),
    gotStart,
    gotEnd: firstAtOrAfter((i) => r.at[r.inOrder[i]!]!, gotStart, r.rateeOffsets[v + 1]!, t),
  };
}
