/**
 * The fraud score beside the credit score: a scorecard trained on fraud outcomes (flags or a fraud labels
 * file, `creditgraph train --target fraud`) applied to the same features. `fraudRisk` is its probability
 * that the entity is fraudulent, 0..1, with its own reasons (the characteristics that push it up most,
 * same codes and sentences as the credit reasons). The credit score (PD) stays the lender's number.
 */
import type { Features } from './features.js';
import type { ScorecardModel } from './model.js';
import { topReasons, type Reason, type ReasonOptions } from './reasons.js';
import { applyScorecard } from './scorecard.js';

export interface FraudRisk {
  /** Probability of fraud, 0..1, rounded to 4 decimals. */
  readonly fraudRisk: number;
  readonly reasons: readonly Reason[];
  readonly modelVersion: string;
}

export function fraudRiskOf(model: ScorecardModel, features: Features, options: Partial<ReasonOptions> = {}): FraudRisk {
  const r = applyScorecard(model, features.values);
  return { fraudRisk: Math.round(r.pd * 10000) / 10000, reasons: topReasons(r.characteristics, features.evidence, options), modelVersion: model.version };
}

/** Only the probability (for ranking many entities, e.g. a metrics run's alerts). */
export function fraudProbability(model: ScorecardModel, values: Features['values']): number {
  return applyScorecard(model, values).pd;
}
