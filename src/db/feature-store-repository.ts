/**
 * The feature store: each entity's feature vector lives on its EntityMetrics node of a run (written by
 * the run, refreshed for touched entities after each ingest load). A score reads it with one
 * unique-key seek; the as-of path reads the run's network values instead and recomputes the rest.
 */
import type { RunSignals } from '../features/run-signals.js';
import { FEATURE_SCHEMA_VERSION } from '../features/schema.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  servingRun: 'features/get-serving-run',
  stored: 'features/get-stored-features',
  runSignals: 'features/get-run-signals',
  merge: 'features/merge-features',
  invalidate: 'features/invalidate-features',
  counterparties: 'features/list-counterparties',
});

/** The counterparties (payments or ratings, either way) of `ids`, excluding `ids`. */
export async function listCounterparties(db: Database, ids: readonly string[]): Promise<string[]> {
  return (await db.readRows<{ id: string }>(Q.counterparties, { ids })).map((r) => r.id);
}

/** The run in service. */
export interface ServingRun {
  readonly id: string;
  readonly finishedAtMs: number | null;
  readonly snapshotAtMs: number | null;
}

/** The current complete run of `scope` ('' = the whole graph), or null before the first one. */
export async function readServingRun(db: Database, scope: string, timeoutMs?: number): Promise<ServingRun | null> {
  const [row] = await db.readOnce<ServingRun>(Q.servingRun, { scope }, timeoutMs);
  return row ?? null;
}

/** A stored vector, or why there is none. */
export type StoredFeatures =
  | { readonly id: string; readonly status: 'stored'; readonly values: readonly number[]; readonly evidence: string; readonly asOfMs: number }
  /** The entity exists but has no vector of the current schema in the run. */
  | { readonly id: string; readonly status: 'missing' }
  | { readonly id: string; readonly status: 'unknown' };

interface StoredRow {
  id: string;
  features: number[] | null;
  schema: string | null;
  evidence: string | null;
  featuresAtMs: number | null;
  exists: boolean;
}

/** The stored vectors of `ids` in run `runId`, in request order. */
export async function readStoredFeatures(db: Database, runId: string, ids: readonly string[], timeoutMs?: number): Promise<StoredFeatures[]> {
  const rows = await db.readOnce<StoredRow>(Q.stored, { runId, ids }, timeoutMs);
  return rows.map((r) => {
    if (r.features && r.schema === FEATURE_SCHEMA_VERSION && r.evidence && r.featuresAtMs !== null) {
      return { id: r.id, status: 'stored', values: r.features, evidence: r.evidence, asOfMs: r.featuresAtMs };
    }
    return { id: r.id, status: r.exists ? 'missing' : 'unknown' };
  });
}

interface SignalRow {
  id: string;
  pagerankPct: number | null;
  betweenness: number | null;
  counterpartyRisk: number | null;
  exposurePct: number | null;
  exposureNorm: number | null;
  community: number | string | null;
  communityRisk: number | null;
  communitySize: number | null;
  overallBadRate: number | null;
  viaBad: string[] | null;
}

/** The network values run `runId` stored for `ids` (ids not in the run are absent). */
export async function readRunSignals(db: Database, runId: string, ids: readonly string[], timeoutMs?: number): Promise<Map<string, RunSignals>> {
  const rows = await db.readRows<SignalRow>(Q.runSignals, { runId, ids }, timeoutMs);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        pagerankPct: r.pagerankPct,
        betweenness: r.betweenness,
        counterpartyRisk: r.counterpartyRisk,
        exposure: r.exposurePct,
        exposureNorm: r.exposureNorm,
        communityId: r.community === null ? null : String(r.community),
        communityBadRate: r.communityRisk,
        communitySize: r.communitySize,
        overallBadRate: r.overallBadRate,
        nearestBadPath: r.viaBad,
      },
    ]),
  );
}

export interface FeatureRow {
  readonly id: string;
  readonly features: readonly number[];
  readonly evidence: string;
  readonly asOfMs: number;
}

/** Stores fresh vectors on the run's EntityMetrics nodes, in batches; returns how many were written. */
export async function writeFeatures(db: Database, runId: string, rows: readonly FeatureRow[], batch = 1000): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const [row] = await db.writeRows<{ written: number }>(Q.merge, { runId, schema: FEATURE_SCHEMA_VERSION, rows: rows.slice(i, i + batch) });
    written += row?.written ?? 0;
  }
  return written;
}

/**
 * Drops the stored vectors of `ids` in run `runId` (their scores then use the as-of path), in batches;
 * returns how many were dropped.
 */
export async function invalidateFeatures(db: Database, runId: string, ids: readonly string[], batch = 10_000): Promise<number> {
  let invalidated = 0;
  for (let i = 0; i < ids.length; i += batch) {
    const [row] = await db.writeRows<{ invalidated: number }>(Q.invalidate, { runId, ids: ids.slice(i, i + batch) });
    invalidated += row?.invalidated ?? 0;
  }
  return invalidated;
}
