import assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { betweenness, planBetweenness, runBetweennessChunk, finishBetweenness } from '../../../src/analytics/betweenness.js';
import { sampleSize } from '../../../src/analytics/betweenness-sampling.js';
import { createRng } from '../../../src/analytics/rng.js';
import { directed, near } from './helpers.js';

type GraphologyBetweenness = typeof betweennessModule.default;
// CommonJS module whose typings declare a default export
const graphologyBetweenness: GraphologyBetweenness = 'default' in betweennessModule ? betweennessModule.default : (betweennessModule as unknown as GraphologyBetweenness);

const exactOnly = { exactMaxNodes: 1e9, epsilon: 0.01, delta: 0.1, rng: createRng(1) };

/** A seeded random directed graph without parallel edges or self-loops. */
function randomEdges(n: number, m: number, seed: number): number[][] {
  const rng = createRng(seed);
  const seen = new Set<number>();
  const edges: number[][] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(n * rng() ** 2); // a few popular targets, as in payment graphs
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    edges.push([a, b]);
  }
  return edges;
}

describe('analytics/betweenness', () => {
  it('scores node i of a one-way path by i·(n−1−i) pairs, normalised by (n−1)(n−2)', () => {
    const n = 6;
    const r = betweenness(directed(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1])), exactOnly);
    assert.equal(r.exact, true);
    for (let i = 0; i < n; i++) near(r.scores[i]!, (i * (n - 1 - i)) / ((n - 1) * (n - 2)), 1e-12, `node ${i}`);
  });

  it('gives the centre of a two-way star 1 and the leaves 0', () => {
    const k = 5;
    const edges = Array.from({ length: k }, (_, i) => [[0, i + 1], [i + 1, 0]]).flat();
    const r = betweenness(directed(k + 1, edges), exactOnly);
    near(r.scores[0]!, 1, 1e-12, 'centre');
    for (let i = 1; i <= k; i++) near(r.scores[i]!, 0, 1e-12, 'leaf');
  });

  it('splits credit between equal shortest paths', () => {
    // 0 → {1, 2} → 3: each middle node lies on half of the two shortest paths 0 → 3
    const r = betweenness(directed(4, [[0, 1], [0, 2], [1, 3], [2, 3]]), exactOnly);
    near(r.scores[1]!, 0.5 / 6, 1e-12);
    near(r.scores[2]!, 0.5 / 6, 1e-12);
  });

  it('agrees with graphology-metrics (exact)', () => {
    const rng = createRng(11);
    const n = 150;
    const graph = new DirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    const edges: number[][] = [];
    for (let i = 0; i < 600; i++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a === b || graph.hasEdge(String(a), String(b))) continue;
      graph.addEdge(String(a), String(b));
      edges.push([a, b]);
    }
    const ours = betweenness(directed(n, edges), exactOnly);
    const theirs = graphologyBetweenness(graph, { normalized: true });
    for (let i = 0; i < n; i++) near(ours.scores[i]!, theirs[String(i)]!, 1e-9, `node ${i}`);
  });

  it('sizes the sample from ε, δ and the vertex diameter only (Riondato & Kornaropoulos)', () => {
    // r = ⌈(0.5/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ))⌉
    assert.equal(sampleSize(0.1, 0.1, 10), Math.ceil(50 * (3 + 1 + Math.log(10))));
    assert.equal(sampleSize(0.1, 0.1, 2), 0, 'no interior nodes, nothing to sample');
    assert.throws(() => sampleSize(0, 0.1, 10), /epsilon/);
    assert.throws(() => sampleSize(0.1, 1, 10), /delta/);
  });

  for (const [seed, n, m] of [[1, 60, 240], [2, 120, 360], [3, 200, 1200]] as const) {
    it(`estimates every node within ε of exact betweenness (seed ${seed}, n ${n})`, () => {
      const g = directed(n, randomEdges(n, m, seed));
      const exact = betweenness(g, exactOnly);
      const epsilon = 0.04;
      const sampled = betweenness(g, { exactMaxNodes: 0, epsilon, delta: 0.1, rng: createRng(seed) });
      assert.equal(sampled.exact, false);
      assert.ok(sampled.samples > 0 && sampled.vertexDiameter >= 3);
      near(sampled.errorBound, (epsilon * n) / (n - 2), 1e-12, 'error bound on the (n − 1)(n − 2) scale');
      let worst = 0;
      for (let v = 0; v < n; v++) worst = Math.max(worst, Math.abs(sampled.scores[v]! - exact.scores[v]!));
      assert.ok(worst <= sampled.errorBound, `largest error ${worst} over the bound ${sampled.errorBound}`);
      assert.ok(worst > 0, 'a sampled estimate, not the exact values');
    });
  }

  it('gives the same scores whether the chunks run together or apart', () => {
    const g = directed(100, randomEdges(100, 400, 9));
    const opts = { exactMaxNodes: 0, epsilon: 0.1, delta: 0.1 };
    const whole = betweenness(g, { ...opts, rng: createRng(4) });
    const plan = planBetweenness(g, { ...opts, rng: createRng(4) });
    const parts = plan.chunks.map((_, k) => runBetweennessChunk(g, plan, k)).reverse();
    assert.deepEqual([...finishBetweenness(plan, parts).scores], [...whole.scores]);
  });
});
