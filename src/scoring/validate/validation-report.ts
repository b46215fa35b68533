/** The validation report of a model on a labelled sample: the figures the HTML report draws, as JSON. */
import type { Rng } from '../rng.js';
import type { CommitteeSection } from './committee.js';
import { fairnessBySegment, type GroupStats, type ScoredOutcome } from './fairness.js';
import {
  auc,
  bootstrapAuc,
  brier,
  calibration,
  ks,
  psi,
  rocCurve,
  type CalibrationBin,
  type RocPoint,
} from './metrics.js';

export interface ValidationInput {
  readonly modelVersion: string;
  readonly previousVersion: string | null;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly rows: readonly ScoredOutcome[];
  /** Scores of the same rows under the previous model (for PSI), if any. */
  readonly previousScores: readonly number[] | null;
  readonly pdCutoff: number;
  readonly segments: readonly string[];
  /** Cross-validated figures, information values, monotonicity and comparisons, when computed. */
  readonly committee?: CommitteeSection;
}

export interface ScoreHistogram {
  readonly edges: readonly number[];
  readonly good: readonly number[];
  readonly bad: readonly number[];
}

export interface ValidationReport {
  readonly modelVersion: string;
  readonly previousVersion: string | null;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly counts: { readonly rows: number; readonly bads: number; readonly goods: number };
  readonly auc: number;
  readonly aucCi95: { readonly low: number; readonly high: number };
  readonly gini: number;
  readonly ks: number;
  readonly brier: number;
  readonly psi: number | null;
  readonly roc: readonly RocPoint[];
  readonly calibration: readonly CalibrationBin[];
  readonly histogram: ScoreHistogram;
  readonly fairness: Readonly<Record<string, readonly GroupStats[]>>;
  readonly committee: CommitteeSection | null;
}

/** Histogram of scores by outcome in `bins` equal-width bins over the observed range. */
export function scoreHistogram(rows: readonly ScoredOutcome[], bins = 20): ScoreHistogram {
  const scores = rows.map((r) => r.score);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + k * width);
  const good = new Array<number>(bins).fill(0);
  const bad = new Array<number>(bins).fill(0);
  for (const r of rows) {
    const b = Math.min(bins - 1, Math.floor((r.score - lo) / width));
    if (r.good) good[b]!++;
    else bad[b]!++;
  }
  return { edges, good, bad };
}

/** Thin the ROC curve to at most `max` points for drawing and JSON. */
function thin(points: readonly RocPoint[], max = 200): RocPoint[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => points[Math.round(k * step)]!);
}

export function buildValidationReport(input: ValidationInput, rng: Rng): ValidationReport {
  const scores = input.rows.map((r) => r.score);
  const good = input.rows.map((r) => r.good);
  const pd = input.rows.map((r) => r.pd);
  const a = auc(scores, good);
  const bads = good.filter((g) => !g).length;
  return {
    modelVersion: input.modelVersion,
    previousVersion: input.previousVersion,
    asOf: input.asOf,
    generatedAt: input.generatedAt,
    counts: { rows: input.rows.length, bads, goods: input.rows.length - bads },
    auc: a,
    aucCi95: bootstrapAuc(scores, good, rng, 500),
    gini: 2 * a - 1,
    ks: ks(scores, good),
    brier: brier(pd, good),
    psi: input.previousScores ? psi(input.previousScores, scores) : null,
    roc: thin(rocCurve(scores, good)),
    calibration: calibration(pd, good),
    histogram: scoreHistogram(input.rows),
    fairness: Object.fromEntries(
      input.segments.map((s) => [s, fairnessBySegment(input.rows, s, input.pdCutoff)]),
    ),
    committee: input.committee ?? null,
  };
}
