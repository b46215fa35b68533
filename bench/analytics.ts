/**
 * Analytics benchmark on a synthetic heavy-tailed payment graph built in memory (no Neo4j).
 *
 *   npm run bench:analytics -- --size s|m|l [--no-igraph] [--no-thread] [--compare-louvain]
 *
 * 1. Every step of the refresh's analytics stages (centrality, communities, risk) and the write-back
 *    rows, one after the other in this thread, with stage totals (each step's time and peak RSS).
 * 2. The same PageRank and Louvain with python-igraph on the same edge lists, in the same run, and
 *    the time ratios ours / igraph (install igraph with scripts/install-bench-tools.sh).
 * 3. What a refresh runs: all stages in the analytics threads (two threads sharing the split work),
 *    in a child process of its own so its peak RSS is its own.
 * Sizes: s ≈ 20k edges, m ≈ 1M, l ≈ 10M (nodes = edges / 10). Run l alone on the machine.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ANALYTICS_DEFAULTS, prepareGraph, prepareWork, type PreparedGraph } from '../src/analytics/analytics-pipeline.js';
import { taskCounts, privateSink, runTask } from '../src/analytics/analytics-work.js';
import { pagerank } from '../src/analytics/pagerank.js';
import { percentiles } from '../src/analytics/percentile.js';
import { degreesAndStrengths } from '../src/analytics/degree.js';
import { finishBetweenness } from '../src/analytics/betweenness.js';
import { louvainCsr } from '../src/analytics/louvain-csr.js';
import { communityRisk } from '../src/analytics/community-risk.js';
import { finishExposure } from '../src/analytics/exposure.js';
import { counterpartyRisk } from '../src/analytics/counterparty-risk.js';
import { concentration } from '../src/analytics/concentration.js';
import { paymentCycles } from '../src/analytics/payment-cycles.js';
import { nearestBad } from '../src/analytics/nearest-bad.js';
import { createRng } from '../src/analytics/rng.js';
import { runAnalyticsInThread } from '../src/use-cases/run-analytics-thread.js';
import { edgesAt, peakRssMb, syntheticSnapshot } from './synthetic-graph.js';
import { compareWithIgraph, type OurRun } from './igraph.js';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const size = sizeAt >= 0 ? (args[sizeAt + 1] ?? 's') : (args.find((a) => !a.startsWith('--')) ?? 's');
const flags = new Set(args.filter((a) => a.startsWith('--')));
const edgesWanted = edgesAt(size);
const opts = ANALYTICS_DEFAULTS;
const totals = new Map<string, number>();
const mb = (x: number) => `${x.toFixed(0)} MB`;

function timed<T>(stage: string, label: string, work: () => T): [T, number] {
  const t = performance.now();
  const out = work();
  const s = (performance.now() - t) / 1000;
  totals.set(stage, (totals.get(stage) ?? 0) + s);
  console.log(`${stage.padEnd(12)} ${label.padEnd(40)} ${s.toFixed(2).padStart(8)} s   peak RSS ${mb(peakRssMb())}`);
  return [out, s];
}

/** The threaded run alone (child process mode): prints each stage as it arrives and one JSON line. */
async function threadOnly(): Promise<void> {
  const snapshot = syntheticSnapshot(edgesWanted);
  const t0 = performance.now();
  let t = t0;
  const stages: Record<string, number> = {};
  const timings: Record<string, number> = {};
  await runAnalyticsInThread(snapshot, opts, 1, (done) => {
    stages[done.stage] = (performance.now() - t) / 1000;
    Object.assign(timings, done.timings);
    t = performance.now();
  });
  console.log(JSON.stringify({ stages, timings, totalS: (performance.now() - t0) / 1000, peakRssMb: peakRssMb() }));
}

const ours: OurRun = { pagerankS: 0, louvainS: 0, modularity: 0, pagerank: new Float64Array(0) };

