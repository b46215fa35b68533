/**
 * Applies a scorecard model to one feature vector (the scorecard of its segment, if the model has
 * segments and the vector falls in one): points per characteristic, the total, the score
 * on the model's scale, PD, band and the five dimension sub-scores.
 */
import {
  DIMENSIONS,
  FEATURE_SPECS,
  type Dimension,
  type FeatureName,
  type FeatureVector,
} from './features.js';
import { binOf, partFor, type Characteristic, type ScorecardModel, type Segment } from './model.js';
import { bandOf, clampScore, pdFromScore } from './scale.js';

/** Points one characteristic earned, and the most it could have earned. */
export interface CharacteristicPoints {
  readonly feature: FeatureName;
  readonly dimension: Dimension;
  readonly value: number | null;
  readonly points: number;
  readonly maxPoints: number;
  readonly minPoints: number;
}

export interface DimensionScore {
  readonly key: Dimension;
  readonly label: string;
  /** 0 (worst possible) .. 100 (best possible) within the dimension. */
  readonly subScore: number;
  readonly points: number;
  readonly maxPoints: number;
}

export interface ScorecardResult {
  /** Reported score: rounded, clamped to the scale. */
  readonly score: number;
  /** Unclamped total (basePoints + Σ points). */
  readonly rawScore: number;
  /** Probability of default, 0..1, from the unclamped total. */
  readonly pd: number;
  readonly band: string;
  readonly characteristics: readonly CharacteristicPoints[];
  readonly dimensions: readonly DimensionScore[];
  /** The model segment that scored the vector (null: the main scorecard). */
  readonly segment: Pick<Segment, 'name' | 'whenMissing'> | null;
}

function pointsOf(c: Characteristic, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return c.missing.points;
  return binOf(c.bins, value).points;
}

function extremes(c: Characteristic): { min: number; max: number } {
  const all = [...c.bins.map((b) => b.points), c.missing.points];
  return { min: Math.min(...all), max: Math.max(...all) };
}

/** Points per characteristic for a feature vector. */
export function pointsFor(model: ScorecardModel, values: FeatureVector): CharacteristicPoints[] {
  return partFor(model, values).characteristics.map((c) => {
    const value = values[c.feature];
    const { min, max } = extremes(c);
    return {
      feature: c.feature,
      dimension: FEATURE_SPECS[c.feature].dimension,
      value,
      points: pointsOf(c, value),
      maxPoints: max,
      minPoints: min,
    };
  });
}

/** Sub-score per dimension: where the points fall between the worst and best attainable. */
export function dimensionScores(points: readonly CharacteristicPoints[]): DimensionScore[] {
  return (Object.keys(DIMENSIONS) as Dimension[]).map((key) => {
    const mine = points.filter((p) => p.dimension === key);
    const earned = mine.reduce((s, p) => s + p.points, 0);
    const lo = mine.reduce((s, p) => s + p.minPoints, 0);
    const hi = mine.reduce((s, p) => s + p.maxPoints, 0);
    const subScore = hi > lo ? Math.round((100 * (earned - lo)) / (hi - lo)) : 100;
    return { key, label: DIMENSIONS[key], subScore, points: round2(earned), maxPoints: round2(hi) };
  });
}

/** Scores one feature vector with a model. */
export function applyScorecard(model: ScorecardModel, values: FeatureVector): ScorecardResult {
  const part = partFor(model, values);
  const characteristics = pointsFor(model, values);
  const rawScore = part.basePoints + characteristics.reduce((s, p) => s + p.points, 0);
  const pd = pdFromScore(rawScore, model.scale);
  return {
    score: clampScore(rawScore, model.scale),
    rawScore,
    pd,
    band: bandOf(pd),
    characteristics,
    dimensions: dimensionScores(characteristics),
    segment: part === model ? null : (part as Segment),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
