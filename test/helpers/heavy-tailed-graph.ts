/** A seeded random directed graph whose targets follow a power law (preferential by index). */
import { createHash } from 'node:crypto';
import { createRng } from '../../src/analytics/rng.js';

/** `m` distinct edges [src, dst, weight] on `n` nodes; weights are log-damped amounts. */
export function randomHeavyTailedGraph(n: number, m: number, seed: number): number[][] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const edges: number[][] = [];
  while (edges.length < m) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(n * rng() ** 2.5);
    if (a === b || seen.has(`${a}:${b}`)) continue;
    seen.add(`${a}:${b}`);
    edges.push([a, b, Math.log1p(1 + Math.floor(rng() ** 3 * 1e6))]);
  }
  return edges;
}

/** SHA-256 of the edge list's JSON: ties an oracle fixture to the exact graph it was computed on. */
export function edgesDigest(edges: readonly (readonly number[])[]): string {
  return createHash('sha256').update(JSON.stringify(edges)).digest('hex');
}
