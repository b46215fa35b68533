/**
 * Reasons: the characteristics that cost the most points against the best attainable bin, each with a
 * stable code, a sentence a person reads and the evidence behind it (adverse-action style, most costly
 * first). A characteristic whose feature has no data for the entity (and whose absence is no reason)
 * gives no reason; the next costliest does.
 */
import type { Dimension, FeatureEvidence, FeatureName } from './features.js';
import { reasonText, type ReasonEvidence } from './reason-texts.js';
import type { CharacteristicPoints } from './scorecard.js';

export interface Reason {
  readonly code: string;
  readonly feature: FeatureName;
  readonly dimension: Dimension;
  readonly value: number | null;
  /** Points lost against the best bin of the characteristic (> 0). */
  readonly pointsLost: number;
  readonly text: string;
  readonly evidence: ReasonEvidence;
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
  const out: Reason[] = [];
  const costly = points
    .map((p) => ({ p, lost: p.maxPoints - p.points }))
    .filter(({ lost }) => lost >= minPointsLost)
    .sort((a, b) => b.lost - a.lost || a.p.feature.localeCompare(b.p.feature));
  for (const { p, lost } of costly) {
    if (out.length >= max) break;
    const r = reasonText(p.feature, p.value, evidence);
    if (!r) continue;
    out.push({
      code: r.code,
      feature: p.feature,
      dimension: p.dimension,
      value: p.value,
      pointsLost: Math.round(lost * 10) / 10,
      text: r.text,
      evidence: r.evidence,
    });
  }
  return out;
}
