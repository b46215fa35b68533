/**
 * Training labels from loan outcomes around an observation date: one label per borrower. Borrowers that
 * had already defaulted before the date are left out; bad = a loan defaulted within [asOf, asOf +
 * horizon). The default date of a loan is its closing date, or its due date when it has none. Only
 * loans opened before the end of the horizon count.
 */
import { LOAN_STATUS, type Facts } from '../../analytics/facts.js';

export interface LoanOutcome {
  /** Snapshot index of the borrower. */
  readonly entity: number;
  readonly bad: boolean;
}

export function loanOutcomes(facts: Facts, asOfMs: number, horizonMs: number): LoanOutcome[] {
  const l = facts.loans;
  const out: LoanOutcome[] = [];
  const n = facts.kind.length;
  for (let v = 0; v < n; v++) {
    let borrowed = false;
    let before = false;
    let within = false;
    for (let i = l.borrowerOffsets[v]!; i < l.borrowerOffsets[v + 1]!; i++) {
      if (!(l.openedAt[i]! < asOfMs + horizonMs)) continue;
      borrowed = true;
      if (l.status[i] !== LOAN_STATUS.defaulted) continue;
      const at = Number.isNaN(l.closedAt[i]!) ? l.dueAt[i]! : l.closedAt[i]!;
      if (at < asOfMs) before = true;
      else if (at < asOfMs + horizonMs) within = true;
    }
    if (borrowed && !before) out.push({ entity: v, bad: within });
  }
  return out;
}
