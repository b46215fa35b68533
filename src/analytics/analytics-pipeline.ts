/**
 * The analytics of one metrics run in three stages (centrality, communities, risk) over one
 * snapshot, each a pure function so the caller can report progress and yield between them.
 */
import { buildCsrGraph, buildUndirectedRows, type CsrGraph, type CsrRows } from './csr-graph.js';
import { edgeWeights } from './edge-weight.js';
import type { AnalyticsGraph } from './edge-list.js';
import { pagerank, PAGERANK_DEFAULTS, type PageRankOptions } from './pagerank.js';
import { percentiles } from './percentile.js';
import { degreesAndStrengths, type DegreeResult } from './degree.js';
import { betweenness, type BetweennessResult } from './betweenness.js';
import { louvainCsr, type CommunityResult } from './louvain-csr.js';
import { nearestBad, NEAREST_BAD_DEFAULTS, type NearestBadResult } from './nearest-bad.js';
import { communityRisk, type CommunityRiskResult } from './community-risk.js';
import { exposure as computeExposure, EXPOSURE_DEFAULTS, type ExposureOptions } from './exposure.js';
import { counterpartyRisk } from './counterparty-risk.js';
import { concentration, type ConcentrationResult } from './concentration.js';
import { paymentCycles, CYCLE_DEFAULTS, type CycleOptions, type PaymentCycle } from './payment-cycles.js';
import { identifierRings, type IdentifierRing } from './identifier-groups.js';

export interface AnalyticsOptions {
  readonly pagerank: PageRankOptions;
  readonly betweennessExactMaxNodes: number;
  readonly betweennessSamples: number;
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
  betweennessExactMaxNodes: 5000,
  betweennessSamples: 256,
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
  };
}

export interface CommunitiesResult extends CommunityResult, CommunityRiskResult {}

export interface RiskResult extends ConcentrationResult {
  readonly exposure: Float64Array;
  readonly exposurePct: Float64Array;
  readonly counterpartyRisk: Float64Array;
  readonly cycles: readonly PaymentCycle[];
  readonly cyclesTruncated: boolean;
  readonly identifierRings: readonly IdentifierRing[];
  /** Number of rings (cycles and identifier rings) each entity belongs to. */
  readonly ringCount: Uint32Array;
  /** Distance and path to each entity's nearest other bad entity (within `nearestBadMaxHops`). */
  readonly nearestBad: NearestBadResult;
  readonly stats: { readonly exposureIterations: number; readonly exposureConverged: boolean };
}

/** Builds the directed and undirected CSR graphs of a snapshot. */
export function prepareGraph(snapshot: AnalyticsGraph): PreparedGraph {
  const n = snapshot.ids.length;
  const w = edgeWeights(snapshot.edges);
  const { src, dst } = snapshot.edges;
  return { snapshot, directed: buildCsrGraph(n, src, dst, w), undirected: buildUndirectedRows(n, src, dst, w) };
}

/** PageRank (and its percentile), degrees, strengths, betweenness. */
export function computeCentrality(g: PreparedGraph, opts: AnalyticsOptions, rng: () => number): CentralityResult {
  const bc = betweenness(g.directed, { exactMaxNodes: opts.betweennessExactMaxNodes, samples: opts.betweennessSamples, rng });
  return centralityResult(g, opts, bc);
}

function centralityResult(g: PreparedGraph, opts: AnalyticsOptions, bc: BetweennessResult): CentralityResult {
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
    },
  };
}

/** Louvain communities (typed-array implementation) and their smoothed risk. */
export function computeCommunities(g: PreparedGraph, opts: AnalyticsOptions, rng: () => number): CommunitiesResult {
  const found = louvainCsr(g.undirected, { resolution: opts.louvainResolution, rng });
  return { ...found, ...communityRisk(found.community, found.count, g.snapshot.bad, opts.riskSmoothing) };
}

/** Exposure, counterparty risk, concentration, rings and the nearest bad entity. */
export function computeRisk(g: PreparedGraph, opts: AnalyticsOptions): RiskResult {
  const n = g.snapshot.ids.length;
  const ex = computeExposure(g.undirected, g.snapshot.bad, opts.exposure);
  const { cycles, truncated } = paymentCycles(n, g.snapshot.edges, opts.cycles);
  const rings = identifierRings(n, g.snapshot.identifierGroups);
  const ringCount = new Uint32Array(n);
  for (const c of cycles) for (const v of new Set(c.members)) ringCount[v]!++;
  for (const r of rings) for (const v of r.members) ringCount[v]!++;
  return {
    ...concentration(n, g.snapshot.edges),
    exposure: ex.exposure,
    exposurePct: percentiles(ex.exposure),
    counterpartyRisk: counterpartyRisk(g.undirected, ex.exposure),
    cycles,
    cyclesTruncated: truncated,
    identifierRings: rings,
    ringCount,
    nearestBad: nearestBad(g.undirected, g.snapshot.bad, { maxHops: opts.nearestBadMaxHops }),
    stats: { exposureIterations: ex.iterations, exposureConverged: ex.converged },
  };
}
