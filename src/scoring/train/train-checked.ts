/**
 * Train and check, as `creditgraph train` releases a model and `creditgraph evaluate --cv K` reports it:
 * the champion procedure (src/scoring/train/select-scorecard.ts) is cross-validated on the sample (K
 * stratified folds, seeded), its out-of-fold AUC with a bootstrap 95% interval is compared with the AUC
 * of the best single signal on the same rows, and the procedure is run once more on every row for the
 * model itself. A model whose cross-validated AUC falls more than RELEASE_MARGIN below its best single
 * signal does not beat it, and is not released unless forced.
 */
import { signalAuc } from '../evaluate/signal-auc.js';
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName } from '../features.js';
import type { CrossValidationSummary, ScorecardModel } from '../model.js';
import { seededRng } from '../rng.js';
import { applyScorecard } from '../scorecard.js';
import { bootstrapAuc } from '../validate/metrics.js';
import { crossValidate, type CrossValidation } from './cross-validate.js';
import type { TrainingRow, TrainOptions } from './fit-scorecard.js';
import { fitChampion, type SelectionOptions } from './select-scorecard.js';

/** How far below its best single signal a cross-validated AUC may fall and still count (the comparison's resolution). */
export const RELEASE_MARGIN = 0.01;

export interface CheckOptions {
  readonly folds: number;
  readonly seed: number;
  readonly bootstrap: number;
  readonly selection?: Partial<SelectionOptions>;
}

export interface CheckedModel {
  /** Fitted on every row; `training.crossValidation` holds the check. */
  readonly model: ScorecardModel;
  readonly crossValidation: CrossValidation<ScorecardModel>;
  readonly summary: CrossValidationSummary;
}

/** The single signal with the highest AUC on the rows (oriented by its risk direction, as evaluate prints). */
export function bestSignalOf(rows: readonly TrainingRow[], seed: number): { feature: FeatureName; auc: number } | null {
  const good = rows.map((r) => !r.bad);
  let best: { feature: FeatureName; auc: number } | null = null;
  for (const feature of FEATURE_NAMES) {
    const s = signalAuc(rows.map((r) => r.values[feature]), good, FEATURE_SPECS[feature].direction, seededRng(seed), 0);
    if (s.coverage > 0 && !Number.isNaN(s.auc) && (best === null || s.auc > best.auc)) best = { feature, auc: s.auc };
  }
  return best;
}

/** Cross-validates the champion procedure on `rows`, then fits it on all of them. */
export function trainChecked(
  rows: readonly TrainingRow[],
  base: Partial<TrainOptions> & Pick<TrainOptions, 'version' | 'createdAt' | 'asOf'>,
  opts: CheckOptions,
): CheckedModel {
  const fit = (train: readonly TrainingRow[], rng: () => number) => fitChampion(train, base, rng, opts.selection);
  const cv = crossValidate(rows, opts.folds, seededRng(opts.seed), fit, (m, row) => applyScorecard(m, row.values).rawScore);
  const good = rows.map((r) => !r.bad);
  const bestSignal = bestSignalOf(rows, opts.seed);
  const summary: CrossValidationSummary = {
    k: opts.folds,
    seed: opts.seed,
    auc: cv.auc,
    ci95: bootstrapAuc(Array.from(cv.scores), good, seededRng(opts.seed), opts.bootstrap),
    bestSignal,
    beatsBestSignal: bestSignal === null || cv.auc >= bestSignal.auc - RELEASE_MARGIN,
  };
  const model = fit(rows, seededRng(opts.seed ^ 0x5bd1e995));
  return { model: { ...model, training: { ...model.training!, crossValidation: summary } }, crossValidation: cv, summary };
}
