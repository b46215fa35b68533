/**
 * The whole score of one entity from its features: scorecard → PD → band → dimensions → reasons →
 * credit limit. Pure; the caller adds run id, as-of date and staleness.
 */
import type { Features } from './features.js';
import { creditLimit, DEFAULT_LIMIT_POLICY, type CreditLimit, type LimitPolicy } from './limit.js';
import type { ScorecardModel } from './model.js';
import { topReasons, type Reason, type ReasonOptions } from './reasons.js';
import { applyScorecard, type DimensionScore } from './scorecard.js';

export interface EntityScore {
  readonly entityId: string;
  /** On the model's scale (default 350–950). */
  readonly score: number;
  readonly band: string;
  /** Probability of default, 0..1, rounded to 4 decimals. */
  readonly pd: number;
  readonly dimensions: readonly DimensionScore[];
  readonly reasons: readonly Reason[];
  readonly limit: CreditLimit;
  readonly modelVersion: string;
}

export interface ScoreOptions {
  readonly limitPolicy: LimitPolicy;
  readonly reasons: Partial<ReasonOptions>;
}

export function scoreEntity(
  model: ScorecardModel,
  features: Features,
  options: Partial<ScoreOptions> = {},
): EntityScore {
  const result = applyScorecard(model, features.values);
  return {
    entityId: features.entityId,
    score: result.score,
    band: result.band,
    pd: Math.round(result.pd * 10000) / 10000,
    dimensions: result.dimensions,
    reasons: topReasons(result.characteristics, features.evidence, options.reasons),
    limit: creditLimit(result.pd, features.values.netInflow90, options.limitPolicy ?? DEFAULT_LIMIT_POLICY, features.evidence.currency),
    modelVersion: model.version,
  };
}
