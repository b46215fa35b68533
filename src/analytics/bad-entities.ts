/**
 * The one definition of a "bad" entity, used by the metrics run (exposure seeds, community risk,
 * rings, nearest bad entity), by every feature that looks at counterparties, by training and by
 * evaluation. As of a time t, an entity is bad when, strictly before t,
 *   - it was flagged (fraud or analyst flag), or
 *   - one of its loans defaulted (a loan now in status `defaulted`, from its closing date, or from its
 *     due date when it has none), or
 *   - the outcomes its counterparties reported are mostly adverse: more negative than positive ratings
 *     received (SNAP signed networks: a negative rating is like an unpaid invoice).
 * Facts dated at or after t never count, so a past as-of date sees only what was known then.
 */
import { LOAN_STATUS, type Facts } from './facts.js';

/** Ratings each entity received strictly before `asOfMs`, split by sign (0 counts as neither). */
export interface ReportCounts {
  readonly positive: Uint32Array;
  readonly negative: Uint32Array;
}

/** Counts of received ratings before `asOfMs`. */
export function reportCounts(facts: Facts, asOfMs: number): ReportCounts {
  const r = facts.ratings;
  const n = facts.kind.length;
  const positive = new Uint32Array(n);
  const negative = new Uint32Array(n);
  for (let i = 0; i < r.length; i++) {
    if (!(r.at[i]! < asOfMs)) continue;
    const rating = r.rating[i]!;
    if (rating > 0) positive[r.ratee[i]!]!++;
    else if (rating < 0) negative[r.ratee[i]!]!++;
  }
  return { positive, negative };
}

/** 1 for an entity flagged or defaulted before `asOfMs` (the record-based part of "bad"). */
export function recordedBad(facts: Facts, asOfMs: number): Uint8Array {
  const bad = new Uint8Array(facts.kind.length);
  const f = facts.flags;
  for (let i = 0; i < f.length; i++) if (f.at[i]! < asOfMs) bad[f.entity[i]!] = 1;
  const l = facts.loans;
  for (let i = 0; i < l.length; i++) {
    if (l.status[i] !== LOAN_STATUS.defaulted) continue;
    const when = Number.isNaN(l.closedAt[i]!) ? l.dueAt[i]! : l.closedAt[i]!;
    if (when < asOfMs) bad[l.borrower[i]!] = 1;
  }
  return bad;
}

/** Whether reports make an entity bad: more adverse than positive ones. */
export function mostlyAdverse(positive: number, negative: number): boolean {
  return negative > positive;
}

/** 1 for every entity that is bad as of `asOfMs` (the definition above). */
export function badEntities(facts: Facts, asOfMs: number): Uint8Array {
  const bad = recordedBad(facts, asOfMs);
  const { positive, negative } = reportCounts(facts, asOfMs);
  for (let v = 0; v < bad.length; v++) if (!bad[v] && mostlyAdverse(positive[v]!, negative[v]!)) bad[v] = 1;
  return bad;
}
