/**
 * Metrics runs and their write-back. A run's results live in per-run nodes ((:EntityMetrics {runId}),
 * (:Community {runId}), (:Ring {runId})) and the run is switched to current in one transaction once
 * every batch is written, so readers (joining through the current run) never see a half-written run.
 */
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';
import { FEATURE_SCHEMA_VERSION } from '../features/schema.js';

const Q = defineQueries({
  start: 'metrics/start-run',
  progress: 'metrics/update-run-progress',
  entityMetrics: 'metrics/merge-entity-metrics',
  communities: 'metrics/merge-communities',
  rings: 'metrics/merge-rings',
  switchRun: 'metrics/switch-current-run',
  fail: 'metrics/fail-run',
  expired: 'metrics/list-expired-runs',
  deleteBatch: 'metrics/delete-run-batch',
  deleteRun: 'metrics/delete-run',
});

/** The stored signals of one entity in one run (NaN-free: unknown values are null); ids and id paths as strings. */
export type EntityMetricValues = Record<string, number | string | boolean | readonly string[] | null>;

export interface EntityMetricsRow {
  readonly id: string;
  readonly metrics: EntityMetricValues;
  /** The feature vector in schema order (NaN = missing). */
  readonly features: readonly number[];
  /** The evidence behind the features, as JSON. */
  readonly evidence: string;
  /** The as-of date of the features (epoch ms). */
  readonly asOfMs: number;
}

export interface CommunityRow {
  readonly id: number;
  readonly size: number;
  readonly bad: number;
  readonly defaultRate: number;
  readonly risk: number;
}

export interface RingRow {
  readonly id: string;
  readonly kind: 'cycle' | 'shared-identifier';
  readonly members: readonly string[];
  readonly size: number;
  readonly bad: number;
  readonly risk: number;
  /** Cycles: the smallest amount around the cycle (minor units); else null. */
  readonly amountMinor: number | null;
  /** Cycles: time from first to last payment (ms); else null. */
  readonly spanMs: number | null;
  /** Shared-identifier groups: how many identifiers link them; else null. */
  readonly identifiers: number | null;
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

/** Creates the run, or resumes it on a retried job; returns its status ('complete' means nothing to do). */
export async function startRun(db: Database, run: { id: string; scope: string; jobId: string; params: unknown }): Promise<{ status: string; attempts: number }> {
  const [row] = await db.writeRows<{ status: string; attempts: number }>(Q.start, {
    id: run.id,
    scope: run.scope,
    jobId: run.jobId,
    params: JSON.stringify(run.params),
  });
  if (!row) throw new Error(`metrics run ${run.id} could not be created`);
  return row;
}

/** Records the current stage, timings and counts of a running run. */
export async function updateRunProgress(
  db: Database,
  id: string,
  p: { status: 'running' | 'writing'; stage: string; stages: readonly StageTiming[]; counts: object; snapshotAtMs?: number },
): Promise<void> {
  await db.writeRows(Q.progress, {
    id,
    status: p.status,
    stage: p.stage,
    stages: JSON.stringify(p.stages),
    counts: JSON.stringify(p.counts),
    snapshotAtMs: p.snapshotAtMs ?? null,
  });
}

async function writeInBatches<T>(db: Database, statement: string, runId: string, rows: readonly T[], batch: number, onBatch?: (done: number) => void | Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await db.writeRows(statement, { runId, rows: rows.slice(i, i + batch) });
    await onBatch?.(Math.min(rows.length, i + batch));
  }
}

export interface WriteBackOptions {
  /** Rows per transaction. */
  readonly batch: number;
  /** Transactions in flight at once (new nodes of one run do not contend). */
  readonly parallel: number;
}

/**
 * Writes per-entity metrics and features of `count` entities in batches (one transaction each,
 * `parallel` at a time), building each batch's rows only when it is sent, so memory holds a few
 * batches, not the whole run. `onBatch` gets the number of rows written so far.
 */
export async function writeEntityMetrics(
  db: Database,
  runId: string,
  count: number,
  rowAt: (v: number) => EntityMetricsRow,
  options: WriteBackOptions,
  onBatch?: (done: number) => void | Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  const writer = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + options.batch);
      const rows: EntityMetricsRow[] = [];
      for (let v = from; v < next; v++) rows.push(rowAt(v));
      await db.writeRows(Q.entityMetrics, { runId, schema: FEATURE_SCHEMA_VERSION, rows });
      done += rows.length;
      await onBatch?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, writer));
}

export async function writeCommunities(db: Database, runId: string, rows: readonly CommunityRow[], batch: number): Promise<void> {
  await writeInBatches(db, Q.communities, runId, rows, batch);
}

export async function writeRings(db: Database, runId: string, rows: readonly RingRow[], batch: number): Promise<void> {
  await writeInBatches(db, Q.rings, runId, rows, batch);
}

/** The atomic switch: the run becomes the current one of its scope. Returns the run it replaced. */
export async function switchCurrentRun(db: Database, id: string, counts: object, stages: readonly StageTiming[]): Promise<{ previousId: string | null }> {
  const [row] = await db.writeRows<{ previousId: string | null }>(Q.switchRun, { id, counts: JSON.stringify(counts), stages: JSON.stringify(stages) });
  if (!row) throw new Error(`metrics run ${id} is not in status 'writing'; not switched`);
  return row;
}

export async function failRun(db: Database, id: string, error: string): Promise<void> {
  await db.writeRows(Q.fail, { id, error: error.slice(0, 2000) });
}

/** Deletes the runs of `scope` beyond the newest `keep` complete ones, results first, in batches. */
export async function deleteExpiredRuns(db: Database, scope: string, keep: number, batch: number): Promise<string[]> {
  const expired = await db.readRows<{ id: string }>(Q.expired, { scope, keep });
  for (const { id } of expired) {
    for (;;) {
      const [row] = await db.writeRows<{ deleted: number }>(Q.deleteBatch, { runId: id, limit: batch });
      if (!row || row.deleted === 0) break;
    }
    await db.writeRows(Q.deleteRun, { id });
  }
  return expired.map((r) => r.id);
}
