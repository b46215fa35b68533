/**
 * Points-to-double-odds scaling (Siddiqi, "Credit Risk Scorecards", 2006, ch. 6):
 * score = offset + factor × ln(odds), odds = good:bad, factor = PDO / ln 2,
 * offset = anchorScore − factor × ln(anchorOdds). Default: 600 at 19:1 good:bad (PD 5%), PDO 50,
 * reported within 350–950.
 */

export interface ScaleOptions {
  /** Score at the anchor odds (points). */
  readonly anchorScore: number;
  /** Good:bad odds at the anchor score (19 means 1 bad in 20). */
  readonly anchorOdds: number;
  /** Points to double the odds. */
  readonly pdo: number;
  readonly min: number;
  readonly max: number;
}

export const DEFAULT_SCALE: ScaleOptions = Object.freeze({
  anchorScore: 600,
  anchorOdds: 19,
  pdo: 50,
  min: 350,
  max: 950,
});

/** Points per unit of log-odds. */
export function scaleFactor(scale: ScaleOptions): number {
  return scale.pdo / Math.LN2;
}

/** Score at log-odds 0 (even odds). */
export function scaleOffset(scale: ScaleOptions): number {
  return scale.anchorScore - scaleFactor(scale) * Math.log(scale.anchorOdds);
}

/** Unclamped score for good:bad log-odds. */
export function scoreFromLogOdds(logOdds: number, scale: ScaleOptions = DEFAULT_SCALE): number {
  return scaleOffset(scale) + scaleFactor(scale) * logOdds;
}

/** Good:bad log-odds for an unclamped score. */
export function logOddsFromScore(score: number, scale: ScaleOptions = DEFAULT_SCALE): number {
  return (score - scaleOffset(scale)) / scaleFactor(scale);
}

/** Probability of default (0..1) for an unclamped score. */
export function pdFromScore(score: number, scale: ScaleOptions = DEFAULT_SCALE): number {
  return 1 / (1 + Math.exp(logOddsFromScore(score, scale)));
}

/** The reported score: rounded and clamped to [min, max]. */
export function clampScore(score: number, scale: ScaleOptions = DEFAULT_SCALE): number {
  return Math.min(scale.max, Math.max(scale.min, Math.round(score)));
}

/** Bands by PD, independent of the scale: A best … E worst. Upper PD bound of each band (exclusive). */
export const BANDS: ReadonlyArray<{ readonly band: string; readonly maxPd: number }> = [
  { band: 'A', maxPd: 0.01 },
  { band: 'B', maxPd: 0.03 },
  { band: 'C', maxPd: 0.08 },
  { band: 'D', maxPd: 0.2 },
  { band: 'E', maxPd: Infinity },
];

export function bandOf(pd: number): string {
  return (BANDS.find((b) => pd < b.maxPd) ?? BANDS[BANDS.length - 1]!).band;
}
