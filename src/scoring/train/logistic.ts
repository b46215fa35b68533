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

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fits α, β on rows `x` (n × k) and 0/1 outcomes `y`. The intercept is not penalised. */
export function fitLogistic(
  x: ReadonlyArray<readonly number[]>,
  y: ReadonlyArray<number>,
  options: Partial<LogisticOptions> = {},
): LogisticFit {
  const opts = { ...LOGISTIC_DEFAULTS, ...options };
  const k = x[0]?.length ?? 0;
  const w = new Array<number>(k + 1).fill(0);
  let iterations = 0;
  let converged = false;
  while (iterations < opts.maxIterations && !converged) {
    const H = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
    const g = new Array<number>(k + 1).fill(0);
    x.forEach((row, i) => {
      const z = [1, ...row];
      const p = sigmoid(z.reduce((s, v, j) => s + v * w[j]!, 0));
      const r = p * (1 - p);
      for (let a = 0; a <= k; a++) {
        g[a]! += (y[i]! - p) * z[a]!;
        for (let b = 0; b <= k; b++) H[a]![b]! += r * z[a]! * z[b]!;
      }
    });
    for (let a = 1; a <= k; a++) {
      H[a]![a]! += opts.ridge * x.length;
      g[a]! -= opts.ridge * x.length * w[a]!;
    }
    const step = solve(H, g);
    let maxStep = 0;
    step.forEach((s, j) => {
      w[j]! += s;
      maxStep = Math.max(maxStep, Math.abs(s));
    });
    iterations++;
    converged = maxStep < opts.tolerance;
  }
  return { intercept: w[0]!, coefficients: w.slice(1), iterations, converged };
}
