/**
 * Feature vectors as rows of one Float64Array (the schema's order; NaN = missing), and a writer that
 * fills one row by name.
 */
import { FEATURE_INDEX, FEATURE_NAMES, type FeatureName } from './schema.js';

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Fills one row of a matrix by feature name; null or a non-finite value becomes NaN (missing). */
export class FeatureWriter {
  constructor(
    private readonly values: Float64Array,
    private offset = 0,
  ) {}

  /** Points the writer at row `row`. */
  row(row: number): this {
    this.offset = row * FEATURE_COUNT;
    return this;
  }

  set(name: FeatureName, value: number | null): this {
    this.values[this.offset + FEATURE_INDEX[name]] = value === null || !Number.isFinite(value) ? NaN : value;
    return this;
  }
}

/** One row of a matrix as a record by name (NaN → null). */
export function rowToRecord(values: ArrayLike<number>, row = 0): Record<FeatureName, number | null> {
  const out = {} as Record<FeatureName, number | null>;
  const base = row * FEATURE_COUNT;
  FEATURE_NAMES.forEach((name, j) => {
    const x = values[base + j]!;
    out[name] = Number.isNaN(x) ? null : x;
  });
  return out;
}
