/**
 * The project's one definition of "bad" (src/analytics/bad-entities.ts), answerable at any time t
 * without a pass over every entity: flagged or defaulted before t (the earliest such time is kept per
 * entity), or mostly adversely reported before t (cumulative counts of the ratings each entity
 * received, found by binary search). `isBad(v, t)` equals `badEntities(facts, t)[v]`.
 */
import { mostlyAdverse } from '../analytics/bad-entities.js';
import { LOAN_STATUS, type Facts } from '../analytics/facts.js';

export class BadAt {
  /** Earliest flag or default of each entity (+Infinity: none). */
  readonly recordedSince: Float64Array;
  /** Entities that received at least one adverse rating (the only ones whose reports can make them bad). */
  readonly reported: readonly number[];
  private readonly positive: Uint32Array;
  private readonly negative: Uint32Array;

  constructor(private readonly facts: Facts) {
    const n = facts.kind.length;
    this.recordedSince = new Float64Array(n).fill(Infinity);
    const { flags, loans, ratings } = facts;
    for (let i = 0; i < flags.length; i++) this.earlier(flags.entity[i]!, flags.at[i]!);
    for (let k = 0; k < loans.length; k++) {
      if (loans.status[k] !== LOAN_STATUS.defaulted) continue;
      this.earlier(loans.borrower[k]!, Number.isNaN(loans.closedAt[k]!) ? loans.dueAt[k]! : loans.closedAt[k]!);
    }
    // cumulative counts along inOrder (by ratee, then time): position k counts ratings up to k of its ratee
    this.positive = new Uint32Array(ratings.length);
    this.negative = new Uint32Array(ratings.length);
    const reported: number[] = [];
    for (let v = 0; v < n; v++) {
      let pos = 0;
      let neg = 0;
      for (let k = ratings.rateeOffsets[v]!; k < ratings.rateeOffsets[v + 1]!; k++) {
        const rating = ratings.rating[ratings.inOrder[k]!]!;
        if (rating > 0) pos++;
        else if (rating < 0) neg++;
        this.positive[k] = pos;
        this.negative[k] = neg;
      }
      if (neg > 0) reported.push(v);
    }
    this.reported = reported;
  }

  private earlier(v: number, at: number): void {
    if (at < this.recordedSince[v]!) this.recordedSince[v] = at;
  }

  /** Whether the ratings v received strictly before t are mostly adverse. */
  reportedBad(v: number, t: number): boolean {
    const r = this.facts.ratings;
    let lo = r.rateeOffsets[v]!;
    let hi = r.rateeOffsets[v + 1]!;
    if (lo === hi) return false;
    const from = lo;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r.at[r.inOrder[mid]!]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > from && mostlyAdverse(this.positive[lo - 1]!, this.negative[lo - 1]!);
  }

  /** Whether v is bad as of t. */
  isBad(v: number, t: number): boolean {
    return this.recordedSince[v]! < t || this.reportedBad(v, t);
  }
}
