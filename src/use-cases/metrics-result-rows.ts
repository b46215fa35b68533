/**
 * Turns the analytics arrays of a run into the rows the metrics repository writes: one row per entity,
 * per community, per ring. NaN (undefined, e.g. no inflow) becomes null.
 */
import type { AnalyticsGraph } from '../analytics/edge-list.js';
import type { CentralityResult, CommunitiesResult, RiskResult } from '../analytics/analytics-pipeline.js';
import type { CommunityRow, EntityMetricsRow, RingRow } from '../db/metrics-repository.js';
import { badHops, pathToNearestBad } from '../analytics/nearest-bad.js';
import type { FeatureBatch, RunLookup } from '../features/compute-features.js';
import { FEATURE_COUNT, rowToRecord } from '../features/feature-writer.js';
import { fraudProbability } from '../scoring/fraud-risk.js';
import type { ScorecardModel } from '../scoring/model.js';
import type { RunSignals } from '../features/run-signals.js';

const num = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);

/** Each entity's run values as the features read them (indices of the snapshot). */
export function runSignalsOf(s: AnalyticsGraph, c: CentralityResult, k: CommunitiesResult, r: RiskResult): RunLookup {
  return (v: number): RunSignals => {
    const path = pathToNearestBad(r.nearestBad, v);
    return {
      pagerankPct: num(c.pagerankPct[v]),
      betweenness: num(c.betweenness[v]),
      counterpartyRisk: num(r.counterpartyRisk[v]),
      exposure: num(r.exposurePct[v]),
      exposureNorm: num(r.exposureNorm[v]),
      communityId: String(k.community[v]),
      communityBadRate: num(k.entityRisk[v]),
      communitySize: k.communities[k.community[v]!]?.size ?? null,
      overallBadRate: k.prior,
      nearestBadPath: path ? path.map((u) => s.ids[u]!) : null,
    };
  };
}

/**
 * One EntityMetrics row per entity of the snapshot: the run's metrics, and the entity's feature
 * vector (schema order, NaN = missing) with its evidence (JSON) from `features`, whose row v is entity v.
 */
export function entityMetricsRows(
  s: AnalyticsGraph,
  c: CentralityResult,
  k: CommunitiesResult,
  r: RiskResult,
  features: FeatureBatch,
  fraudModel: ScorecardModel | null = null,
): EntityMetricsRow[] {
  const rowAt = entityMetricsRowAt(s, c, k, r, features, fraudModel);
  return s.ids.map((_, v) => rowAt(v));
}

/** The EntityMetrics row of entity v, built on demand (write-back streams rows batch by batch). */
export function entityMetricsRowAt(
  s: AnalyticsGraph,
  c: CentralityResult,
  k: CommunitiesResult,
  r: RiskResult,
  features: FeatureBatch,
  /** Scores each entity's fraudRisk (stored with its metrics; alerts rank by it); null: none. */
  fraudModel: ScorecardModel | null = null,
): (v: number) => EntityMetricsRow {
  return (v) => {
    const id = s.ids[v]!;
    const path = pathToNearestBad(r.nearestBad, v);
    const fraudRisk = fraudModel ? fraudProbability(fraudModel, rowToRecord(features.values, v)) : null;
    return {
      id,
      features: Array.from(features.values.subarray(v * FEATURE_COUNT, (v + 1) * FEATURE_COUNT)),
      evidence: JSON.stringify(features.evidence[v]),
      asOfMs: features.asOfMs,
      metrics: {
        pagerank: num(c.pagerank[v]),
        pagerankPct: num(c.pagerankPct[v]),
        degreeIn: num(c.degreeIn[v]),
        degreeOut: num(c.degreeOut[v]),
        strengthIn: num(c.strengthIn[v]),
        strengthOut: num(c.strengthOut[v]),
        betweenness: num(c.betweenness[v]),
        community: num(k.community[v]),
        communityRisk: num(k.entityRisk[v]),
        communitySize: k.communities[k.community[v]!]?.size ?? null,
        overallBadRate: k.prior,
        exposure: num(r.exposure[v]),
        exposurePct: num(r.exposurePct[v]),
        exposureNorm: num(r.exposureNorm[v]),
        exposureNormPct: num(r.exposureNormPct[v]),
        fraudRisk,
        counterpartyRisk: num(r.counterpartyRisk[v]),
        concentration: num(r.inflow[v]),
        purchaseConcentration: num(r.purchases[v]),
        ringCount: num(r.ringCount[v]),
        badHops: path ? badHops(r.nearestBad, v) : null,
        nearestBad: path ? s.ids[path[path.length - 1]!]! : null,
        viaBad: path ? path.map((u) => s.ids[u]!) : null,
        bad: s.bad[v] === 1,
      },
    };
  };
}

export function communityRows(k: CommunitiesResult): CommunityRow[] {
  return k.communities.map((c) => ({
    id: c.id,
    size: c.size,
    bad: c.bad,
    defaultRate: c.defaultRate,
    risk: c.risk,
  }));
}

/** Rings with their members' ids and a smoothed bad rate (same smoothing as communities). */
export function ringRows(s: AnalyticsGraph, r: RiskResult, prior: number, smoothing: number): RingRow[] {
  const risk = (members: readonly number[]) => {
    const bad = members.reduce((n, v) => n + (s.bad[v] ? 1 : 0), 0);
    return { bad, risk: (bad + smoothing * prior) / (members.length + smoothing) };
  };
  const cycles: RingRow[] = r.cycles.map((c) => ({
    id: `cycle:${c.members.map((v) => s.ids[v]).join('>')}`,
    kind: 'cycle',
    members: c.members.map((v) => s.ids[v]!),
    size: c.members.length,
    ...risk(c.members),
    amountMinor: c.amount,
    spanMs: c.spanMs,
    identifiers: null,
  }));
  const shared: RingRow[] = r.identifierRings.map((g) => ({
    id: `shared:${s.ids[g.members[0]!]}`,
    kind: 'shared-identifier',
    members: g.members.map((v) => s.ids[v]!),
    size: g.members.length,
    ...risk(g.members),
    amountMinor: null,
    spanMs: null,
    identifiers: g.identifiers,
  }));
  return [...cycles, ...shared];
}
