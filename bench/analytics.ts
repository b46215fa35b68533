/**
 * Analytics benchmark on a synthetic heavy-tailed payment graph built in memory (no Neo4j):
 * prints graph build time, PageRank, betweenness (sampled), Louvain, exposure and the whole risk
 * stage, with peak RSS. Sizes: s ≈ 20k edges, m ≈ 1M, l ≈ 10M (nodes = edges / 10).
 *
 *   node --import tsx bench/analytics.ts s|m|l [--max-old-space-size=… via NODE_OPTIONS]
 */
import { EDGE_KIND, EdgeListBuilder, type GraphSnapshot } from '../src/analytics/edge-list.js';
import { ANALYTICS_DEFAULTS, prepareGraph, computeCommunities, computeRisk } from '../src/analytics/analytics-pipeline.js';
import { pagerank } from '../src/analytics/pagerank.js';
import { betweenness } from '../src/analytics/betweenness.js';
import { exposure } from '../src/analytics/exposure.js';
import { createRng } from '../src/analytics/rng.js';

const SIZES: Record<string, number> = { s: 20_000, m: 1_000_000, l: 10_000_000 };
const size = process.argv[2] ?? 's';
const edgesWanted = SIZES[size] ?? 0;
if (!edgesWanted) throw new Error(`size must be one of ${Object.keys(SIZES).join(', ')}`);
const n = Math.round(edgesWanted / 10);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

function timed<T>(label: string, work: () => T): T {
  const t = performance.now();
  const out = work();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`${label.padEnd(34)} ${((performance.now() - t) / 1000).toFixed(2).padStart(8)} s   rss ${mb(process.memoryUsage().rss)}`);
  return out;
}

/** Payers uniform, payees power-law (a few hubs take most payments), amounts heavy-tailed, 2 % bad. */
function syntheticSnapshot(): GraphSnapshot {
  const rng = createRng(2024);
  const b = new EdgeListBuilder(edgesWanted);
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < edgesWanted; i++) {
    const src = Math.floor(rng() * n);
    const dst = Math.floor(n * rng() ** 3);
    const at = t0 + Math.floor(rng() * 365) * 86_400_000;
    b.add({ src, dst, kind: EDGE_KIND.pays, amount: Math.floor(100 / (rng() + 1e-4)), first: at, last: at + 86_400_000 });
  }
  const bad = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (rng() < 0.02) bad[v] = 1;
  return { ids: Array.from({ length: n }, (_, v) => `E-${v}`), bad, edges: b.finish(), identifierGroups: [] };
}

console.log(`size ${size}: ${n.toLocaleString()} nodes, ${edgesWanted.toLocaleString()} edges (node ${process.version})`);
const snapshot = timed('generate edge list', syntheticSnapshot);
const graph = timed('build CSR (directed + undirected)', () => prepareGraph(snapshot));
const pr = timed('PageRank (tol 1e-10 per node)', () => pagerank(graph.directed, ANALYTICS_DEFAULTS.pagerank));
console.log(`  ${pr.iterations} iterations, converged ${pr.converged}`);
const bc = timed('betweenness (256 sources)', () => betweenness(graph.directed, { exactMaxNodes: 5000, samples: 256, rng: createRng(1) }));
console.log(`  exact ${bc.exact}, sources ${bc.sources}`);
const comm = timed('Louvain (graphology)', () => computeCommunities(graph, ANALYTICS_DEFAULTS, createRng(2)));
console.log(`  ${comm.count.toLocaleString()} communities, modularity ${comm.modularity.toFixed(4)}`);
const ex = timed('exposure (PPR + self terms)', () => exposure(graph.undirected, snapshot.bad, ANALYTICS_DEFAULTS.exposure));
console.log(`  ${ex.iterations} iterations, converged ${ex.converged}, bad ${snapshot.bad.reduce((a, c) => a + c, 0).toLocaleString()}`);
const risk = timed('risk stage (all of it)', () => computeRisk(graph, ANALYTICS_DEFAULTS));
console.log(`  cycles ${risk.cycles.length}${risk.cyclesTruncated ? ' (truncated)' : ''}`);
console.log(`peak RSS ${mb(peakRss)}`);
