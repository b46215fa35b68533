/**
 * Supervised binning for a scorecard (Siddiqi 2006, ch. 4; Thomas, Edelman & Crook 2002, §8): start from
 * quantile bins, merge bins too small to be stable, enforce a monotone bad rate in the feature's risk
 * direction by merging adjacent violators (pool-adjacent-violators), then merge the most similar
 * neighbours down to `maxBins`. Weight of evidence per bin: WoE = ln((good_i/G) / (bad_i/B)), with 0.5
 * added to each count so empty cells stay finite. + WoE = safer.
 */
import type { RiskDirection } from '../features.js';

export interface BinningOptions {
  /** Quantile bins to start from. */
  readonly initialBins: number;
  readonly maxBins: number;
  /** Smallest bin as a share of the non-missing rows. */
  readonly minBinShare: number;
  /** Smallest bin in rows. */
  readonly minBinCount: number;
  /**
   * How missing values score: 'woe' gives them their own bin (when it has minBinCount rows); 'neutral'
   * gives them WoE 0 (the average). When the same rows miss many features at once (an entity with no
   * activity of its own), their own bins repeat one piece of evidence in every feature.
   */
  readonly missing: 'woe' | 'neutral';
}

export const BINNING_DEFAULTS: BinningOptions = {
  initialBins: 20,
  maxBins: 6,
  minBinShare: 0.05,
  minBinCount: 20,
  missing: 'woe',
};

export interface FittedBin {
  /** [min, max), null = unbounded. */
  readonly min: number | null;
  readonly max: number | null;
  readonly count: number;
  readonly bads: number;
  readonly woe: number;
}

export interface FittedBinning {
  readonly bins: readonly FittedBin[];
  readonly missing: { readonly count: number; readonly bads: number; readonly woe: number };
  /** Information value Σ (g_i/G − b_i/B)·WoE_i, including the missing bin. */
  readonly iv: number;
  /** The direction the bad rate was made monotone in ('unknown' chooses it from the data). */
  readonly direction: Exclude<RiskDirection, 'unknown'>;
}

interface Cell {
  lo: number;
  count: number;
  bads: number;
}

function woe(goods: number, bads: number, G: number, B: number): number {
  return Math.log((goods + 0.5) / (G + 0.5) / ((bads + 0.5) / (B + 0.5)));
}

function quantileCells(pairs: Array<[number, boolean]>, initial: number): Cell[] {
  const cells: Cell[] = [];
  const n = pairs.length;
  let i = 0;
  while (i < n) {
    const target = Math.min(n, Math.max(i + 1, Math.round(((cells.length + 1) * n) / initial)));
    let j = i;
    while (j < n && (j < target || pairs[j]![0] === pairs[j - 1]![0])) j++;
    let bads = 0;
    for (let k = i; k < j; k++) if (pairs[k]![1]) bads++;
    cells.push({ lo: pairs[i]![0], count: j - i, bads });
    i = j;
  }
  return cells;
}

function mergeAt(cells: Cell[], i: number): void {
  const a = cells[i]!;
  const b = cells[i + 1]!;
  cells.splice(i, 2, { lo: a.lo, count: a.count + b.count, bads: a.bads + b.bads });
}

const rate = (c: Cell) => c.bads / c.count;
/** Smoothed bad:good odds of a cell: the order of the WoE it gets (WoE falls as it rises), with the same 0.5s. */
const badOdds = (c: Cell) => (c.bads + 0.5) / (c.count - c.bads + 0.5);

function mergeSmall(cells: Cell[], minCount: number): void {
  for (let i = 0; cells.length > 1 && i < cells.length;) {
    if (cells[i]!.count >= minCount) {
      i++;
      continue;
    }
    const j =
      i === cells.length - 1 ? i - 1 : i === 0 ? 0 : rateGap(cells, i - 1) <= rateGap(cells, i) ? i - 1 : i;
    mergeAt(cells, j);
    i = Math.max(0, j);
  }
}

