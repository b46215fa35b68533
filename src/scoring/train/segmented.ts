/**
 * A segmented scorecard (Siddiqi 2006, ch. 5 "segmentation"; Thomas, Edelman & Crook 2002, §8.6): the
 * entities with no activity of their own before the scoring date — a thin file: nothing they did can be
 * seen, only where they sit — get a scorecard of their own, and the main scorecard is binned and fitted
 * on the others alone, so a feature's bins describe active entities instead of mostly separating the
 * inactive ones from the rest. A thin segment too small to train (fewer than 10 goods or 10 bads) scores
 * its smoothed log-odds, the same for all its members.
 */
import type { FeatureName } from '../features.js';
import type { ScorecardModel, Segment } from '../model.js';
import { scoreFromLogOdds } from '../scale.js';
import { BinningCache, TRAIN_DEFAULTS, trainScorecard, type TrainingRow, type TrainOptions } from './fit-scorecard.js';

/** Missing exactly when an entity has no payment or rating of its own before the scoring date. */
export const THIN_FILE_FEATURE: FeatureName = 'daysSinceActivity';
export const THIN_FILE_SEGMENT = 'no activity of its own';

const isThin = (r: TrainingRow) => {
  const v = r.values[THIN_FILE_FEATURE];
  return v === null || !Number.isFinite(v);
};

const enough = (rows: readonly TrainingRow[]) => {
  const bads = rows.filter((r) => r.bad).length;
  return bads >= 10 && rows.length - bads >= 10;
};

/** Trains the main scorecard on active entities and one for the thin-file segment (unsegmented when either side is empty). */
export function trainSegmented(
  rows: readonly TrainingRow[],
  options: Partial<TrainOptions> & Pick<TrainOptions, 'version' | 'createdAt' | 'asOf'>,
  cache: BinningCache = new BinningCache(),
): ScorecardModel {
  const thin = rows.filter(isThin);
  const active = rows.filter((r) => !isThin(r));
  if (thin.length === 0 || !enough(active)) return trainScorecard(rows, options, cache);
  const main = trainScorecard(active, options, cache.within('active'));
  const bads = thin.filter((r) => r.bad).length;
  let part: Pick<Segment, 'basePoints' | 'characteristics'>;
  if (enough(thin)) part = trainScorecard(thin, options, cache.within('thin'));
  else {
    const logOdds = Math.log((thin.length - bads + 0.5) / (bads + 0.5));
    part = { basePoints: scoreFromLogOdds(logOdds, options.scale ?? TRAIN_DEFAULTS.scale), characteristics: [] };
  }
  const segment: Segment = { name: THIN_FILE_SEGMENT, whenMissing: THIN_FILE_FEATURE, basePoints: part.basePoints, characteristics: part.characteristics, rows: thin.length, bads };
  return { ...main, segments: [segment], training: { ...main.training!, rows: rows.length, bads: main.training!.bads + bads } };
}
