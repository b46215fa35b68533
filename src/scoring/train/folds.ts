/**
 * Stratified K-fold assignment (Kohavi 1995): each class is shuffled with a seeded generator and dealt
 * round-robin over the folds, so every fold holds about 1/K of the goods and 1/K of the bads and the
 * same seed always gives the same folds.
 */
import type { Rng } from '../rng.js';

/** The fold (0..k−1) of every row; `bad[i]` is row i's outcome. Needs k ≥ 2. */
export function stratifiedFolds(bad: readonly boolean[], k: number, rng: Rng): Uint16Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds: k must be an integer ≥ 2, got ${k}`);
  const fold = new Uint16Array(bad.length);
  let dealt = 0;
  for (const cls of [true, false]) {
    const idx: number[] = [];
    bad.forEach((b, i) => {
      if (b === cls) idx.push(i);
    });
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    // continue the deal where the previous class stopped, so fold sizes differ by at most one
    idx.forEach((row, r) => (fold[row] = (dealt + r) % k));
    dealt += idx.length;
  }
  return fold;
}

/** Rows of fold `f` (test) and of the others (train). */
export function splitFold<T>(rows: readonly T[], fold: Uint16Array, f: number): { train: T[]; test: number[] } {
  const train: T[] = [];
  const test: number[] = [];
  rows.forEach((row, i) => {
    if (fold[i] === f) test.push(i);
    else train.push(row);
  });
  return { train, test };
}
