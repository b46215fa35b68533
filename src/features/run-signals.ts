/**
 * Network and community features come from a metrics run (graph-wide computations): PageRank
 * percentile, betweenness, counterparty risk, exposure (percentile and degree-normalised), the nearest bad entity, and the entity's
 * community's risk and size. This module takes one entity's values from a run and writes them.
 */
import type { FeatureEvidence } from './evidence.js';
import type { FeatureWriter } from './feature-writer.js';

/** One entity's values in a run (null where the run has none). */
export interface RunSignals {
  readonly pagerankPct: number | null;
  readonly betweenness: number | null;
  readonly counterpartyRisk: number | null;
  /** Exposure percentile, 0..1. */
  readonly exposure: number | null;
  /** Degree-normalised exposure (1 = what a random walk brings; missing without relationships). */
  readonly exposureNorm: number | null;
  readonly communityId: string | null;
  /** Smoothed bad rate of the community without the entity itself, 0..1. */
  readonly communityBadRate: number | null;
  readonly communitySize: number | null;
  /** Bad entities over all entities of the run, 0..1. */
  readonly overallBadRate: number | null;
  /** Ids from the entity to its nearest other bad entity (within the run's hop limit), or null. */
  readonly nearestBadPath: readonly string[] | null;
}

export type RunFacts = Pick<FeatureEvidence, 'community' | 'nearestBad'>;

/** Writes the run-based features (all missing when the entity is not in the run). */
export function runFeatures(run: RunSignals | null, out: FeatureWriter): RunFacts {
  out.set('pagerankPct', run?.pagerankPct ?? null);
  out.set('betweenness', run?.betweenness ?? null);
  out.set('counterpartyRisk', run?.counterpartyRisk ?? null);
  out.set('exposure', run?.exposure ?? null);
  out.set('exposureNorm', run?.exposureNorm ?? null);
  const path = run?.nearestBadPath ?? null;
  out.set('nearestBadHops', path ? path.length - 1 : null);
  const rate = run?.communityBadRate ?? null;
  const overall = run?.overallBadRate ?? null;
  out.set('communityRisk', rate !== null && overall !== null && overall > 0 ? rate / overall : null);
  out.set('communitySize', run?.communitySize ?? null);
  return {
    community:
      run && run.communityId !== null && rate !== null
        ? { id: run.communityId, badRate: rate, overallBadRate: overall ?? 0, size: run.communitySize ?? 0 }
        : null,
    nearestBad: path ? { id: path[path.length - 1]!, hops: path.length - 1, path } : null,
  };
}
