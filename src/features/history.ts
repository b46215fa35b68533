/**
 * Repayment-history features of one entity as of a date: its loans (repaid, late, defaulted, current),
 * the outcomes its counterparties reported (ratings received), the outcomes it reported about them
 * (ratings given) and the flags raised on it. Only facts
 * dated before the as-of date count: a loan repaid or defaulted later is still open then.
 */
import { LOAN_STATUS } from '../analytics/facts.js';
import type { FeatureEvidence } from './evidence.js';
import type { EntityEvents, FactIndex } from './fact-index.js';
import type { FeatureWriter } from './feature-writer.js';

/** Flag reasons named in the evidence. */
const EVIDENCE_REASONS = 5;

export type HistoryFacts = Pick<FeatureEvidence, 'loans' | 'reported' | 'flagReasons'>;

/** The state of loan i at time t, or null when it was not yet opened. */
export function loanStateAt(ix: FactIndex, i: number, t: number): keyof FeatureEvidence['loans'] | null {
  const l = ix.facts.loans;
  if (!(l.openedAt[i]! < t)) return null;
  const status = l.status[i]!;
  const closed = l.closedAt[i]!;
  if (status === LOAN_STATUS.repaid && closed < t) return 'repaid';
  if (status === LOAN_STATUS.defaulted && (Number.isNaN(closed) ? l.dueAt[i]! : closed) < t) return 'defaulted';
  if (status !== LOAN_STATUS.current && l.dueAt[i]! < t) return 'late';
  return 'current';
}

export function historyFeatures(ix: FactIndex, v: number, ev: EntityEvents, out: FeatureWriter): HistoryFacts {
  const t = ix.asOfMs;
  const { loans: l, ratings: r, flags: f } = ix.facts;
  const loans = { repaid: 0, late: 0, defaulted: 0, current: 0 };
  for (let i = l.borrowerOffsets[v]!; i < l.borrowerOffsets[v + 1]!; i++) {
    const state = loanStateAt(ix, i, t);
    if (state) loans[state]++;
  }
  let positive = 0;
  let negative = 0;
  let worst = 0;
  let worstBy: string | null = null;
  for (let q = ev.gotStart; q < ev.gotEnd; q++) {
    const i = r.inOrder[q]!;
    const rating = r.rating[i]!;
    if (rating > 0) positive++;
    else if (rating < 0) negative++;
    if (rating < worst) {
      worst = rating;
      worstBy = ix.snapshot.ids[r.rater[i]!]!;
    }
  }
  let givenPositive = 0;
  let givenNegative = 0;
  for (let i = ev.givenStart; i < ev.givenEnd; i++) {
    if (r.ratee[i] === v) continue;
    if (r.rating[i]! > 0) givenPositive++;
    else if (r.rating[i]! < 0) givenNegative++;
  }
  const given = givenPositive + givenNegative;
  out.set('givenAdverseShare', given > 0 ? givenNegative / given : null);
  const reasons: string[] = [];
  for (let i = f.entityOffsets[v]!; i < f.entityOffsets[v + 1]! && f.at[i]! < t; i++) reasons.push(ix.facts.reasons[f.reason[i]!]!);
  out.set('loansRepaid', loans.repaid).set('loansLate', loans.late).set('loansDefaulted', loans.defaulted);
  const reports = positive + negative;
  out.set('reportedCount', reports).set('reportedNegativeShare', reports > 0 ? negative / reports : null);
  out.set('flags', reasons.length);
  return { loans, reported: { positive, negative, worstBy }, flagReasons: [...new Set(reasons)].slice(0, EVIDENCE_REASONS) };
}
