/**
 * When and how much of a loan reached its borrower:
 * - the loan record's `disbursedAt`: the loan amount at that time; a payment from the lender to the
 *   borrower (loan currency) within a day of it is that disbursement's payment, not other money;
 * - else, with a lender on the record: its first payment to the borrower in the loan's currency from
 *   `disbursementBeforeDays` before `openedAt` to `disbursementAfterDays` after it (time and amount);
 * - else the loan has no disbursement and its funds are not traced.
 */
import type { Facts } from '../analytics/facts.js';
import { DAY_MS, type MonitoringOptions } from './monitoring-options.js';

export interface Disbursement {
  /** Epoch ms. */
  readonly at: number;
  /** Minor units. */
  readonly amount: number;
  readonly source: 'record' | 'lender-payment';
  /** Payment events that delivered it (excluded from the borrower's other money). */
  readonly events: readonly number[];
}

/** Lender → borrower payment events in the loan's currency with time in [from, to]. */
function lenderPayments(facts: Facts, loan: number, from: number, to: number): number[] {
  const { loans, payments: p } = facts;
  const lender = loans.lender[loan]!;
  if (lender < 0) return [];
  const found: number[] = [];
  for (let e = p.payerOffsets[lender]!; e < p.payerOffsets[lender + 1]!; e++) {
    const at = p.at[e]!;
    if (at > to) break;
    if (at >= from && p.payee[e] === loans.borrower[loan] && p.currency[e] === loans.currency[loan]) found.push(e);
  }
  return found;
}

export function findDisbursement(facts: Facts, loan: number, options: MonitoringOptions): Disbursement | null {
  const { loans, payments } = facts;
  const recorded = loans.disbursedAt[loan]!;
  if (!Number.isNaN(recorded)) {
    return { at: recorded, amount: loans.amount[loan]!, source: 'record', events: lenderPayments(facts, loan, recorded - DAY_MS, recorded + DAY_MS) };
  }
  const opened = loans.openedAt[loan]!;
  if (Number.isNaN(opened)) return null;
  const [first] = lenderPayments(facts, loan, opened - options.disbursementBeforeDays * DAY_MS, opened + options.disbursementAfterDays * DAY_MS);
  if (first === undefined) return null;
  return { at: payments.at[first]!, amount: payments.amount[first]!, source: 'lender-payment', events: [first] };
}
