/**
 * The `monitoring` stage of a metrics run: every loan open at the snapshot's as-of time is monitored
 * (pure, src/monitoring) and its results are written under the run, so they switch into service with
 * the run's other results. The snapshot's supply links are taken before the analytics (whose thread
 * receives the edge arrays); the run's communities are handed in after them.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { writeLoanMonitoring } from '../db/monitoring-repository.js';
import type { Facts } from '../analytics/facts.js';
import type { EdgeList } from '../analytics/edge-list.js';
import { monitorLoans } from '../monitoring/monitor-loans.js';
import type { MonitoringInput, SupplyLinks } from '../monitoring/monitoring-input.js';
import { monitoringOptions, type MonitoringOptions } from '../monitoring/monitoring-options.js';
import { monitoringRecords } from '../monitoring/monitoring-record.js';
import { supplyLinksOf } from '../monitoring/supply-links.js';

/** What the stage needs from the run's snapshot. */
export interface MonitoredSnapshot {
  readonly ids: readonly string[];
  readonly edges: EdgeList;
  readonly identifierGroups: readonly (readonly number[])[];
  readonly facts: Facts;
  readonly asOfMs: number;
}

export interface MonitoringCounts {
  readonly monitoredLoans: number;
  readonly tracedLoans: number;
  readonly loanAlerts: number;
}

/** The monitoring options of a run, from config. */
export function monitoringOptionsOf(config: Config['monitoring']): MonitoringOptions {
  return monitoringOptions({ windowDays: config.windowDays, lookbackDays: config.lookbackDays, maxHops: config.maxHops });
}

/** Runs the monitoring of one run's open loans and writes it; returns counts for the run record. */
export async function monitorRunLoans(
  db: Database,
  runId: string,
  input: MonitoringInput,
  options: MonitoringOptions,
  batchRows: number,
): Promise<MonitoringCounts> {
  const run = monitorLoans(input, options);
  const records = monitoringRecords(run, input.ids, input.facts);
  // a loan's row carries its whole series and flow: batches of loans are smaller than entity batches
  await writeLoanMonitoring(db, runId, records, Math.max(1, Math.floor(batchRows / 10)));
  return {
    monitoredLoans: records.length,
    tracedLoans: records.filter((r) => r.flow !== null).length,
    loanAlerts: records.reduce((s, r) => s + r.alertCount, 0),
  };
}

/**
 * The stage in two calls: `prepareMonitoring(snapshot)` before the analytics thread takes the edges,
 * then `run(db, runId, community)` once the communities are known.
 */
export function prepareMonitoring(snapshot: MonitoredSnapshot, config: Config['monitoring']) {
  const supplies: SupplyLinks = supplyLinksOf(snapshot.edges);
  const { ids, identifierGroups, facts, asOfMs } = snapshot;
  return {
    run: (db: Database, runId: string, community: ArrayLike<number> | null, batchRows: number) =>
      monitorRunLoans(db, runId, { ids, facts, asOfMs, identifierGroups, supplies, community }, monitoringOptionsOf(config), batchRows),
  };
}
