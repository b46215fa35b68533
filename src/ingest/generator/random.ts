/**
 * Seeded randomness for the synthetic network: mulberry32 (Tommy Ettinger, public domain) plus the few
 * distributions the generator needs. Pure; the same seed gives the same sequence on every platform.
 */
import { createRng, seedFromString } from '../../analytics/rng.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Pareto with scale 1 and shape `alpha` (heavy tail; mean alpha/(alpha-1) for alpha > 1). */
  pareto(alpha: number): number;
  /** Log-normal: exp(mu + sigma·Z). */
  logNormal(mu: number, sigma: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** A generator seeded by `seed` and a stream name, so each phase has its own reproducible stream. */
export function createRandom(seed: number, stream = ''): Random {
  const next = createRng(seed ^ seedFromString(stream));
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal,
    pareto: (alpha) => (1 - next()) ** (-1 / alpha),
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}

/** Samples indices in proportion to non-negative weights (cumulative sums + binary search). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  /** @param weights weight of each index; `order` maps sampler positions to the returned indices. */
  constructor(
    weights: ArrayLike<number>,
    private readonly order?: ArrayLike<number>,
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i] as number;
  }

  /** An index drawn from positions [from, to) of the weights (default: all). */
  sample(random: Random, from = 0, to = this.cumulative.length): number {
    const base = from > 0 ? (this.cumulative[from - 1] as number) : 0;
    const target = base + random.next() * ((this.cumulative[to - 1] as number) - base);
    let lo = from;
    let hi = to - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.order ? (this.order[lo] as number) : lo;
  }
}
