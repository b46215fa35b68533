/**
 * The analytics of one metrics run in three stages (centrality, communities, risk) over one
 * snapshot, each a pure function so the caller can report progress between them. The parts that
 * split into tasks (betweenness chunks, exposure walk and self terms: analytics-work.ts) can be
 * shared with a second thread; `finish*` turn the tasks' output into the stage results, and
 * `compute*` run everything in this thread with the same result.
 */
import { buildCsrGraph, buildUndirectedRows, rowSums, type CsrGraph, type CsrRows, type Memory } from './csr-graph.js';
import { edgeWeights } from './edge-weight.js';
import type { AnalyticsGraph } from './edge-list.js';
import { pagerank, PAGERANK_DEFAULTS, type PageRankOptions } from './pagerank.js';
import { percentiles } from './percentile.js';
import { degreesAndStrengths, type DegreeResult } from './degree.js';
import { BETWEENNESS_DEFAULTS, exactBetweenness, finishBetweenness } from './betweenness.js';
import { louvainCsr, type CommunityResult } from './louvain-csr.js';
import { nearestBad, NEAREST_BAD_DEFAULTS, type NearestBadResult } from './nearest-bad.js';
import { communityRisk, type CommunityRiskResult } from './community-risk.js';
import { EXPOSURE_DEFAULTS, finishExposure, type ExposureOptions } from './exposure.js';
import { counterpartyRisk } from './counterparty-risk.js';
import { concentration, type ConcentrationResult } from './concentration.js';
import { paymentCycles, CYCLE_DEFAULTS, type CycleOptions, type PaymentCycle } from './payment-cycles.js';
import { identifierRings, type IdentifierRing } from './identifier-groups.js';
import { createRng } from './rng.js';
import { planWork, privateSink, runTask, taskCounts, type AnalyticsWork, type WorkSink } from './analytics-work.js';

export interface AnalyticsOptions {
  readonly pagerank: PageRankOptions;
  readonly betweennessExactMaxNodes: number;
  /** Additive error ε of sampled betweenness (n(n − 1) scale), in (0, 1). */
  readonly betweennessEpsilon: number;
  /** Probability δ that sampled betweenness misses ε somewhere, in (0, 1). */
  readonly betweennessDelta: number;
  readonly louvainResolution: number;
  /** Pseudo-members a of the smoothed community bad rate. */
  readonly riskSmoothing: number;
  readonly exposure: ExposureOptions;
  readonly cycles: CycleOptions;
  /** Hops searched for the nearest other bad entity. */
  readonly nearestBadMaxHops: number;
}

export const ANALYTICS_DEFAULTS: AnalyticsOptions = {
  pagerank: PAGERANK_DEFAULTS,
  betweennessExactMaxNodes: BETWEENNESS_DEFAULTS.exactMaxNodes,
  betweennessEpsilon: BETWEENNESS_DEFAULTS.epsilon,
  betweennessDelta: BETWEENNESS_DEFAULTS.delta,
  louvainResolution: 1,
  riskSmoothing: 5,
  exposure: EXPOSURE_DEFAULTS,
  cycles: CYCLE_DEFAULTS,
  nearestBadMaxHops: NEAREST_BAD_DEFAULTS.maxHops,
};

export interface PreparedGraph {
  readonly snapshot: AnalyticsGraph;
  readonly directed: CsrGraph;
  readonly undirected: CsrRows;
}

export interface CentralityResult extends DegreeResult {
  readonly pagerank: Float64Array;
  readonly pagerankPct: Float64Array;
  readonly betweenness: Float64Array;
  readonly stats: {
    readonly pagerankIterations: number;
    readonly pagerankConverged: boolean;
    readonly betweennessExact: boolean;
    readonly betweennessSources: number;
    /** Node pairs sampled (0 when exact). */
    readonly betweennessSamples: number;
    readonly betweennessVertexDiameter: number;
    /** With probability ≥ 1 − betweennessDelta, every estimate is within this of the exact value (0 when exact). */
    readonly betweennessErrorBound: number;
    readonly betweennessDelta: number;
  };
}

