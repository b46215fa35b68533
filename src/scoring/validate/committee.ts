/**
 * What a credit committee asks of a model beyond its own AUC: does the procedure that produced it hold
 * up out of sample (cross-validated AUC), does it beat the built-in model and the best single signal,
 * how much each feature tells on its own (information value of its monotone WoE binning on the sample:
 * < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, > 0.3 strong; Siddiqi 2006 §6), and do its points move
 * in one direction along each feature, the feature's known risk direction where it has one.
 */
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName } from '../features.js';
import { allCharacteristics, type CrossValidationSummary, type ScorecardModel } from '../model.js';
import { fitBinning } from '../train/binning.js';
import { unusable, type TrainingRow } from '../train/fit-scorecard.js';

export interface FeatureIv {
  readonly feature: FeatureName;
  /** Null when the feature has no data on the sample (`dropped` says why). */
  readonly iv: number | null;
  readonly dropped: string | null;
  readonly inModel: boolean;
}

export interface MonotonicityCheck {
  readonly feature: FeatureName;
  /** The direction points move in as the value grows: 'safer' = more points (less risk). */
  readonly pointsMove: 'safer' | 'riskier' | 'flat' | 'both ways';
  readonly expected: 'safer' | 'riskier' | 'unknown';
  readonly ok: boolean;
}

export interface CommitteeSection {
  readonly crossValidated: CrossValidationSummary;
  readonly builtIn: { readonly version: string; readonly auc: number; readonly ci95: { readonly low: number; readonly high: number } };
  readonly informationValues: readonly FeatureIv[];
  readonly monotonicity: readonly MonotonicityCheck[];
}

/** Information value of every feature on the sample, strongest first (features without data last). */
export function informationValues(rows: readonly TrainingRow[], model: ScorecardModel): FeatureIv[] {
  const bad = rows.map((r) => r.bad);
  const used = new Set(allCharacteristics(model).map((c) => c.feature));
  const out = FEATURE_NAMES.map((feature) => {
    const values = rows.map((r) => r.values[feature]);
    const dropped = unusable(values);
    const iv = dropped ? null : Math.round(fitBinning(values, bad, FEATURE_SPECS[feature].direction).iv * 10000) / 10000;
    return { feature, iv, dropped, inModel: used.has(feature) };
  });
  return out.sort((a, b) => (b.iv ?? -1) - (a.iv ?? -1) || a.feature.localeCompare(b.feature));
}

/** Whether each characteristic's points move one way along its bins, and the expected way when known. */
export function monotonicity(model: ScorecardModel): MonotonicityCheck[] {
  return allCharacteristics(model).map((c) => {
    let up = false;
    let down = false;
    for (let i = 1; i < c.bins.length; i++) {
      const d = c.bins[i]!.points - c.bins[i - 1]!.points;
      if (d > 1e-9) up = true;
      if (d < -1e-9) down = true;
    }
    const pointsMove = up && down ? 'both ways' : up ? 'safer' : down ? 'riskier' : 'flat';
    const expected = FEATURE_SPECS[c.feature].direction;
    const ok = pointsMove === 'flat' || (pointsMove !== 'both ways' && (expected === 'unknown' || expected === pointsMove));
    return { feature: c.feature, pointsMove, expected, ok };
  });
}
