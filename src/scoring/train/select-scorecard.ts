/**
 * The training procedure `creditgraph train` uses, and every cross-validation fold re-runs: candidate
 * scorecards (every usable feature at a few strengths of the ridge penalty, with missing values as their
 * own bin or neutral, with or without a scorecard of its own for thin files; and the best single signal
 * of the training rows on its own, at a few bin counts) are compared by inner K-fold cross-validation on the
 * training rows only; the one with the highest inner out-of-fold AUC is refitted on all of them. Ties
 * go to the simpler candidate (listed first). Nothing here sees rows outside `rows`.
 */
import { FEATURE_SPECS, type FeatureName } from '../features.js';
import type { ScorecardModel } from '../model.js';
import { seededRng, type Rng } from '../rng.js';
import { applyScorecard } from '../scorecard.js';
import { auc } from '../validate/metrics.js';
import { orientedValues } from '../evaluate/signal-auc.js';
import type { BinningOptions } from './binning.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { trainSegmented } from './segmented.js';
import { BinningCache, TRAIN_DEFAULTS, trainScorecard, TrainingDataError, unusable, type TrainingRow, type TrainOptions } from './fit-scorecard.js';

export interface SelectionOptions {
  /** Inner folds. */
  readonly folds: number;
  /** Ridge penalties (per row) tried. */
  readonly ridges: readonly number[];
  /** Largest numbers of bins per feature tried. */
  readonly maxBins: readonly number[];
  /** Treatments of missing values tried (see BinningOptions.missing). */
  readonly missing: ReadonlyArray<BinningOptions['missing']>;
  /** Whether a scorecard of its own for entities with no activity of their own is tried (segmented.ts). */
  readonly segmentThinFile: boolean;
  /** Above this many rows, candidates are compared on a stratified sample of this size (the final fit uses all). */
  readonly maxRows: number;
}

export const SELECTION_DEFAULTS: SelectionOptions = { folds: 5, ridges: [0.1, 0.01, 0.001], maxBins: [5, 10], missing: ['woe', 'neutral'], segmentThinFile: true, maxRows: 20_000 };

interface Candidate {
  readonly name: string;
  readonly options: Partial<TrainOptions>;
  readonly segmented: boolean;
}

type BaseOptions = Partial<TrainOptions> & Pick<TrainOptions, 'version' | 'createdAt' | 'asOf'>;

/** The usable feature whose values alone rank the rows best (oriented by its risk direction; unknown: either way). */
export function bestSingleFeature(rows: readonly TrainingRow[], features: readonly FeatureName[]): { feature: FeatureName; auc: number } | null {
  const good = rows.map((r) => !r.bad);
  let best: { feature: FeatureName; auc: number } | null = null;
  for (const f of features) {
    const values = rows.map((r) => r.values[f]);
    if (unusable(values)) continue;
    const direction = FEATURE_SPECS[f].direction;
    let a = auc(orientedValues(values, direction), good);
    if (direction === 'unknown') a = Math.max(a, 1 - a);
    if (!Number.isNaN(a) && (best === null || a > best.auc)) best = { feature: f, auc: a };
  }
  return best;
}

function candidatesFor(rows: readonly TrainingRow[], features: readonly FeatureName[], sel: SelectionOptions): Candidate[] {
  const out: Candidate[] = [];
  const single = bestSingleFeature(rows, features);
  if (single) {
    for (const maxBins of sel.maxBins)
      out.push({ name: `${single.feature} alone, ≤ ${maxBins} bins`, options: { features: [single.feature], minIv: 0, binning: { maxBins } }, segmented: false });
  }
  const maxBins = Math.min(...sel.maxBins);
  for (const segmented of sel.segmentThinFile ? [false, true] : [false])
    for (const missing of sel.missing)
      for (const ridge of sel.ridges)
        out.push({
          name: `all features, ridge ${ridge}, ≤ ${maxBins} bins, missing ${missing}${segmented ? ', thin files apart' : ''}`,
          options: { ridge, binning: { maxBins, missing } },
          segmented,
        });
  return out;
}