export interface CommunitiesResult extends CommunityResult, CommunityRiskResult {}

export interface RiskResult extends ConcentrationResult {
  readonly exposure: Float64Array;
  readonly exposurePct: Float64Array;
  /** Exposure over (bad count × degree share): 1 = as exposed as connectedness alone explains. */
  readonly exposureNorm: Float64Array;
  /** Percentile of exposureNorm (what alerts threshold). */
  readonly exposureNormPct: Float64Array;
  readonly counterpartyRisk: Float64Array;
  readonly cycles: readonly PaymentCycle[];
  readonly cyclesTruncated: boolean;
  readonly identifierRings: readonly IdentifierRing[];
  /** Number of rings (cycles and identifier rings) each entity belongs to. */
  readonly ringCount: Uint32Array;
  /** Distance and path to each entity's nearest other bad entity (within `nearestBadMaxHops`). */
  readonly nearestBad: NearestBadResult;
  readonly stats: {
    readonly exposureIterations: number;
    readonly exposureConverged: boolean;
    /** Bound on the error of every exposureNorm value. */
    readonly exposureErrorBound: number;
    /** Bad entities whose own walk mass was pushed out (those sharing a component with another). */
    readonly exposureSelfTerms: number;
  };
}

/** Builds the directed and undirected CSR graphs of a snapshot (in shared memory for two threads). */
export function prepareGraph(snapshot: AnalyticsGraph, memory: Memory = 'private'): PreparedGraph {
  const n = snapshot.ids.length;
  const w = edgeWeights(snapshot.edges);
  const { src, dst } = snapshot.edges;
  return { snapshot, directed: buildCsrGraph(n, src, dst, w, memory), undirected: buildUndirectedRows(n, src, dst, w, memory) };
}

/** Plans the split work of a run (betweenness sample, exposure self terms) from the run's rng. */
export function prepareWork(g: PreparedGraph, opts: AnalyticsOptions, rng: () => number): AnalyticsWork {
  const betweenness = { exactMaxNodes: opts.betweennessExactMaxNodes, epsilon: opts.betweennessEpsilon, delta: opts.betweennessDelta, rng };
  return planWork(g.directed, g.undirected, rowSums(g.undirected), g.snapshot.bad, betweenness, opts.exposure);
}

/** PageRank (and its percentile), degrees, strengths and betweenness from the chunks' path counts. */
export function finishCentrality(g: PreparedGraph, opts: AnalyticsOptions, work: AnalyticsWork, credits: readonly Float64Array[]): CentralityResult {
  const bc = work.betweenness.exact ? exactBetweenness(g.directed) : finishBetweenness(work.betweenness, credits);
  const pr = pagerank(g.directed, opts.pagerank);
  return {
    ...degreesAndStrengths(g.directed, g.snapshot.edges),
    pagerank: pr.scores,
    pagerankPct: percentiles(pr.scores),
    betweenness: bc.scores,
    stats: {
      pagerankIterations: pr.iterations,
      pagerankConverged: pr.converged,
      betweennessExact: bc.exact,
      betweennessSources: bc.sources,
      betweennessSamples: bc.samples,
      betweennessVertexDiameter: bc.vertexDiameter,
      betweennessErrorBound: bc.errorBound,
      betweennessDelta: bc.exact ? 0 : opts.betweennessDelta,
    },
  };
}

/** The seed of Louvain's node order, from the run's seed. */
export function communitySeed(seed: number): number {
  return (seed ^ 0x9e3779b9) >>> 0;
}

/** Louvain communities (typed-array implementation) and their smoothed risk. */
export function computeCommunities(g: PreparedGraph, opts: AnalyticsOptions, rng: () => number): CommunitiesResult {
  const found = louvainCsr(g.undirected, { resolution: opts.louvainResolution, rng });
  return { ...found, ...communityRisk(found.community, found.count, g.snapshot.bad, opts.riskSmoothing) };
}

