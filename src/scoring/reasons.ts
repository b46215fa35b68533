/**
 * Reasons: the characteristics that cost the most points against the best attainable bin, each with a
 * stable code, a plain sentence and the evidence behind it (adverse-action style, most costly first).
 */
import type { Dimension, FeatureEvidence, FeatureName } from './features.js';
import { reasonText } from './reason-texts.js';
import type { CharacteristicPoints } from './scorecard.js';

export interface Reason {
  readonly code: string;
  readonly feature: FeatureName;
  readonly dimension: Dimension;
  readonly value: number | null;
  /** Points lost against the best bin of the characteristic (> 0). */
  readonly pointsLost: number;
  readonly text: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface ReasonOptions {
  /** At most this many reasons (default 4). */
  readonly max: number;
  /** Ignore characteristics losing fewer points than this (default 1). */
  readonly minPointsLost: number;
}

export const DEFAULT_REASON_OPTIONS: ReasonOptions = Object.freeze({ max: 4, minPointsLost: 1 });

/** The top reasons, most points lost first; ties broken by feature name for stable output. */
export function topReasons(
  points: readonly CharacteristicPoints[],
  evidence: FeatureEvidence,
  options: Partial<ReasonOptions> = {},
): Reason[] {
  const { max, minPointsLost } = { ...DEFAULT_REASON_OPTIONS, ...options };
  return points
    .map((p) => ({ p, lost: p.maxPoints - p.points }))
    .filter(({ lost }) => lost >= minPointsLost)
    .sort((a, b) => b.lost - a.lost || a.p.feature.localeCompare(b.p.feature))
    .slice(0, max)
    .map(({ p, lost }) => {
      const r = reasonText(p.feature, p.value, evidence);
      return {
        code: r.code,
        feature: p.feature,
        dimension: p.dimension,
        value: p.value,
        pointsLost: Math.round(lost * 10) / 10,
        text: r.text,
        evidence: r.evidence,
      };
    });
}