/**
 * At most about `max` rows to compare candidates on (all rows when fewer): the rarer outcome kept whole
 * (up to half of `max`) and the other sampled at random — case-control sampling, which leaves the AUC
 * the candidates are compared by unbiased while keeping every rare outcome (fraud, default) the
 * comparison can learn from.
 */
export function sampleRows(rows: readonly TrainingRow[], max: number, rng: Rng): readonly TrainingRow[] {
  if (rows.length <= max) return rows;
  const bads = rows.filter((r) => r.bad).length;
  const rareIsBad = bads <= rows.length - bads;
  const rare = rareIsBad ? bads : rows.length - bads;
  const keepRare = Math.min(1, max / 2 / Math.max(1, rare));
  const keepCommon = (max - Math.min(rare, max / 2)) / (rows.length - rare);
  return rows.filter((r) => rng() < (r.bad === rareIsBad ? keepRare : keepCommon));
}

function fitCandidate(rows: readonly TrainingRow[], base: BaseOptions, c: Candidate, cache?: BinningCache): ScorecardModel {
  return (c.segmented ? trainSegmented : trainScorecard)(rows, { ...base, ...c.options }, cache);
}

/**
 * Inner out-of-fold AUC of every candidate on the same folds (NaN for one the folds are too small to
 * train); the candidates of one fold share its binnings.
 */
function innerAucs(rows: readonly TrainingRow[], base: BaseOptions, candidates: readonly Candidate[], folds: number, seed: number): number[] {
  const fold = stratifiedFolds(rows.map((r) => r.bad), folds, seededRng(seed));
  const scores = candidates.map(() => new Float64Array(rows.length));
  const failed = candidates.map(() => false);
  for (let f = 0; f < folds; f++) {
    const { train, test } = splitFold(rows, fold, f);
    const cache = new BinningCache();
    candidates.forEach((c, k) => {
      if (failed[k]) return;
      try {
        const model = fitCandidate(train, base, c, cache);
        for (const i of test) scores[k]![i] = applyScorecard(model, rows[i]!.values).rawScore;
      } catch (error) {
        if (!(error instanceof TrainingDataError)) throw error;
        failed[k] = true;
      }
    });
  }
  const good = rows.map((r) => !r.bad);
  return candidates.map((_, k) => (failed[k] ? NaN : auc(Array.from(scores[k]!), good)));
}

/** Fits the champion scorecard on `rows`: candidates compared by inner cross-validation, the best refitted on all rows. */
export function fitChampion(
  rows: readonly TrainingRow[],
  base: BaseOptions,
  rng: Rng,
  selection: Partial<SelectionOptions> = {},
): ScorecardModel {
  const sel = { ...SELECTION_DEFAULTS, ...selection };
  const features = base.features ?? TRAIN_DEFAULTS.features;
  const sample = sampleRows(rows, sel.maxRows, rng);
  const seed = Math.floor(rng() * 2 ** 32);
  const candidates = candidatesFor(sample, features, sel);
  const aucs = innerAucs(sample, base, candidates, sel.folds, seed);
  const scores: Record<string, number> = {};
  let best = -1;
  aucs.forEach((a, k) => {
    scores[candidates[k]!.name] = Math.round(a * 10000) / 10000;
    if (a > (aucs[best] ?? -Infinity)) best = k;
  });
  const chosen = candidates[best];
  const model = chosen ? fitCandidate(rows, base, chosen) : trainScorecard(rows, base);
  const finite = Object.fromEntries(Object.entries(scores).filter(([, a]) => Number.isFinite(a)));
  return {
    ...model,
    training: { ...model.training!, selection: { chosen: chosen?.name ?? 'defaults (samples too small to compare)', folds: sel.folds, candidates: finite } },
  };
}
