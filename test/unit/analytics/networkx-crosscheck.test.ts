/**
 * Cross-check against networkx (Debian's python3-networkx, a test oracle only): on a random
 * heavy-tailed directed graph of 1,000 nodes, weighted PageRank and exact betweenness agree within
 * 1e-6. Skips, saying why, only when /usr/bin/python3 cannot import networkx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pagerank } from '../../../src/analytics/pagerank.js';
import { betweenness } from '../../../src/analytics/betweenness.js';
import { createRng } from '../../../src/analytics/rng.js';
import { directed } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const ORACLE = fileURLToPath(new URL('../../fixtures/networkx-oracle.py', import.meta.url));

function networkxAvailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
  return r.status === 0 ? null : (r.stderr || r.error?.message || 'unknown error').trim();
}

/** A directed graph whose targets follow a power law (preferential by index), weights log-damped amounts. */
function randomHeavyTailedGraph(n: number, m: number, seed: number): number[][] {
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

describe('analytics cross-check with networkx', function () {
  this.timeout(120000);

  it('PageRank and betweenness agree with networkx within 1e-6 on 1,000 nodes', function () {
    const missing = networkxAvailable();
    if (missing) {
      console.warn(`  skipped: ${PYTHON} cannot import networkx (apt-get install -y python3-networkx): ${missing}`);
      this.skip();
    }
    const n = 1000;
    const edges = randomHeavyTailedGraph(n, 5000, 42);
    const alpha = 0.85;
    const out = spawnSync(PYTHON, [ORACLE], { input: JSON.stringify({ n, edges, alpha, tol: 1e-13 }), encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(out.status, 0, out.stderr);
    const oracle = JSON.parse(out.stdout) as { pagerank: number[]; betweenness: number[] };
    const g = directed(n, edges);
    const pr = pagerank(g, { alpha, tolerance: 1e-13 });
    const bc = betweenness(g, { exactMaxNodes: n, samples: 1, rng: createRng(1) });
    let maxPr = 0;
    let maxBc = 0;
    for (let i = 0; i < n; i++) {
      maxPr = Math.max(maxPr, Math.abs(pr.scores[i]! - oracle.pagerank[i]!));
      maxBc = Math.max(maxBc, Math.abs(bc.scores[i]! - oracle.betweenness[i]!));
    }
    assert.ok(maxPr <= 1e-6, `PageRank differs by up to ${maxPr}`);
    assert.ok(maxBc <= 1e-6, `betweenness differs by up to ${maxBc}`);
    assert.ok(Math.max(...oracle.betweenness) > 0.01, 'the graph has non-trivial betweenness');
  });
});