function stepByStep(): PreparedGraph {
  const [snapshot] = timed('input', 'generate edge list', () => syntheticSnapshot(edgesWanted));
  const n = snapshot.ids.length;
  const [graph] = timed('build', 'CSR (directed + undirected)', () => prepareGraph(snapshot));
  console.log(`  ${graph.directed.outTargets.length.toLocaleString()} directed pairs, ${graph.undirected.targets.length.toLocaleString()} undirected row entries`);
  const [pr, prS] = timed('centrality', `PageRank (α ${opts.pagerank.alpha}, tol ${opts.pagerank.tolerance}/node)`, () => pagerank(graph.directed, opts.pagerank));
  ours.pagerankS = prS;
  ours.pagerank = pr.scores;
  console.log(`  ${pr.iterations} iterations, converged ${pr.converged}`);
  timed('centrality', 'PageRank percentiles', () => percentiles(pr.scores));
  timed('centrality', 'degrees and strengths', () => degreesAndStrengths(graph.directed, snapshot.edges));
  const [work] = timed('centrality', 'plan (vertex-diameter bound, components)', () => prepareWork(graph, opts, createRng(1)));
  const sink = privateSink(work);
  const counts = taskCounts(work);
  const bcPlan = work.betweenness;
  const pairs = bcPlan.chunks.reduce((a, c) => a + c.pairs, 0);
  timed('centrality', `betweenness (${pairs.toLocaleString()} sampled pairs)`, () => {
    for (let t = 0; t < counts.centrality; t++) runTask(work, t, sink);
  });
  const bc = finishBetweenness(bcPlan, [sink.credit]);
  console.log(`  ε ${opts.betweennessEpsilon}, δ ${opts.betweennessDelta}, vertex-diameter bound ${bcPlan.vertexDiameter}, error bound ${bc.errorBound.toFixed(5)}, max ${bc.scores.reduce((a, x) => (x > a ? x : a), 0).toFixed(5)}`);
  const [lv, lvS] = timed('communities', 'Louvain (typed-array)', () => louvainCsr(graph.undirected, { resolution: opts.louvainResolution, rng: createRng(2) }));
  ours.louvainS = lvS;
  ours.modularity = lv.modularity;
  console.log(`  ${lv.count.toLocaleString()} communities, modularity ${lv.modularity.toFixed(4)}`);
  timed('communities', 'community risk', () => communityRisk(lv.community, lv.count, snapshot.bad, opts.riskSmoothing));
  timed('risk', 'exposure walk (Gauss–Seidel)', () => runTask(work, counts.centrality, sink));
  timed('risk', `exposure self terms (${work.selfTerms.seeds.length.toLocaleString()} bad entities)`, () => {
    for (let t = counts.centrality + 1; t < counts.centrality + counts.risk; t++) runTask(work, t, sink);
  });
  const walk = { y: sink.walk, iterations: sink.walkInfo[0]!, converged: sink.walkInfo[1] === 1 };
  const ex = finishExposure(work.degree, snapshot.bad, walk, work.selfTerms, sink.self, opts.exposure);
  console.log(`  ${ex.iterations} sweeps, converged ${ex.converged}, exposureNorm error ≤ ${ex.errorBound.toFixed(3)}`);
  timed('risk', 'exposure percentiles', () => percentiles(ex.exposure));
  timed('risk', 'counterparty risk', () => counterpartyRisk(graph.undirected, ex.exposure));
  timed('risk', 'concentration', () => concentration(n, snapshot.edges));
  const [cyc] = timed('risk', 'payment cycles', () => paymentCycles(n, snapshot.edges, opts.cycles));
  console.log(`  cycles ${cyc.cycles.length}${cyc.truncated ? ' (truncated)' : ''}`);
  timed('risk', `nearest bad (BFS ≤ ${opts.nearestBadMaxHops} hops)`, () => nearestBad(graph.undirected, snapshot.bad, { maxHops: opts.nearestBadMaxHops }));
  console.log('stage totals: ' + [...totals].map(([s, t]) => `${s} ${t.toFixed(2)} s`).join(', '));
  console.log(`peak RSS ${mb(peakRssMb())}`);
  return graph;
}

function threadedRun(): void {
  const self = fileURLToPath(import.meta.url);
  const line = execFileSync(process.execPath, ['--import', 'tsx', self, '--size', size, '--thread-only'], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!;
  const r = JSON.parse(line) as { stages: Record<string, number>; timings: Record<string, number>; totalS: number; peakRssMb: number };
  for (const [stage, s] of Object.entries(r.stages)) console.log(`thread       ${stage.padEnd(40)} ${s.toFixed(2).padStart(8)} s`);
  console.log(`thread       parts (ms): ${Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`thread       all stages (incl. thread start, graph build, transfers) ${r.totalS.toFixed(2)} s, peak RSS ${mb(r.peakRssMb)} (process with the snapshot)`);
}

if (flags.has('--thread-only')) await threadOnly();
else {
  console.log(`size ${size}: ${Math.round(edgesWanted / 10).toLocaleString()} nodes, ${edgesWanted.toLocaleString()} edges (node ${process.version})`);
  const graph = stepByStep();
  if (!flags.has('--no-igraph')) compareWithIgraph(graph, ours);
  if (!flags.has('--no-thread')) threadedRun();
  if (flags.has('--compare-louvain')) {
    const script = fileURLToPath(new URL('./louvain-compare.ts', import.meta.url));
    for (const impl of ['graphology', 'typed-array']) {
      const line = execFileSync(process.execPath, ['--import', 'tsx', script, size, impl], { encoding: 'utf8' }).trim();
      console.log(`louvain      ${impl.padEnd(12)} ${line}`);
    }
  }
}
