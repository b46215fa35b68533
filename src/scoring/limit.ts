/**
 * Credit-limit policy (documented in README "Scores"):
 *   PD above the cut-off                    → limit 0, reason PD_ABOVE_CUTOFF
 *   no positive net inflow over 90 days     → limit 0, reason NO_NET_INFLOW
 *   otherwise limit = monthly net inflow × maxMonths × (1 − PD / cut-off),
 *             rounded down to `roundTo`, capped at `maxAmount`.
 * Monthly net inflow = net inflow over the last 90 days / 3. Amounts are integer minor units of the
 * entity's main currency (the policy's cap is applied in that currency's minor units).
 * The multiple falls linearly from `maxMonths` at PD 0 to 0 at the cut-off, so a riskier entity
 * never gets a larger limit for the same cash flow.
 */

import { money } from './reason-texts.js';

export interface LimitPolicy {
  /** PD above which no credit is offered (0..1). */
  readonly pdCutoff: number;
  /** Months of net inflow lent at PD 0. */
  readonly maxMonths: number;
  /** Cap (minor units). */
  readonly maxAmount: number;
  /** Rounding step (minor units). */
  readonly roundTo: number;
}

export const DEFAULT_LIMIT_POLICY: LimitPolicy = Object.freeze({
  pdCutoff: 0.15,
  maxMonths: 3,
  maxAmount: 50_000_00,
  roundTo: 100_00,
});

export interface CreditLimit {
  /** Minor units of `currency`; 0 when declined. */
  readonly amount: number;
  /** The entity's main currency (the one its inflow is counted in), or null when it has no payments. */
  readonly currency: string | null;
  readonly monthlyNetInflow: number;
  readonly multiple: number;
  readonly pdCutoff: number;
  /** Why the limit is zero (or capped); null when the formula applied uncapped. */
  readonly reason: { readonly code: string; readonly text: string } | null;
}

/** The limit for a PD and the net inflow of the last 90 days (minor units of `currency`; null = unknown). */
export function creditLimit(
  pd: number,
  netInflow90: number | null,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
  currency: string | null = null,
): CreditLimit {
  const monthlyNetInflow = Math.max(0, Math.floor((netInflow90 ?? 0) / 3));
  const base = { monthlyNetInflow, pdCutoff: policy.pdCutoff, currency };
  if (pd > policy.pdCutoff) {
    const text = `PD ${(pd * 100).toFixed(1)}% is above the cut-off of ${(policy.pdCutoff * 100).toFixed(1)}%`;
    return { ...base, amount: 0, multiple: 0, reason: { code: 'PD_ABOVE_CUTOFF', text } };
  }
  const multiple = policy.maxMonths * (1 - pd / policy.pdCutoff);
  if (monthlyNetInflow <= 0) {
    return {
      ...base,
      amount: 0,
      multiple,
      reason: { code: 'NO_NET_INFLOW', text: 'no positive net inflow over the last 90 days' },
    };
  }
  const raw = Math.floor((monthlyNetInflow * multiple) / policy.roundTo) * policy.roundTo;
  if (raw > policy.maxAmount) {
    return {
      ...base,
      amount: policy.maxAmount,
      multiple,
      reason: { code: 'LIMIT_CAPPED', text: `capped at ${money(policy.maxAmount, currency)}` },
    };
  }
  return { ...base, amount: raw, multiple, reason: null };
}
