/**
 * Logistic regression by iteratively reweighted least squares (Newton–Raphson; Hastie, Tibshirani &
 * Friedman, "The Elements of Statistical Learning", §4.4.1) with a small ridge penalty for stability.
 * Models P(y = 1 | x) = σ(α + β·x).
 */

export interface LogisticOptions {
  readonly ridge: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export const LOGISTIC_DEFAULTS: LogisticOptions = { ridge: 1e-3, maxIterations: 50, tolerance: 1e-8 };

export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
}

/** Solves A·x = b (A square, symmetric positive definite in practice) by Gaussian elimination with pivoting. */
export function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const pivot = M[c]![c]!;
    if (Math.abs(pivot) < 1e-300) throw new Error('singular system');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / pivot;
      if (f !== 0) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/** Fits α, β on rows `x` (n × k) and 0/1 outcomes `y`. The intercept is not penalised. */
export function fitLogistic(
  x: ReadonlyArray<readonly number[]>,
  y: ReadonlyArray<number>,
  options: Partial<LogisticOptions> = {},
): LogisticFit {
  const opts = { ...LOGISTIC_DEFAULTS, ...options };
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const d = k + 1;
  // design matrix with the intercept column, row-major, once: the iterations allocate nothing per row
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    z[i * d] = 1;
    const row = x[i]!;
    for (let j = 0; j < k; j++) z[i * d + 1 + j] = row[j]!;
  }
  const w = new Float64Array(d);
  const H = new Float64Array(d * d);
  const g = new Float64Array(d);
  let iterations = 0;
  let converged = false;
  while (iterations < opts.maxIterations && !converged) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let eta = 0;
      for (let a = 0; a < d; a++) eta += z[o + a]! * w[a]!;
      const p = 1 / (1 + Math.exp(-eta));
      const r = p * (1 - p);
      const e = y[i]! - p;
      for (let a = 0; a < d; a++) {
        const za = z[o + a]!;
        g[a]! += e * za;
        const rza = r * za;
        for (let b = a; b < d; b++) H[a * d + b]! += rza * z[o + b]!;
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) H[a * d + b] = H[b * d + a]!;
    for (let a = 1; a < d; a++) {
      H[a * d + a]! += opts.ridge * n;
      g[a]! -= opts.ridge * n * w[a]!;
    }
    const step = solve(
      Array.from({ length: d }, (_, a) => Array.from(H.subarray(a * d, (a + 1) * d))),
      Array.from(g),
    );
    let maxStep = 0;
    step.forEach((s, j) => {
      w[j]! += s;
      maxStep = Math.max(maxStep, Math.abs(s));
    });
    iterations++;
    converged = maxStep < opts.tolerance;
  }
  return { intercept: w[0]!, coefficients: Array.from(w.subarray(1)), iterations, converged };
}
