/**
 * An entity's money as a first-in-first-out queue of lots: each incoming payment appends a lot, each
 * outgoing payment takes from the front. A lot is either the entity's own money (`path` null) or loan
 * money with the path it took from the borrower. This is the "first in, first out" tracing rule of
 * forensic accounting (Clayton's Case, Devaynes v Noble, 1816): money paid out is the money that came
 * in earliest, so money that arrived before the loan is spent before the loan's.
 */

/** Entity indices from the borrower (first) to the entity holding the lot (last). */
export type Path = readonly number[];

export interface Lot {
  amount: number;
  readonly path: Path | null;
}

export class LotQueue {
  private lots: Lot[] = [];
  private head = 0;
  /** Sum of every lot (minor units). */
  total = 0;
  /** Sum of the loan-money lots. */
  tainted = 0;

  /** Appends money; adjacent own-money lots merge. */
  put(amount: number, path: Path | null): void {
    if (!(amount > 0)) return;
    const last = this.lots.length > this.head ? this.lots[this.lots.length - 1]! : null;
    if (path === null && last && last.path === null) last.amount += amount;
    else this.lots.push({ amount, path });
    this.total += amount;
    if (path) this.tainted += amount;
  }

  /**
   * Takes `amount` from the front. Returns the pieces taken, in order; a payment larger than the queue
   * takes the rest from outside the observed network, returned as one own-money piece at the end.
   */
  take(amount: number): Lot[] {
    const pieces: Lot[] = [];
    let left = amount;
    while (left > 0 && this.head < this.lots.length) {
      const lot = this.lots[this.head]!;
      const part = Math.min(left, lot.amount);
      pieces.push({ amount: part, path: lot.path });
      lot.amount -= part;
      left -= part;
      this.total -= part;
      if (lot.path) this.tainted -= part;
      if (lot.amount <= 0) this.head++;
    }
    if (left > 0) pieces.push({ amount: left, path: null });
    if (this.head > 64 && this.head * 2 > this.lots.length) {
      this.lots = this.lots.slice(this.head);
      this.head = 0;
    }
    return pieces;
  }

  /** The loan-money lots still held, front first. */
  taintedLots(): Lot[] {
    return this.lots.slice(this.head).filter((l) => l.path !== null && l.amount > 0);
  }
}
