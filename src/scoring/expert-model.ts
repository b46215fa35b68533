/**
 * The built-in expert model: used until enough loan outcomes exist to train one. Each characteristic
 * is written as log-odds contributions per bin (+ = safer) on top of a prior of 19:1 good:bad
 * (PD 5%), then converted to points on the requested scale. Contributions are judgement, kept
 * monotone in each feature's known risk direction so that less risk never costs points.
 */
import type { FeatureName } from './features.js';
import { binsFromCuts, MODEL_FORMAT, type Characteristic, type ScorecardModel } from './model.js';
import { DEFAULT_SCALE, scaleFactor, scoreFromLogOdds, type ScaleOptions } from './scale.js';

export const EXPERT_MODEL_VERSION = 'expert-1.0.0';

interface ExpertRule {
  readonly feature: FeatureName;
  /** Cut points ascending; bins are (-∞,c0), [c0,c1), …, [cn,∞). */
  readonly cuts: readonly number[];
  /** Log-odds contribution per bin. */
  readonly logOdds: readonly number[];
  /** Log-odds contribution when missing. */
  readonly missing: number;
}

/** Prior good:bad odds of a new applicant with nothing known. */
const PRIOR_ODDS = 19;

export const EXPERT_RULES: readonly ExpertRule[] = [
  // Repayment history.
  { feature: 'loansDefaulted', cuts: [1, 2], logOdds: [0.2, -1.6, -2.6], missing: 0 },
  { feature: 'loansLate', cuts: [1, 2], logOdds: [0.1, -0.6, -1.1], missing: 0 },
  { feature: 'loansRepaid', cuts: [1, 3], logOdds: [0, 0.3, 0.6], missing: 0 },
  { feature: 'reportedNegativeShare', cuts: [0.05, 0.2, 0.5], logOdds: [0.5, 0, -0.9, -1.8], missing: 0 },
  { feature: 'reportedCount', cuts: [1, 5, 20], logOdds: [-0.2, 0, 0.2, 0.4], missing: -0.2 },
  { feature: 'flags', cuts: [1], logOdds: [0.1, -2.2], missing: 0 },
  // Cash-flow behaviour.
  { feature: 'tenureDays', cuts: [90, 365, 1095], logOdds: [-0.5, 0, 0.3, 0.5], missing: -0.3 },
  { feature: 'regularity', cuts: [0.3, 0.6], logOdds: [-0.3, 0, 0.3], missing: 0 },
  { feature: 'counterparties', cuts: [1, 3, 10], logOdds: [-0.5, -0.2, 0.1, 0.3], missing: -0.5 },
  { feature: 'inCount90', cuts: [1, 5], logOdds: [-0.3, 0, 0.2], missing: -0.3 },
  { feature: 'daysSinceActivity', cuts: [30, 180, 365], logOdds: [0.1, 0, -0.2, -0.4], missing: -0.2 },
  // Network position.
  { feature: 'pagerankPct', cuts: [0.25, 0.5, 0.75], logOdds: [-0.3, -0.1, 0.1, 0.3], missing: 0 },
  { feature: 'concentration', cuts: [0.25, 0.5], logOdds: [0.1, -0.2, -0.5], missing: 0 },
  // Counterparty quality.
  { feature: 'counterpartyRisk', cuts: [0.05, 0.15, 0.3], logOdds: [0.2, 0, -0.4, -0.9], missing: 0 },
  { feature: 'badCounterpartyShare', cuts: [0.001, 0.1, 0.3], logOdds: [0.2, 0, -0.5, -1.0], missing: 0 },
  { feature: 'nearestBadHops', cuts: [2, 3, 4], logOdds: [-0.6, -0.3, -0.1, 0], missing: 0.1 },
  // Community risk (ratio of the community's bad rate to the overall bad rate).
  { feature: 'communityRisk', cuts: [0.5, 1.5, 3], logOdds: [0.2, 0, -0.4, -0.8], missing: 0 },
];

/** The expert model on a given scale (points = factor × log-odds contribution). */
export function expertModel(scale: ScaleOptions = DEFAULT_SCALE): ScorecardModel {
  const factor = scaleFactor(scale);
  const characteristics: Characteristic[] = EXPERT_RULES.map((r) => ({
    feature: r.feature,
    bins: binsFromCuts(
      r.cuts,
      r.logOdds.map((lo) => factor * lo),
    ),
    missing: { points: factor * r.missing },
  }));
  return {
    format: MODEL_FORMAT,
    version: EXPERT_MODEL_VERSION,
    kind: 'expert',
    createdAt: '2025-01-01T00:00:00.000Z',
    scale,
    basePoints: scoreFromLogOdds(Math.log(PRIOR_ODDS), scale),
    characteristics,
  };
}
