/**
 * Trains a scorecard from labelled feature vectors: features without data on these rows are dropped
 * (never guessed), bins per feature (monotone where the risk direction is known), WoE, feature
 * selection by information value, a logistic regression of good:bad log-odds on
 * the WoE columns with coefficients kept ≥ 0 (a negative one would reverse a bin order, so that feature
 * is dropped and the model refitted), then points = factor·β·WoE and base = offset + factor·α.
 */
import { FEATURE_NAMES, FEATURE_SPECS, type FeatureName, type FeatureVector } from '../features.js';
import { MODEL_FORMAT, type Characteristic, type ModelTarget, type ScorecardModel } from '../model.js';
import { DEFAULT_SCALE, scaleFactor, scoreFromLogOdds, type ScaleOptions } from '../scale.js';
import { fitBinning, woeOf, type BinningOptions, type FittedBinning } from './binning.js';
import { fitLogistic } from './logistic.js';

export interface TrainingRow {
  readonly values: FeatureVector;
  readonly bad: boolean;
}

export interface TrainOptions {
  readonly version: string;
  readonly createdAt: string;
  readonly asOf: string;
  readonly scale: ScaleOptions;
  /** Features with information value under this are left out. */
  readonly minIv: number;
  readonly features: readonly FeatureName[];
  readonly binning: Partial<BinningOptions>;
  /** Ridge penalty of the logistic regression (per row). */
  readonly ridge: number;
  readonly previousVersion: string | null;
  readonly target: ModelTarget;
  /** Describes the outcomes (stored in the model's training summary). */
  readonly outcome?: string;
}

export const TRAIN_DEFAULTS: Omit<TrainOptions, 'version' | 'createdAt' | 'asOf'> = {
  scale: DEFAULT_SCALE,
  minIv: 0.02,
  features: FEATURE_NAMES,
  binning: {},
  ridge: 1e-3,
  previousVersion: null,
  target: 'credit',
};

/** Why a feature cannot enter a model on these rows ("no data", "constant"), or null when it can. */
export function unusable(values: ReadonlyArray<number | null>): string | null {
  let first: number | null = null;
  let missing = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) missing++;
    else if (first === null) first = v;
    else if (v !== first) return null;
  }
  if (first === null) return 'no data';
  return missing > 0 ? null : 'constant';
}

/**
 * Binnings already fitted on one set of rows, by feature and binning options: candidate models that
 * differ only in their regression (the ridge) share them. Valid for the rows it was first used with only;
 * `within(name)` gives a view for a subset of them (a segment) that shares the store.
 */
export class BinningCache {
  constructor(
    private readonly store = new Map<string, FittedBinning>(),
    private readonly scope = '',
  ) {}

  within(name: string): BinningCache {
    return new BinningCache(this.store, `${this.scope}${name}/`);
  }

  binning(feature: FeatureName, options: Partial<BinningOptions>, fit: () => FittedBinning): FittedBinning {
    const key = `${this.scope}${feature}:${JSON.stringify(options)}`;
    let b = this.store.get(key);
    if (!b) this.store.set(key, (b = fit()));
    return b;
  }
}

/** Thrown when the sample cannot support a model (too few rows or one class only). */
export class TrainingDataError extends Error {
  override name = 'TrainingDataError';
}

function fitWithNonNegative(rows: readonly TrainingRow[], binnings: Map<FeatureName, FittedBinning>, ridge: number) {
  let kept = [...binnings.keys()];
  const y = rows.map((r) => (r.bad ? 0 : 1));
  for (;;) {
    const x = rows.map((r) => kept.map((f) => woeOf(binnings.get(f)!, r.values[f])));
    const fit = fitLogistic(x, y, { ridge });
    const negative = kept.filter((_, j) => fit.coefficients[j]! < 0);
    if (negative.length === 0 || kept.length === 0) return { kept, fit };
    kept = kept.filter((f) => !negative.includes(f));
  }
}

function characteristicOf(
  feature: FeatureName,
  b: FittedBinning,
  beta: number,
  factor: number,
): Characteristic {
  return {
    feature,
    bins: b.bins.map((bin) => ({
      min: bin.min,
      max: bin.max,
      points: factor * beta * bin.woe,
      woe: bin.woe,
      count: bin.count,
      badRate: bin.count ? bin.bads / bin.count : 0,
    })),
    missing: { points: factor * beta * b.missing.woe, woe: b.missing.woe, count: b.missing.count },
  };
}

/** Fits a model; throws TrainingDataError without at least 10 goods and 10 bads. */
export function trainScorecard(
  rows: readonly TrainingRow[],
  options: Partial<TrainOptions> & Pick<TrainOptions, 'version' | 'createdAt' | 'asOf'>,
  cache: BinningCache = new BinningCache(),
): ScorecardModel {
  const opts = { ...TRAIN_DEFAULTS, ...options };
  const bads = rows.filter((r) => r.bad).length;
  if (bads < 10 || rows.length - bads < 10) {
    throw new TrainingDataError(
      `need at least 10 bad and 10 good outcomes, got ${bads} bad and ${rows.length - bads} good`,
    );
  }
  const labels = rows.map((r) => r.bad);
  const binnings = new Map<FeatureName, FittedBinning>();
  const informationValue: Partial<Record<FeatureName, number>> = {};
  const dropped: Partial<Record<FeatureName, string>> = {};
  for (const f of opts.features) {
    const values = rows.map((r) => r.values[f]);
    const why = unusable(values);
    if (why) {
      dropped[f] = why;
      continue;
    }
    const b = cache.binning(f, opts.binning, () => fitBinning(values, labels, FEATURE_SPECS[f].direction, opts.binning));
    informationValue[f] = Math.round(b.iv * 10000) / 10000;
    if (b.iv >= opts.minIv && b.bins.length + (b.missing.count > 0 ? 1 : 0) > 1) binnings.set(f, b);
  }
  const { kept, fit } = fitWithNonNegative(rows, binnings, opts.ridge);
  const factor = scaleFactor(opts.scale);
  const coefficients: Partial<Record<FeatureName, number>> = {};
  const characteristics = kept.map((f, j) => {
    coefficients[f] = fit.coefficients[j]!;
    return characteristicOf(f, binnings.get(f)!, fit.coefficients[j]!, factor);
  });
  return {
    format: MODEL_FORMAT,
    version: opts.version,
    kind: 'trained',
    target: opts.target,
    createdAt: opts.createdAt,
    scale: opts.scale,
    basePoints: scoreFromLogOdds(fit.intercept, opts.scale),
    characteristics,
    training: {
      asOf: opts.asOf,
      ...(opts.outcome === undefined ? {} : { outcome: opts.outcome }),
      rows: rows.length,
      bads,
      intercept: fit.intercept,
      coefficients,
      informationValue,
      dropped,
      previousVersion: opts.previousVersion,
    },
  };
}
