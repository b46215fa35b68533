/**
 * The metrics refresh of an evaluation, run in memory on a masked snapshot: the same snapshot read and
 * analytics pipeline as a metrics run, but nothing is written and no run is switched, so the service's
 * data and current run stay untouched. Returns each entity's run signals as scoring reads them.
 */
import {
  computeCentrality,
  computeCommunities,
  computeRisk,
  prepareGraph,
} from '../analytics/analytics-pipeline.js';
import { createRng } from '../analytics/rng.js';
import { pathToNearestBad } from '../analytics/nearest-bad.js';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { listRatingBalance, type RatingMask } from '../db/score-repository.js';
import { readGraphSnapshot } from '../db/snapshot-repository.js';
import type { RawEntitySignals, RunSignals } from '../scoring/derive-features.js';
import { maskSnapshot } from '../scoring/evaluate/mask-snapshot.js';
import { analyticsOptions } from './refresh-metrics.js';

export interface EvaluationRun {
  readonly signals: ReadonlyMap<string, RunSignals>;
  /** Path to the nearest other bad entity of the masked snapshot (within 3 hops), as a metrics run stores it. */
  readonly nearestBad: ReadonlyMap<string, NonNullable<RawEntitySignals['nearestBad']>>;
  readonly counts: {
    readonly entities: number;
    readonly edges: number;
    readonly hiddenEdges: number;
    readonly bad: number;
    readonly communities: number;
  };
}

export async function runMaskedRefresh(
  db: Database,
  config: Config['metrics'],
  prefix: string,
  mask: RatingMask,
  seed: number,
): Promise<EvaluationRun> {
  const raw = await readGraphSnapshot(db, { idPrefix: prefix, pageSize: 5000, maxIdentifierShare: config.identifierMaxGroup });
  const balance = await listRatingBalance(db, prefix, mask);
  const extraBad = new Set(balance.filter((b) => b.negative > b.positive).map((b) => b.id));
  const { snapshot, hiddenEdges } = maskSnapshot(raw, {
    targets: new Set(mask.targets),
    sources: mask.sources === 'all' ? 'all' : new Set(mask.sources),
    extraBad,
  });
  const options = analyticsOptions(config);
  const graph = prepareGraph(snapshot);
  const c = computeCentrality(graph, options, createRng(seed));
  const k = computeCommunities(graph, options, createRng(seed ^ 0x9e3779b9));
  const r = computeRisk(graph, options);
  const signals = new Map<string, RunSignals>();
  const nearestBad = new Map<string, NonNullable<RawEntitySignals['nearestBad']>>();
  const nan = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
  snapshot.ids.forEach((id, v) => {
    const community = k.communities[k.community[v]!];
    signals.set(id, {
      pagerankPct: nan(c.pagerankPct[v]),
      degree: (c.degreeIn[v] ?? 0) + (c.degreeOut[v] ?? 0),
      betweenness: nan(c.betweenness[v]),
      concentration: nan(r.inflow[v]),
      counterpartyRisk: nan(r.counterpartyRisk[v]),
      exposure: nan(r.exposurePct[v]),
      communityId: String(k.community[v]),
      communityBadRate: nan(k.entityRisk[v]),
      communitySize: community?.size ?? null,
      overallBadRate: k.prior,
    });
    const path = pathToNearestBad(r.nearestBad, v)?.map((u) => snapshot.ids[u]!);
    if (path) nearestBad.set(id, { id: path[path.length - 1]!, path });
  });
  const bad = snapshot.bad.reduce((a, b) => a + b, 0);
  return {
    signals,
    nearestBad,
    counts: {
      entities: snapshot.ids.length,
      edges: snapshot.edges.length,
      hiddenEdges,
      bad,
      communities: k.count,
    },
  };
}
