/**
 * The synthetic payment graph of the analytics benchmarks, built in memory (no Neo4j): payers
 * uniform, payees power-law (a few hubs take most payments), amounts heavy-tailed, 2 % bad.
 * Sizes: s ≈ 20k edges, m ≈ 1M, l ≈ 10M (nodes = edges / 10).
 */
import { EDGE_KIND, EdgeListBuilder, type AnalyticsGraph } from '../src/analytics/edge-list.js';
import { createRng } from '../src/analytics/rng.js';

export const SIZES: Record<string, number> = { s: 20_000, m: 1_000_000, l: 10_000_000 };

/** Edges wanted at a size name, or throws. */
export function edgesAt(size: string): number {
  const edges = SIZES[size];
  if (!edges) throw new Error(`size must be one of ${Object.keys(SIZES).join(', ')}`);
  return edges;
}

/** A seeded snapshot of `edges` PAYS edges over edges / 10 entities. */
export function syntheticSnapshot(edges: number): AnalyticsGraph {
  const n = Math.round(edges / 10);
  const rng = createRng(2024);
  const b = new EdgeListBuilder(edges);
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < edges; i++) {
    const src = Math.floor(rng() * n);
    const dst = Math.floor(n * rng() ** 3);
    const at = t0 + Math.floor(rng() * 365) * 86_400_000;
    b.add({
      src,
      dst,
      kind: EDGE_KIND.pays,
      amount: Math.floor(100 / (rng() + 1e-4)),
      first: at,
      last: at + 86_400_000,
    });
  }
  const bad = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (rng() < 0.02) bad[v] = 1;
  return { ids: Array.from({ length: n }, (_, v) => `E-${v}`), bad, edges: b.finish(), identifierGroups: [] };
}

/** Peak resident set size of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
