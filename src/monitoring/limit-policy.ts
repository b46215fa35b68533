/**
 * The limit that moves with the borrower's behaviour after the loan, week by week from origination:
 *   limit(w) = base × inflow × customers × badExposure × communityRisk, where
 *     base          the loan amount (the limit granted at origination);
 *     inflow        clamp(recentInflow(w) / baselineInflow, inflowFactorMin, inflowFactorMax)
 *                   (1 when the baseline had no inflow);
 *     customers     perLostCustomer ^ lostCustomers(w);
 *     badExposure   1 − badExposureSlope × (badShare(w) − baselineBadShare), when that rise is > 0;
 *     communityRisk 1 − communityRiskSlope × communityRiskChange(w), when that rise is > 0;
 *   (each of the last two floored at 1 − maxCut). While an alert raised at or before the week's end is
 *   open, the limit is at most base × alertCap[worst severity] (high: 0) and never above the previous
 *   week's limit (the first week's previous limit is the base): an open alert never lets it rise.
 *   Limits are rounded down to a multiple of `roundTo`.
 */
import type { Behaviour, BehaviourWeek } from './behaviour-series.js';
import { severityRank, type LimitPolicyOptions, type Severity } from './monitoring-options.js';
import type { FundsAlert } from './use-of-funds.js';

export interface LimitFactor {
  readonly name: 'inflow' | 'lostCustomers' | 'badExposure' | 'communityRisk' | 'alert';
  readonly factor: number;
}

export interface MovingLimit {
  /** Minor units. */
  readonly base: number;
  readonly amount: number;
  /** The factors that moved it (those ≠ 1), in the order applied. */
  readonly factors: readonly LimitFactor[];
  /** The worst open alert's severity, or null. */
  readonly alertSeverity: Severity | null;
}

function behaviourFactors(b: Behaviour, w: BehaviourWeek, o: LimitPolicyOptions): LimitFactor[] {
  const ratio = b.baselineInflow > 0 ? w.recentInflow / b.baselineInflow : 1;
  const cut = (slope: number, rise: number | null) => (rise !== null && rise > 0 ? Math.max(1 - o.maxCut, 1 - slope * rise) : 1);
  const factors: LimitFactor[] = [
    { name: 'inflow', factor: Math.min(o.inflowFactorMax, Math.max(o.inflowFactorMin, ratio)) },
    { name: 'lostCustomers', factor: o.perLostCustomer ** w.lostCustomers },
    { name: 'badExposure', factor: cut(o.badExposureSlope, w.badShare - b.baselineBadShare) },
    { name: 'communityRisk', factor: cut(o.communityRiskSlope, w.communityRiskChange) },
  ];
  return factors.filter((f) => f.factor !== 1);
}

/** The limit of every week from origination (week ≥ 0) in order; the last one is the current limit. */
export function movingLimits(base: number, behaviour: Behaviour, alerts: readonly FundsAlert[], o: LimitPolicyOptions): MovingLimit[] {
  const limits: MovingLimit[] = [];
  let previous = base;
  for (const w of behaviour.weeks) {
    if (w.week < 0) continue;
    const factors = behaviourFactors(behaviour, w, o);
    let amount = factors.reduce((a, f) => a * f.factor, base);
    const open = alerts.filter((a) => a.at <= w.end);
    const worst = open.reduce<Severity | null>((s, a) => (s === null || severityRank(a.severity) > severityRank(s) ? a.severity : s), null);
    if (worst !== null) {
      const capped = Math.min(amount, base * o.alertCap[worst], previous);
      if (capped < amount) factors.push({ name: 'alert', factor: amount > 0 ? capped / amount : 0 });
      amount = capped;
    }
    const rounded = Math.max(0, Math.floor(amount / o.roundTo) * o.roundTo);
    limits.push({ base, amount: rounded, factors, alertSeverity: worst });
    previous = rounded;
  }
  return limits;
}
