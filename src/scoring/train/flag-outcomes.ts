/**
 * Fraud labels from flags around an observation date: every entity active before the date (a payment
 * or rating, made or received) and not flagged before it is labelled; bad = flagged within
 * [asOf, asOf + horizon). Entities flagged before the date are left out (they are known already).
 */
import type { Facts } from '../../analytics/facts.js';
import type { LoanOutcome } from './loan-outcomes.js';

export function flagOutcomes(facts: Facts, asOfMs: number, horizonMs: number): LoanOutcome[] {
  const n = facts.kind.length;
  const active = new Uint8Array(n);
  const p = facts.payments;
  for (let i = 0; i < p.length; i++) {
    if (p.at[i]! < asOfMs) active[p.payer[i]!] = active[p.payee[i]!] = 1;
  }
  const r = facts.ratings;
  for (let i = 0; i < r.length; i++) {
    if (r.at[i]! < asOfMs) active[r.rater[i]!] = active[r.ratee[i]!] = 1;
  }
  const f = facts.flags;
  const out: LoanOutcome[] = [];
  for (let v = 0; v < n; v++) {
    if (!active[v]) continue;
    let before = false;
    let within = false;
    for (let i = f.entityOffsets[v]!; i < f.entityOffsets[v + 1]!; i++) {
      if (f.at[i]! < asOfMs) before = true;
      else if (f.at[i]! < asOfMs + horizonMs) within = true;
    }
    if (!before) out.push({ entity: v, bad: within });
  }
  return out;
}
