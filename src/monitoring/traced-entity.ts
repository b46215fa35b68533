/**
 * One entity on a loan's trace: its FIFO queue of money and its read positions in its time-sorted
 * outgoing and incoming payments. Its own balance when loan money first reaches it at time t comes
 * from replaying its payments of the look-back period before t on an empty queue ("catch-up"); while
 * it holds no loan money it is dormant (its payments are not followed one by one) and catches up the
 * same way when loan money reaches it again.
 */
import type { PaymentEvents } from '../analytics/facts.js';
import { LotQueue } from './lot-queue.js';

/** Which payments a trace reads: one currency, some events excluded (the disbursement's own). */
export interface EventFilter {
  readonly currency: number;
  readonly excluded: ReadonlySet<number>;
}

/** First position in [from, to) whose event time (through `eventAt`) is ≥ t. */
function lowerBound(from: number, to: number, t: number, eventAt: (pos: number) => number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (eventAt(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TracedEntity {
  readonly queue = new LotQueue();
  /** Position in payer order (event index) of the next outgoing payment not yet applied. */
  outPos: number;
  readonly outEnd: number;
  /** Position in `inOrder` of the next incoming payment not yet applied. */
  inPos: number;
  readonly inEnd: number;
  /** Whether its payments are followed one by one (it holds loan money, or is being brought up to date). */
  active = false;

  constructor(
    readonly v: number,
    /** Fewest hops from the borrower at which loan money reached it. */
    public hop: number,
    private readonly p: PaymentEvents,
    private readonly filter: EventFilter,
    startMs: number,
  ) {
    this.outPos = lowerBound(p.payerOffsets[v]!, p.payerOffsets[v + 1]!, startMs, (e) => p.at[e]!);
    this.outEnd = p.payerOffsets[v + 1]!;
    this.inPos = lowerBound(p.payeeOffsets[v]!, p.payeeOffsets[v + 1]!, startMs, (k) => p.at[p.inOrder[k]!]!);
    this.inEnd = p.payeeOffsets[v + 1]!;
  }

  /** Whether the trace reads event e (its currency, not excluded, not a self-payment). */
  reads(e: number): boolean {
    const p = this.p;
    return p.currency[e] === this.filter.currency && !this.filter.excluded.has(e) && p.payer[e] !== p.payee[e];
  }

  /** Skips unread events; returns the next outgoing event (or −1). */
  peekOut(): number {
    while (this.outPos < this.outEnd && !this.reads(this.outPos)) this.outPos++;
    return this.outPos < this.outEnd ? this.outPos : -1;
  }

  /** Skips unread events; returns the next incoming event (or −1). */
  peekIn(): number {
    while (this.inPos < this.inEnd && !this.reads(this.p.inOrder[this.inPos]!)) this.inPos++;
    return this.inPos < this.inEnd ? this.p.inOrder[this.inPos]! : -1;
  }

  /** Time of its next payment in or out (Infinity when none). */
  nextTime(): number {
    const o = this.peekOut();
    const i = this.peekIn();
    return Math.min(o < 0 ? Infinity : this.p.at[o]!, i < 0 ? Infinity : this.p.at[i]!);
  }

  /**
   * Applies every payment before `t` as own money, in time order (incoming first on ties). The queue
   * holds no loan money while this runs, so only the balance changes.
   */
  catchUpBefore(t: number): void {
    const p = this.p;
    for (;;) {
      const o = this.peekOut();
      const i = this.peekIn();
      const to = o < 0 ? Infinity : p.at[o]!;
      const ti = i < 0 ? Infinity : p.at[i]!;
      if (Math.min(to, ti) >= t) return;
      if (ti <= to) {
        this.queue.put(p.amount[i]!, null);
        this.inPos++;
      } else {
        this.queue.take(p.amount[o]!);
        this.outPos++;
      }
    }
  }
}
