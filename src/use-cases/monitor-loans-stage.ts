/**
 * The `monitoring` stage of a metrics run: every loan open at the snapshot's as-of time is monitored
 * (pure, src/monitoring) with the run's communities, and its results are written under the run, so
 * they switch into service with the run's other results.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { writeLoanMonitoring } from '../db/monitoring-repository.js';
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { monitorLoans } from '../monitoring/monitor-loans.js';
import type { MonitoringInput } from '../monitoring/monitoring-input.js';
import { monitoringOptions, type MonitoringOptions } from '../monitoring/monitoring-options.js';
import { monitoringRecords } from '../monitoring/monitoring-record.js';

export interface MonitoringCounts {
  readonly monitoredLoans: number;
  readonly tracedLoans: number;
  readonly loanAlerts: number;
  /** Time spent computing (pure) and writing the results, ms. */
  readonly monitoringComputeMs: number;
  readonly monitoringWriteMs: number;
}

/** The monitoring options of a run, from config. */
export function monitoringOptionsOf(config: Config['metrics']['monitoring']): MonitoringOptions {
  return monitoringOptions({ windowDays: config.windowDays, lookbackDays: config.lookbackDays, maxHops: config.maxHops });
}

/** Monitors the open loans of `input` and writes the results under the run; returns counts for the run record. */
export async function monitorRunLoans(
  db: Database,
  runId: string,
  input: MonitoringInput,
  options: MonitoringOptions,
  batchRows: number,
): Promise<MonitoringCounts> {
  const started = performance.now();
  const run = monitorLoans(input, options);
  const records = monitoringRecords(run, input.ids, input.facts);
  const computed = performance.now();
  // a loan's row carries its whole series and flow: batches of loans are smaller than entity batches
  await writeLoanMonitoring(db, runId, records, Math.max(1, Math.floor(batchRows / 10)));
  return {
    monitoredLoans: records.length,
    tracedLoans: records.filter((r) => r.flow !== null).length,
    loanAlerts: records.reduce((s, r) => s + r.alertCount, 0),
    monitoringComputeMs: Math.round(computed - started),
    monitoringWriteMs: Math.round(performance.now() - computed),
  };
}

/** The stage of a refresh: the snapshot's open loans, with the run's communities. */
export function monitorSnapshotLoans(
  db: Database,
  runId: string,
  snapshot: GraphSnapshot,
  community: ArrayLike<number>,
  config: Config['metrics'],
): Promise<MonitoringCounts> {
  const { ids, facts, asOfMs, identifierGroups } = snapshot;
  return monitorRunLoans(db, runId, { ids, facts, asOfMs, identifierGroups, community }, monitoringOptionsOf(config.monitoring), config.writeBatchRows);
}
