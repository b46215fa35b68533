/**
 * Reads of metrics runs and of one entity's network signals. Readers always join through a complete
 * run in service, so an entity's values come from exactly one run.
 */
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';
import type { StageTiming } from './metrics-repository.js';

const Q = defineQueries({
  current: 'metrics/get-current-run',
  list: 'metrics/list-runs',
  get: 'metrics/get-run',
  signals: 'metrics/get-entity-signals',
});

export interface CurrentRun {
  readonly id: string;
  readonly snapshotAt: string | null;
  readonly finishedAt: string;
  /** The complete run before it (for alerts on what changed), or null. */
  readonly previousId: string | null;
}

export interface MetricsRun {
  readonly id: string;
  readonly scope: string;
  readonly status: 'running' | 'writing' | 'complete' | 'failed';
  readonly stage: string | null;
  readonly current: boolean;
  readonly scopeCurrent: boolean;
  readonly attempts: number;
  readonly jobId: string | null;
  readonly startedAt: string;
  readonly snapshotAt: string | null;
  readonly finishedAt: string | null;
  readonly params: unknown;
  readonly stages: readonly StageTiming[];
  readonly counts: Record<string, unknown>;
  readonly error: string | null;
}

export interface EntitySignals {
  readonly id: string;
  /** The run the metrics come from, or null when no run in service covers the entity. */
  readonly runId: string | null;
  readonly snapshotAt: string | null;
  readonly finishedAt: string | null;
  /** EntityMetrics properties: pagerank, pagerankPct, degreeIn/Out, strengthIn/Out (minor units),
   *  betweenness, community, communityRisk, exposure, exposurePct, counterpartyRisk, concentration,
   *  purchaseConcentration, ringCount, badHops (1..3 or absent), nearestBad (id), viaBad (ids, entity → … → bad). */
  readonly metrics: Record<string, number | string | boolean | readonly string[] | null> | null;
  readonly community: { id: number; size: number; bad: number; defaultRate: number; risk: number } | null;
  /** The date of the facts behind the entity's stored features (later than the snapshot after an ingest load). */
  readonly featuresAsOf: string | null;
  /** True when no run covers the entity, or its facts changed after the run's snapshot. */
  readonly stale: boolean;
}

interface RunRow extends Omit<MetricsRun, 'params' | 'stages' | 'counts'> {
  params: string | null;
  stages: string | null;
  counts: string | null;
}

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

function toRun(row: RunRow): MetricsRun {
  return {
    ...row,
    current: row.current === true,
    scopeCurrent: row.scopeCurrent === true,
    params: parse(row.params, null),
    stages: parse(row.stages, []),
    counts: parse(row.counts, {}),
  };
}

/** The run in service for `scope` ('' = the whole graph), or null before the first complete run. */
export async function getCurrentRun(db: Database, scope = ''): Promise<CurrentRun | null> {
  const [row] = await db.readRows<CurrentRun>(Q.current, { scope });
  return row ?? null;
}

/** Runs newest first; `scope` null lists every scope. */
export async function listRuns(db: Database, scope: string | null, limit = 50): Promise<MetricsRun[]> {
  return (await db.readRows<RunRow>(Q.list, { scope, limit })).map(toRun);
}

export async function getRun(db: Database, id: string): Promise<MetricsRun | null> {
  const [row] = await db.readRows<RunRow>(Q.get, { id });
  return row ? toRun(row) : null;
}

/** One entity's signals from the newest run in service that covers it; null when the entity does not exist. */
export async function getEntitySignals(db: Database, entityId: string): Promise<EntitySignals | null> {
  const [row] = await db.readRows<EntitySignals>(Q.signals, { id: entityId });
  return row ?? null;
}
