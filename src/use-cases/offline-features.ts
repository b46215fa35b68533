/**
 * Features for training and evaluation, computed in memory from one snapshot read: the facts seen as of
 * the observation date (later facts ignored), with some ratings hidden when an evaluation protocol says
 * so, the graph analytics of a metrics run computed on that same snapshot, and the feature code every
 * other path uses. Nothing is written and no run is switched.
 */
import { computeCentrality, computeCommunities, computeRisk, prepareGraph } from '../analytics/analytics-pipeline.js';
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { hideRatings } from '../analytics/facts-filter.js';
import { createRng } from '../analytics/rng.js';
import { assembleSnapshot } from '../analytics/snapshot.js';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { readGraphSnapshot } from '../db/snapshot-repository.js';
import { computeFeatures } from '../features/compute-features.js';
import { rowToRecord } from '../features/feature-writer.js';
import type { Features } from '../scoring/features.js';
import { runSignalsOf } from './metrics-result-rows.js';
import { analyticsOptions } from './refresh-metrics.js';

/** Identifiers used by more entities than this do not form rings (as in a metrics run). */
const MAX_IDENTIFIER_SHARE = 50;

/** Reads the whole (scoped) snapshot once; facts of any date are kept, so it can be seen at any date. */
export function readOfflineSnapshot(db: Database, prefix: string): Promise<GraphSnapshot> {
  return readGraphSnapshot(db, { idPrefix: prefix, maxIdentifierShare: MAX_IDENTIFIER_SHARE, asOfMs: Number.MAX_SAFE_INTEGER });
}

export interface OfflineRequest {
  readonly asOfMs: number;
  /** Ratings to hide (evaluation protocols), by snapshot index. */
  readonly hidden?: (rater: number, ratee: number) => boolean;
  /** Entities (snapshot indices) whose features are wanted. */
  readonly focus: ArrayLike<number>;
  readonly seed: number;
}

export interface OfflineResult {
  readonly features: Features[];
  readonly snapshot: GraphSnapshot;
  readonly counts: { readonly entities: number; readonly edges: number; readonly hiddenRatings: number; readonly bad: number; readonly communities: number };
}

/** The features of `focus` as of the request's date, with the run's analytics computed in memory. */
export function offlineFeatures(full: GraphSnapshot, config: Config['metrics'], req: OfflineRequest): OfflineResult {
  const masked = req.hidden ? hideRatings(full.facts, req.hidden) : { facts: full.facts, hidden: 0 };
  const snapshot = assembleSnapshot(full.ids, masked.facts, full.identifierGroups, req.asOfMs);
  const options = analyticsOptions(config);
  const graph = prepareGraph(snapshot);
  const c = computeCentrality(graph, options, createRng(req.seed));
  const k = computeCommunities(graph, options, createRng(req.seed ^ 0x9e3779b9));
  const r = computeRisk(graph, options);
  const batch = computeFeatures(snapshot, req.asOfMs, runSignalsOf(snapshot, c, k, r), req.focus);
  const features = Array.from(req.focus, (v, row) => ({ entityId: full.ids[v]!, values: rowToRecord(batch.values, row), evidence: batch.evidence[row]! }));
  return {
    features,
    snapshot,
    counts: {
      entities: snapshot.ids.length,
      edges: snapshot.edges.length,
      hiddenRatings: masked.hidden,
      bad: snapshot.bad.reduce((a, b) => a + b, 0),
      communities: k.count,
    },
  };
}
