/**
 * Discrimination and calibration metrics of a scorecard. Convention: `good[i]` is the outcome (true =
 * good); a higher score should mean good, so AUC = P(score of a random good > score of a random bad),
 * ties counting ½ (Mann–Whitney U; Hanley & McNeil 1982). Gini = 2·AUC − 1. KS = max |F_bad − F_good|.
 * Brier = mean (PD − bad)². PSI = Σ (a − e)·ln(a / e) over bins of the expected scores (Siddiqi 2006 §8).
 */
import type { Rng } from '../rng.js';

/** AUC by ranks, O(n log n); NaN when either class is empty. */
export function auc(scores: readonly number[], good: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumGood = 0;
  let nGood = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (good[idx[k]!]) {
        rankSumGood += midRank;
        nGood++;
      }
    i = j;
  }
  const nBad = scores.length - nGood;
  if (nGood === 0 || nBad === 0) return NaN;
  return (rankSumGood - (nGood * (nGood + 1)) / 2) / (nGood * nBad);
}

export interface RocPoint {
  /** Share of bads with a score ≥ threshold. */
  readonly badAccepted: number;
  /** Share of goods with a score ≥ threshold. */
  readonly goodAccepted: number;
  readonly threshold: number;
}

/** ROC points from the highest threshold down (one per distinct score), starting at (0, 0). */
export function rocCurve(scores: readonly number[], good: readonly boolean[]): RocPoint[] {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const nGood = good.filter(Boolean).length;
  const nBad = good.length - nGood;
  const out: RocPoint[] = [{ badAccepted: 0, goodAccepted: 0, threshold: Infinity }];
  let g = 0;
  let b = 0;
  for (let i = 0; i < idx.length;) {
    const s = scores[idx[i]!]!;
    while (i < idx.length && scores[idx[i]!] === s) {
      if (good[idx[i]!]) g++;
      else b++;
      i++;
    }
    out.push({ badAccepted: nBad ? b / nBad : 0, goodAccepted: nGood ? g / nGood : 0, threshold: s });
  }
  return out;
}

/** Kolmogorov–Smirnov statistic between the score distributions of goods and bads (0..1). */
export function ks(scores: readonly number[], good: readonly boolean[]): number {
  return rocCurve(scores, good).reduce((m, p) => Math.max(m, Math.abs(p.goodAccepted - p.badAccepted)), 0);
}

/** Brier score of PDs against outcomes (bad = 1). */
export function brier(pd: readonly number[], good: readonly boolean[]): number {
  if (pd.length === 0) return NaN;
  return pd.reduce((s, p, i) => s + (p - (good[i] ? 0 : 1)) ** 2, 0) / pd.length;
}

export interface CalibrationBin {
  readonly bin: number;
  readonly count: number;
  readonly meanPd: number;
  readonly badRate: number;
}

/** Calibration by decile (or `bins` quantiles) of predicted PD. */
export function calibration(pd: readonly number[], good: readonly boolean[], bins = 10): CalibrationBin[] {
  const idx = pd.map((_, i) => i).sort((a, b) => pd[a]! - pd[b]!);
  const out: CalibrationBin[] = [];
  for (let k = 0; k < bins; k++) {
    const part = idx.slice(Math.floor((k * idx.length) / bins), Math.floor(((k + 1) * idx.length) / bins));
    if (part.length === 0) continue;
    const meanPd = part.reduce((s, i) => s + pd[i]!, 0) / part.length;
    const badRate = part.filter((i) => !good[i]).length / part.length;
    out.push({ bin: k + 1, count: part.length, meanPd, badRate });
  }
  return out;
}

/** Population stability index of `actual` against `expected`, over quantile bins of `expected`. */
export function psi(expected: readonly number[], actual: readonly number[], bins = 10): number {
  if (expected.length === 0 || actual.length === 0) return NaN;
  const sorted = [...expected].sort((a, b) => a - b);
  const cuts = Array.from(
    { length: bins - 1 },
    (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / bins)]!,
  );
  const shares = (xs: readonly number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const x of xs) {
      let b = 0;
      while (b < cuts.length && x >= cuts[b]!) b++;
      counts[b]!++;
    }
    return counts.map((c) => Math.max(c / xs.length, 1e-4));
  };
  const e = shares(expected);
  const a = shares(actual);
  return e.reduce((s, ei, i) => s + (a[i]! - ei) * Math.log(a[i]! / ei), 0);
}

/** Bootstrap percentile interval of AUC (resampling rows with replacement). */
export function bootstrapAuc(
  scores: readonly number[],
  good: readonly boolean[],
  rng: Rng,
  samples = 1000,
  level = 0.95,
): { low: number; high: number } {
  const n = scores.length;
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const sc: number[] = new Array(n);
    const gd: boolean[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng() * n);
      sc[i] = scores[j]!;
      gd[i] = good[j]!;
    }
    const a = auc(sc, gd);
    if (!Number.isNaN(a)) values.push(a);
  }
  values.sort((a, b) => a - b);
  const q = (p: number) =>
    values[Math.min(values.length - 1, Math.max(0, Math.floor(p * values.length)))] ?? NaN;
  return { low: q((1 - level) / 2), high: q(1 - (1 - level) / 2) };
}
