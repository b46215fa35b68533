/**
 * AUC of one signal alone, oriented by its known risk direction (a 'riskier' signal is negated so that
 * higher always means safer). Missing values are imputed with the median of the present ones, so an
 * entity without the signal counts as average rather than being dropped.
 */
import type { RiskDirection } from '../features.js';
import type { Rng } from '../rng.js';
import { auc, bootstrapAuc } from '../validate/metrics.js';

export interface SignalAuc {
  readonly auc: number;
  readonly ci95: { readonly low: number; readonly high: number };
  /** Share of rows where the signal is present. */
  readonly coverage: number;
}

export function orientedValues(values: ReadonlyArray<number | null>, direction: RiskDirection): number[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const median = present.length ? present[Math.floor(present.length / 2)]! : 0;
  const sign = direction === 'riskier' ? -1 : 1;
  return values.map((v) => sign * (v === null || !Number.isFinite(v) ? median : v));
}

export function signalAuc(
  values: ReadonlyArray<number | null>,
  good: readonly boolean[],
  direction: RiskDirection,
  rng: Rng,
  samples = 1000,
): SignalAuc {
  const oriented = orientedValues(values, direction);
  const coverage = values.length
    ? values.filter((v) => v !== null && Number.isFinite(v)).length / values.length
    : 0;
  return { auc: auc(oriented, good), ci95: bootstrapAuc(oriented, good, rng, samples), coverage };
}
