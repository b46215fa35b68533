/**
 * Analytics benchmark on a synthetic heavy-tailed payment graph built in memory (no Neo4j): prints the
 * graph build time, every step of the refresh's analytics stages (centrality, communities, risk) and
 * the result rows of the write-back, with stage totals and peak RSS (the kernel's high-water mark).
 * At s and m it also times the same stages in the analytics worker thread (what a refresh runs) and
 * compares Louvain implementations (graphology vs typed-array), each in its own process so that its
 * peak memory is its own. Sizes: s ≈ 20k edges, m ≈ 1M, l ≈ 10M (nodes = edges / 10).
 *
 *   node --import tsx bench/analytics.ts s|m|l [--thread] [--compare-louvain]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ANALYTICS_DEFAULTS, prepareGraph } from '../src/analytics/analytics-pipeline.js';
import { pagerank } from '../src/analytics/pagerank.js';
import { percentiles } from '../src/analytics/percentile.js';
import { degreesAndStrengths } from '../src/analytics/degree.js';
import { betweenness } from '../src/analytics/betweenness.js';
import { louvainCsr } from '../src/analytics/louvain-csr.js';
import { communityRisk } from '../src/analytics/community-risk.js';
import { exposure } from '../src/analytics/exposure.js';
import { counterpartyRisk } from '../src/analytics/counterparty-risk.js';
import { concentration } from '../src/analytics/concentration.js';
import { paymentCycles } from '../src/analytics/payment-cycles.js';
import { nearestBad } from '../src/analytics/nearest-bad.js';
import { createRng } from '../src/analytics/rng.js';
import { entityMetricsRows } from '../src/use-cases/metrics-result-rows.js';
import { newFeatureBatch } from '../src/features/compute-features.js';
import { runAnalyticsInThread } from '../src/use-cases/run-analytics-thread.js';
import { edgesAt, peakRssMb, syntheticSnapshot } from './synthetic-graph.js';

const size = process.argv[2] ?? 's';
const flags = new Set(process.argv.slice(3));
const edgesWanted = edgesAt(size);
const opts = ANALYTICS_DEFAULTS;
const totals = new Map<string, number>();
const mb = (x: number) => `${x.toFixed(0)} MB`;

function timed<T>(stage: string, label: string, work: () => T): T {
  const t = performance.now();
  const out = work();
  const s = (performance.now() - t) / 1000;
  totals.set(stage, (totals.get(stage) ?? 0) + s);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `${stage.padEnd(12)} ${label.padEnd(34)} ${s.toFixed(2).padStart(8)} s   rss ${mb(rss).padStart(8)}   peak ${mb(peakRssMb())}`,
  );
  return out;
}

console.log(
  `size ${size}: ${Math.round(edgesWanted / 10).toLocaleString()} nodes, ${edgesWanted.toLocaleString()} edges (node ${process.version})`,
);
const snapshot = timed('input', 'generate edge list', () => syntheticSnapshot(edgesWanted));
const n = snapshot.ids.length;
const graph = timed('build', 'CSR (directed + undirected)', () => prepareGraph(snapshot));
console.log(
  `  ${graph.directed.outTargets.length.toLocaleString()} directed pairs, ${graph.undirected.targets.length.toLocaleString()} undirected row entries`,
);

const pr = timed('centrality', 'PageRank (tol 1e-10 per node)', () =>
  pagerank(graph.directed, opts.pagerank),
);
console.log(`  ${pr.iterations} iterations, converged ${pr.converged}`);
timed('centrality', 'PageRank percentiles', () => percentiles(pr.scores));
timed('centrality', 'degrees and strengths', () => degreesAndStrengths(graph.directed, snapshot.edges));
const bc = timed('centrality', `betweenness (${opts.betweennessSamples} sources)`, () =>
  betweenness(graph.directed, {
    exactMaxNodes: opts.betweennessExactMaxNodes,
    samples: opts.betweennessSamples,
    rng: createRng(1),
  }),
);
console.log(`  exact ${bc.exact}, sources ${bc.sources}`);

const lv = timed('communities', 'Louvain (typed-array)', () =>
  louvainCsr(graph.undirected, { resolution: opts.louvainResolution, rng: createRng(2) }),
);
console.log(`  ${lv.count.toLocaleString()} communities, modularity ${lv.modularity.toFixed(4)}`);
const cr = timed('communities', 'community risk', () =>
  communityRisk(lv.community, lv.count, snapshot.bad, opts.riskSmoothing),
);

const ex = timed('risk', 'exposure (PPR + self terms)', () =>
  exposure(graph.undirected, snapshot.bad, opts.exposure),
);
console.log(
  `  ${ex.iterations} iterations, converged ${ex.converged}, bad ${snapshot.bad.reduce((a, c) => a + c, 0).toLocaleString()}`,
);
timed('risk', 'exposure percentiles', () => percentiles(ex.exposure));
timed('risk', 'counterparty risk', () => counterpartyRisk(graph.undirected, ex.exposure));
timed('risk', 'concentration', () => concentration(n, snapshot.edges));
const cyc = timed('risk', 'payment cycles', () => paymentCycles(n, snapshot.edges, opts.cycles));
console.log(`  cycles ${cyc.cycles.length}${cyc.truncated ? ' (truncated)' : ''}`);
const nb = timed('risk', `nearest bad (BFS ≤ ${opts.nearestBadMaxHops} hops)`, () =>
  nearestBad(graph.undirected, snapshot.bad, { maxHops: opts.nearestBadMaxHops }),
);
const reached = nb.chosen.reduce((a, c) => a + (c === -1 ? 0 : 1), 0);
console.log(
  `  ${reached.toLocaleString()} of ${n.toLocaleString()} entities have a bad entity within ${opts.nearestBadMaxHops} hops`,
);

const centrality = {
  ...degreesAndStrengths(graph.directed, snapshot.edges),
  pagerank: pr.scores,
  pagerankPct: percentiles(pr.scores),
  betweenness: bc.scores,
  stats: {
    pagerankIterations: 0,
    pagerankConverged: true,
    betweennessExact: bc.exact,
    betweennessSources: bc.sources,
  },
};
const risk = {
  ...concentration(n, snapshot.edges),
  exposure: ex.exposure,
  exposurePct: percentiles(ex.exposure),
  counterpartyRisk: counterpartyRisk(graph.undirected, ex.exposure),
  cycles: [],
  cyclesTruncated: false,
  identifierRings: [],
  ringCount: new Uint32Array(n),
  nearestBad: nb,
  stats: { exposureIterations: 0, exposureConverged: true },
};
timed(
  'write-back',
  'entity metrics rows (incl. paths)',
  () => entityMetricsRows(snapshot, centrality, { ...lv, ...cr }, risk, newFeatureBatch(Uint32Array.from(snapshot.ids, (_, i) => i), 0)).length,
);

console.log('stage totals: ' + [...totals].map(([s, t]) => `${s} ${t.toFixed(2)} s`).join(', '));
console.log(`peak RSS ${mb(peakRssMb())}`);

if (flags.has('--thread') || size !== 'l') {
  const fresh = syntheticSnapshot(edgesWanted);
  const t0 = performance.now();
  let t = t0;
  await runAnalyticsInThread(fresh, opts, 1, (done) => {
    console.log(
      `thread       ${done.stage.padEnd(34)} ${((performance.now() - t) / 1000).toFixed(2).padStart(8)} s`,
    );
    t = performance.now();
  });
  console.log(
    `thread       all stages (incl. start, graph build, transfers) ${((performance.now() - t0) / 1000).toFixed(2)} s, peak RSS ${mb(peakRssMb())}`,
  );
}

if (flags.has('--compare-louvain') || size === 'm') {
  const script = fileURLToPath(new URL('./louvain-compare.ts', import.meta.url));
  for (const impl of ['graphology', 'typed-array']) {
    const line = execFileSync(process.execPath, ['--import', 'tsx', script, size, impl], {
      encoding: 'utf8',
    }).trim();
    const r = JSON.parse(line) as {
      ms: number;
      rssBeforeMb: number;
      peakRssMb: number;
      communities: number;
      modularity: number;
    };
    console.log(
      `louvain      ${impl.padEnd(12)} ${(r.ms / 1000).toFixed(2).padStart(8)} s   peak RSS ${mb(r.peakRssMb)} (+${mb(r.peakRssMb - r.rssBeforeMb)} over the built graph)   ${r.communities} communities, modularity ${r.modularity.toFixed(4)}`,
    );
  }
}
