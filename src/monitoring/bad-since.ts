/**
 * When each entity became "bad": its first flag, or the default of one of its loans (closedAt, else
 * dueAt), whichever is earlier; +Infinity when never. An entity is bad at time t when badSince < t.
 *
 * TODO(lead): this is the local stand-in for the project's one definition of "bad" over Facts; replace
 * its body with a call to that function when it lands (same meaning: flagged or defaulted before t).
 */
import { LOAN_STATUS, type Facts } from '../analytics/facts.js';

export function badSince(facts: Facts, n: number): Float64Array {
  const since = new Float64Array(n).fill(Infinity);
  const { flags, loans } = facts;
  for (let i = 0; i < flags.length; i++) {
    const v = flags.entity[i]!;
    const at = flags.at[i]!;
    if (at < since[v]!) since[v] = at;
  }
  for (let k = 0; k < loans.length; k++) {
    if (loans.status[k] !== LOAN_STATUS.defaulted) continue;
    const closed = loans.closedAt[k]!;
    const at = Number.isNaN(closed) ? loans.dueAt[k]! : closed;
    const v = loans.borrower[k]!;
    if (at < since[v]!) since[v] = at;
  }
  return since;
}
