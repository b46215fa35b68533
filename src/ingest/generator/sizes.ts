/** Network sizes for `creditgraph generate --size`: entities and payment events. */
export const NETWORK_SIZES = {
  /** Demo and tests. */
  s: { entities: 2_000, payments: 20_000 },
  /** Benchmarks. */
  m: { entities: 100_000, payments: 1_000_000 },
  /** Load tests. */
  l: { entities: 1_000_000, payments: 10_000_000 },
} as const;

export type NetworkSize = keyof typeof NETWORK_SIZES;

export function isNetworkSize(value: string): value is NetworkSize {
  return Object.hasOwn(NETWORK_SIZES, value);
}

/**
 * Start of the simulated period (2023-01-01T00:00:00Z) and its length (two years), in ms. The generators
 * work in this frame; `generateNetwork` shifts every written time so the period ends at its `endMs`.
 */
export const PERIOD_START_MS = Date.UTC(2023, 0, 1);
export const PERIOD_MS = Date.UTC(2025, 0, 1) - PERIOD_START_MS;
/** Default end of the simulated period (2025-01-01T00:00:00Z), fixed so a seed alone fixes the files. */
export const DEFAULT_END_MS = PERIOD_START_MS + PERIOD_MS;
export const DAY_MS = 86_400_000;
