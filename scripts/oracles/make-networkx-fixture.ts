/**
 * Writes test/fixtures/networkx-oracle.json: networkx's weighted PageRank and exact betweenness of the
 * seeded heavy-tailed test graph (1,000 nodes, 5,000 edges), so the cross-check test needs no Python.
 * Run again only when the graph or the oracle changes (needs a python3 with networkx, numpy, scipy):
 *
 *   npx tsx scripts/oracles/make-networkx-fixture.ts [python3]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { edgesDigest, randomHeavyTailedGraph } from '../../test/helpers/heavy-tailed-graph.js';

const python = process.argv[2] ?? 'python3';
const oracle = fileURLToPath(new URL('./networkx-oracle.py', import.meta.url));
const out = fileURLToPath(new URL('../../test/fixtures/networkx-oracle.json', import.meta.url));
const graph = { n: 1000, m: 5000, seed: 42 };
const edges = randomHeavyTailedGraph(graph.n, graph.m, graph.seed);
const spec = { n: graph.n, edges, alpha: 0.85, tol: 1e-13 };
const run = spawnSync(python, [oracle], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.status !== 0) throw new Error(`${python} ${oracle} failed: ${run.stderr || run.error?.message}`);
const result = JSON.parse(run.stdout) as { pagerank: number[]; betweenness: number[]; networkx: string };
const version = spawnSync(python, ['--version'], { encoding: 'utf8' }).stdout.trim();
const fixture = {
  generator: 'scripts/oracles/make-networkx-fixture.ts with scripts/oracles/networkx-oracle.py',
  networkx: result.networkx,
  python: version,
  graph: { ...graph, edgesSha256: edgesDigest(edges) },
  alpha: spec.alpha,
  tolerance: spec.tol,
  pagerank: result.pagerank,
  betweenness: result.betweenness,
};
writeFileSync(out, JSON.stringify(fixture) + '\n');
console.log(`wrote ${out} (networkx ${result.networkx}, ${version})`);
