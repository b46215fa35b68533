/**
 * Per-snapshot indices the feature families share, computed once per as-of date: supply links by
 * supplier and by buyer, reports received and the record-based "bad" label of every entity, and
 * scratch arrays reused from one entity to the next (so computing every entity's features allocates
 * nothing per entity).
 */
import { recordedBad, reportCounts, type ReportCounts } from '../analytics/bad-entities.js';
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { LOAN_STATUS, type Facts } from '../analytics/facts.js';
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
  /** Outcomes on record before the as-of date: loans repaid (good); loans defaulted and flags (adverse). */
  readonly recordedOutcomes: { readonly good: Uint32Array; readonly adverse: Uint32Array };
  /** Time of each entity's first payment or rating before the as-of date (epoch ms; Infinity: none). */
  readonly firstEventAt: Float64Array;
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
    recordedOutcomes: recordedOutcomes(facts, asOfMs),
    firstEventAt: firstEventAt(facts, asOfMs),
    scratch: {
      stamp: 0,
      mark: new Int32Array(n).fill(-1),
      slot: new Int32Array(n),
      markOut: new Int32Array(n).fill(-1),
      markIn: new Int32Array(n).fill(-1),
    },
  };
}

/** Per entity, loans repaid before t (good) and loans defaulted plus flags raised before t (adverse). */
export function recordedOutcomes(facts: Facts, asOfMs: number): FactIndex['recordedOutcomes'] {
  const n = facts.kind.length;
  const good = new Uint32Array(n);
  const adverse = new Uint32Array(n);
  const l = facts.loans;
  for (let i = 0; i < l.length; i++) {
    const closed = l.closedAt[i]!;
    if (l.status[i] === LOAN_STATUS.repaid && closed < asOfMs) good[l.borrower[i]!]!++;
    if (l.status[i] === LOAN_STATUS.defaulted && (Number.isNaN(closed) ? l.dueAt[i]! : closed) < asOfMs) adverse[l.borrower[i]!]!++;
  }
  const f = facts.flags;
  for (let i = 0; i < f.length; i++) if (f.at[i]! < asOfMs) adverse[f.entity[i]!]!++;
  return { good, adverse };
}

/**
 * Each entity's first payment or rating (made or received) before `asOfMs`; Infinity when none. A small
 * snapshot's facts hold only part of a counterparty's history: its `firstSeenAt` completes them.
 */
export function firstEventAt(facts: Facts, asOfMs: number): Float64Array {
  const first = new Float64Array(facts.kind.length).fill(Infinity);
  const see = (v: number, at: number) => {
    if (at < asOfMs && at < first[v]!) first[v] = at;
  };
  const p = facts.payments;
  for (let i = 0; i < p.length; i++) {
    see(p.payer[i]!, p.at[i]!);
    see(p.payee[i]!, p.at[i]!);
  }
  const r = facts.ratings;
  for (let i = 0; i < r.length; i++) {
    see(r.rater[i]!, r.at[i]!);
    see(r.ratee[i]!, r.at[i]!);
  }
  const known = facts.firstSeenAt;
  if (known) for (let v = 0; v < first.length; v++) see(v, known[v]!);
  return first;
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
