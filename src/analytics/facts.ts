/**
 * The facts of a snapshot as typed arrays, for the pure code that derives features, labels and
 * post-loan monitoring from them. Entities are the snapshot's dense indices (see GraphSnapshot.ids).
 * Times are epoch milliseconds (UTC), NaN when unknown; amounts are integer minor units held in
 * float64 (exact below 2^53) with a currency index into `currencies`.
 *
 * Every event array is sorted by (the first entity column, time), so one entity's events are a
 * contiguous run found through the matching `*Offsets` array (length n + 1) — a CSR layout.
 */

/** Payment events (PAID), sorted by (payer, at); `inOrder` lists them sorted by (payee, at). */
export interface PaymentEvents {
  readonly length: number;
  readonly payer: Uint32Array;
  readonly payee: Uint32Array;
  readonly at: Float64Array;
  readonly amount: Float64Array;
  readonly currency: Uint16Array;
  /** Row v: events v paid are payerOffsets[v] .. payerOffsets[v + 1] − 1. */
  readonly payerOffsets: Uint32Array;
  /** Event indices sorted by (payee, at); row v of `payeeOffsets` indexes into it. */
  readonly inOrder: Uint32Array;
  readonly payeeOffsets: Uint32Array;
}

/** Counterparty-reported outcomes (RATED, rating −10..10), sorted by (rater, at); `inOrder` by (ratee, at). */
export interface RatingEvents {
  readonly length: number;
  readonly rater: Uint32Array;
  readonly ratee: Uint32Array;
  readonly rating: Int8Array;
  readonly at: Float64Array;
  readonly raterOffsets: Uint32Array;
  readonly inOrder: Uint32Array;
  readonly rateeOffsets: Uint32Array;
}

export const LOAN_STATUS = { current: 0, late: 1, defaulted: 2, repaid: 3 } as const;
export type LoanStatusCode = (typeof LOAN_STATUS)[keyof typeof LOAN_STATUS];

/** Loans, sorted by (borrower, openedAt). */
export interface LoanFacts {
  readonly length: number;
  readonly ids: readonly string[];
  readonly borrower: Uint32Array;
  /** The lending entity's index, −1 when the record names none. */
  readonly lender: Int32Array;
  readonly amount: Float64Array;
  readonly currency: Uint16Array;
  readonly openedAt: Float64Array;
  readonly dueAt: Float64Array;
  /** NaN while open. */
  readonly closedAt: Float64Array;
  /** NaN when the record has no disbursement time (use openedAt or a lender payment). */
  readonly disbursedAt: Float64Array;
  readonly status: Uint8Array;
  readonly borrowerOffsets: Uint32Array;
}

/** Fraud or analyst flags, sorted by (entity, at). */
export interface FlagFacts {
  readonly length: number;
  readonly entity: Uint32Array;
  readonly at: Float64Array;
  /** Index into `reasons`. */
  readonly reason: Uint16Array;
  readonly entityOffsets: Uint32Array;
}

/** Person → business ownership or directorship (OWNS, DIRECTS), sorted by person. */
export interface OwnershipFacts {
  readonly length: number;
  readonly person: Uint32Array;
  readonly business: Uint32Array;
  readonly since: Float64Array;
}

/** Supply links (SUPPLIES: supplier → buyer), one per pair, sorted by supplier. */
export interface SupplyFacts {
  readonly length: number;
  readonly supplier: Uint32Array;
  readonly buyer: Uint32Array;
  /** Start of the relationship, NaN when unknown. */
  readonly since: Float64Array;
  /** Yearly volume in minor units, NaN when unknown. */
  readonly volume: Float64Array;
}

export const ENTITY_KIND = { unknown: 0, business: 1, person: 2 } as const;

/** Everything the pure code may know about the snapshot's entities, besides the trading edges. */
export interface Facts {
  /** Entity kind codes (ENTITY_KIND). */
  readonly kind: Uint8Array;
  /** When the entity's account or business was opened (its record's openedAt), NaN when unknown. */
  readonly openedAt: Float64Array;
  readonly payments: PaymentEvents;
  readonly ratings: RatingEvents;
  readonly loans: LoanFacts;
  readonly flags: FlagFacts;
  readonly ownerships: OwnershipFacts;
  readonly supplies: SupplyFacts;
  /** Currency codes by index (ISO 4217). */
  readonly currencies: readonly string[];
  /** Flag reasons by index. */
  readonly reasons: readonly string[];
  /**
   * Each entity's first payment or rating as its source knows it (epoch ms, NaN: unknown), when the events
   * above are only part of its history (a small snapshot read around a few entities); absent when they are
   * all of it.
   */
  readonly firstSeenAt?: Float64Array;
}