function rateGap(cells: Cell[], i: number): number {
  return Math.abs(rate(cells[i]!) - rate(cells[i + 1]!));
}

/**
 * Merges until the bad rate rises (riskier) or falls (safer) with the value; returns merges made. The
 * order is that of the smoothed odds, which the WoE follows exactly: two all-bad bins of different
 * sizes would otherwise tie on the raw rate and still get WoEs out of order.
 */
function makeMonotone(cells: Cell[], direction: 'riskier' | 'safer'): number {
  let merges = 0;
  const violates = (i: number) =>
    direction === 'riskier' ? badOdds(cells[i]!) > badOdds(cells[i + 1]!) : badOdds(cells[i]!) < badOdds(cells[i + 1]!);
  for (let i = 0; i < cells.length - 1;) {
    if (violates(i)) {
      mergeAt(cells, i);
      merges++;
      i = Math.max(0, i - 1);
    } else i++;
  }
  return merges;
}

/** Bins one feature. `bad[i]` is the outcome of row i; null values form the missing bin. */
export function fitBinning(
  values: ReadonlyArray<number | null>,
  bad: ReadonlyArray<boolean>,
  direction: RiskDirection,
  options: Partial<BinningOptions> = {},
): FittedBinning {
  const opts = { ...BINNING_DEFAULTS, ...options };
  const pairs: Array<[number, boolean]> = [];
  let missCount = 0;
  let missBads = 0;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      missCount++;
      if (bad[i]) missBads++;
    } else pairs.push([v, bad[i]!]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  const B = bad.filter(Boolean).length;
  const G = bad.length - B;
  let cells = pairs.length ? quantileCells(pairs, opts.initialBins) : [];
  mergeSmall(cells, Math.max(opts.minBinCount, Math.ceil(opts.minBinShare * pairs.length)));
  let dir: 'riskier' | 'safer' = direction === 'safer' ? 'safer' : 'riskier';
  if (direction === 'unknown') {
    const up = cells.map((c) => ({ ...c }));
    const down = cells.map((c) => ({ ...c }));
    const mu = makeMonotone(up, 'riskier');
    const md = makeMonotone(down, 'safer');
    dir = mu <= md ? 'riskier' : 'safer';
    cells = dir === 'riskier' ? up : down;
  } else makeMonotone(cells, dir);
  while (cells.length > opts.maxBins) {
    let best = 0;
    for (let i = 1; i < cells.length - 1; i++) if (rateGap(cells, i) < rateGap(cells, best)) best = i;
    mergeAt(cells, best);
  }
  const bins: FittedBin[] = cells.map((c, i) => ({
    min: i === 0 ? null : c.lo,
    max: i === cells.length - 1 ? null : cells[i + 1]!.lo,
    count: c.count,
    bads: c.bads,
    woe: woe(c.count - c.bads, c.bads, G, B),
  }));
  if (bins.length === 0) bins.push({ min: null, max: null, count: 0, bads: 0, woe: 0 });
  const stableMissing = opts.missing === 'woe' && missCount >= opts.minBinCount;
  const missing = {
    count: missCount,
    bads: missBads,
    woe: stableMissing ? woe(missCount - missBads, missBads, G, B) : 0,
  };
  const ivOf = (goods: number, bads: number, w: number) =>
    ((goods + 0.5) / (G + 0.5) - (bads + 0.5) / (B + 0.5)) * w;
  const iv =
    bins.reduce((s, b) => s + ivOf(b.count - b.bads, b.bads, b.woe), 0) +
    (stableMissing ? ivOf(missCount - missBads, missBads, missing.woe) : 0);
  return { bins, missing, iv, direction: dir };
}

/** The WoE of a value under a binning. */
export function woeOf(binning: FittedBinning, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return binning.missing.woe;
  let found = binning.bins[0]!;
  for (const b of binning.bins) {
    if (b.min === null || value >= b.min) found = b;
    else break;
  }
  return found.woe;
}
