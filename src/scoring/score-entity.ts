/**
 * The whole score of one entity from its features: scorecard → PD → band → dimensions → reasons →
 * credit limit. Pure; the caller adds run id, as-of date and staleness.
 */
import { FEATURE_SPECS, type Features } from './features.js';
import { creditLimit, DEFAULT_LIMIT_POLICY, type CreditLimit, type LimitPolicy } from './limit.js';
import type { ScorecardModel } from './model.js';
import { DEFAULT_REASON_OPTIONS, topReasons, type Reason, type ReasonOptions } from './reasons.js';
import { applyScorecard, type DimensionScore, type ScorecardResult } from './scorecard.js';

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

/** The costliest characteristics' reasons; an entity scored as a thin file says so first. */
function reasonsOf(result: ScorecardResult, features: Features, options: Partial<ScoreOptions>): Reason[] {
  const reasons = topReasons(result.characteristics, features.evidence, options.reasons);
  if (result.segment === null) return reasons;
  const thin: Reason = {
    code: 'THIN_FILE',
    feature: result.segment.whenMissing,
    dimension: FEATURE_SPECS[result.segment.whenMissing].dimension,
    value: null,
    pointsLost: 0,
    text: 'no payment or trade of its own before the scoring date: scored on its relationships alone',
    evidence: { facts: [{ label: 'scored as', value: result.segment.name }], entities: [] },
  };
  return [thin, ...reasons].slice(0, options.reasons?.max ?? DEFAULT_REASON_OPTIONS.max);
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
    reasons: reasonsOf(result, features, options),
    limit: creditLimit(result.pd, features.values.netInflow90, options.limitPolicy ?? DEFAULT_LIMIT_POLICY, features.evidence.currency),
    modelVersion: model.version,
  };
}
