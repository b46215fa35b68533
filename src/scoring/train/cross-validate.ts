/**
 * K-fold cross-validation of a training procedure (Hastie, Tibshirani & Friedman, "The Elements of
 * Statistical Learning", §7.10): for each fold, fit on the other folds by exactly the procedure given
 * and score the held-out rows; the out-of-fold scores of all rows give one AUC. Whatever the procedure
 * learns (bins, feature selection, regularisation) it learns from the training folds only.
 */
import { seededRng, type Rng } from '../rng.js';
import { auc } from '../validate/metrics.js';
import { splitFold, stratifiedFolds } from './folds.js';

export interface CrossValidation<M> {
  readonly k: number;
  /** Out-of-fold score of every row (higher = safer). */
  readonly scores: Float64Array;
  /** Fold of every row. */
  readonly folds: Uint16Array;
  /** AUC of the out-of-fold scores against the outcomes (good above bad = 1). */
  readonly auc: number;
  /** The model fitted in each fold. */
  readonly models: readonly M[];
}

export interface Labelled {
  readonly bad: boolean;
}

/**
 * Cross-validates `fit` on `rows`: `fit(train, rng)` trains on the training folds (its rng is the
 * fold's, so the run is deterministic for a seed); `score(model, row)` scores a held-out row.
 */
export function crossValidate<R extends Labelled, M>(
  rows: readonly R[],
  k: number,
  rng: Rng,
  fit: (train: readonly R[], rng: Rng) => M,
  score: (model: M, row: R) => number,
): CrossValidation<M> {
  const bad = rows.map((r) => r.bad);
  const folds = stratifiedFolds(bad, k, rng);
  const seeds = Array.from({ length: k }, () => Math.floor(rng() * 2 ** 32));
  const scores = new Float64Array(rows.length);
  const models: M[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = splitFold(rows, folds, f);
    const model = fit(train, seededRng(seeds[f]!));
    models.push(model);
    for (const i of test) scores[i] = score(model, rows[i]!);
  }
  return { k, scores, folds, auc: auc(Array.from(scores), bad.map((b) => !b)), models };
}