/** The parts of the risk stage that are not split into tasks: rings, concentration, nearest bad. */
export interface RiskLocal {
  readonly concentration: ConcentrationResult;
  readonly cycles: { readonly cycles: PaymentCycle[]; readonly truncated: boolean };
  readonly rings: readonly IdentifierRing[];
  readonly nearestBad: NearestBadResult;
}

export function computeRiskLocal(g: PreparedGraph, opts: AnalyticsOptions): RiskLocal {
  const n = g.snapshot.ids.length;
  return {
    concentration: concentration(n, g.snapshot.edges),
    cycles: paymentCycles(n, g.snapshot.edges, opts.cycles),
    rings: identifierRings(n, g.snapshot.identifierGroups),
    nearestBad: nearestBad(g.undirected, g.snapshot.bad, { maxHops: opts.nearestBadMaxHops }),
  };
}

/** Exposure (from the walk and self terms in `sink`), counterparty risk and the local parts. */
export function finishRisk(g: PreparedGraph, opts: AnalyticsOptions, work: AnalyticsWork, sink: WorkSink, local: RiskLocal): RiskResult {
  const n = g.snapshot.ids.length;
  const walk = { y: sink.walk, iterations: sink.walkInfo[0]!, converged: sink.walkInfo[1] === 1 };
  const ex = finishExposure(work.degree, g.snapshot.bad, walk, work.selfTerms, sink.self, opts.exposure);
  const ringCount = new Uint32Array(n);
  for (const c of local.cycles.cycles) for (const v of new Set(c.members)) ringCount[v]!++;
  for (const r of local.rings) for (const v of r.members) ringCount[v]!++;
  return {
    ...local.concentration,
    exposure: ex.exposure,
    exposurePct: percentiles(ex.exposure),
    exposureNorm: ex.exposureNorm,
    exposureNormPct: percentiles(ex.exposureNorm),
    counterpartyRisk: counterpartyRisk(g.undirected, ex.exposure),
    cycles: local.cycles.cycles,
    cyclesTruncated: local.cycles.truncated,
    identifierRings: local.rings,
    ringCount,
    nearestBad: local.nearestBad,
    stats: {
      exposureIterations: ex.iterations,
      exposureConverged: ex.converged,
      exposureErrorBound: ex.errorBound,
      exposureSelfTerms: work.selfTerms.seeds.length,
    },
  };
}

/** Runs tasks [from, to) of `work` into `sink` in this thread. */
function runTasks(work: AnalyticsWork, sink: WorkSink, from: number, to: number): void {
  for (let t = from; t < to; t++) runTask(work, t, sink);
}

/** Centrality in this thread (`rng` as the threads' run gets it: createRng(seed)). */
export function computeCentrality(g: PreparedGraph, opts: AnalyticsOptions, rng: () => number): CentralityResult {
  const work = prepareWork(g, opts, rng);
  const sink = privateSink(work);
  runTasks(work, sink, 0, taskCounts(work).centrality);
  return finishCentrality(g, opts, work, [sink.credit]);
}

/** The risk stage in this thread. */
export function computeRisk(g: PreparedGraph, opts: AnalyticsOptions): RiskResult {
  const exact = { ...opts, betweennessExactMaxNodes: Infinity }; // the risk tasks do not need the betweenness plan
  const work = prepareWork(g, exact, () => 0);
  const sink = privateSink(work);
  const counts = taskCounts(work);
  runTasks(work, sink, counts.centrality, counts.centrality + counts.risk);
  return finishRisk(g, opts, work, sink, computeRiskLocal(g, opts));
}

/** All three stages in this thread, as the analytics threads compute them from `seed`. */
export function computeAll(g: PreparedGraph, opts: AnalyticsOptions, seed: number): { centrality: CentralityResult; communities: CommunitiesResult; risk: RiskResult } {
  return {
    centrality: computeCentrality(g, opts, createRng(seed)),
    communities: computeCommunities(g, opts, createRng(communitySeed(seed))),
    risk: computeRisk(g, opts),
  };
}
