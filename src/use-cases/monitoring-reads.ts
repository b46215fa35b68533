/**
 * Reading post-loan monitoring for people: one loan's use of funds, alerts, behaviour and limit; the
 * alerts of a run; the loans a run monitored. `runId` null means the run in service (the full graph's;
 * one loan also falls back to the newest scoped run in service that monitored it).
 */
import { resolveRun } from '../db/explore-run-repository.js';
import {
  getLoanMonitoring,
  listLoanAlerts,
  listMonitoredLoans,
  type AlertFilter,
  type MonitoredLoan,
} from '../db/monitoring-repository.js';
import type { Database } from '../db/driver.js';
import { ConflictError, NotFoundError } from '../errors/app-error.js';
import type { AlertRecord, LoanMonitoringRecord } from '../monitoring/monitoring-record.js';

export interface LoanMonitoringAnswer {
  readonly loanId: string;
  /** The run the answer comes from (null: no run in service monitored the loan). */
  readonly runId: string | null;
  readonly runFinishedAt: string | null;
  readonly monitored: boolean;
  /** When the answer was computed (the run, or a later incremental update after an ingest load). */
  readonly computedAt: string | null;
  readonly monitoring: LoanMonitoringRecord | null;
}

async function runOrNull(db: Database, runId: string | null): Promise<string | null> {
  const run = await resolveRun(db, runId);
  if (runId !== null && !run) throw new NotFoundError('metrics run', runId);
  if (run && run.status !== 'complete') throw new ConflictError(`metrics run ${JSON.stringify(run.id)} is ${run.status}, not complete`);
  return run?.id ?? null;
}

export async function readLoanMonitoring(db: Database, loanId: string, runId: string | null): Promise<LoanMonitoringAnswer> {
  if (runId !== null) await runOrNull(db, runId);
  const stored = await getLoanMonitoring(db, loanId, runId);
  if (!stored.exists) throw new NotFoundError('loan', loanId);
  const { record } = stored;
  if (!record) return { loanId, runId: null, runFinishedAt: null, monitored: false, computedAt: null, monitoring: null };
  const { computedAt, ...monitoring } = record;
  return { loanId, runId: stored.runId, runFinishedAt: stored.runFinishedAt, monitored: true, computedAt, monitoring };
}

export interface RankedAlerts {
  readonly runId: string | null;
  readonly total: number;
  readonly items: AlertRecord[];
}

export async function findLoanAlerts(db: Database, runId: string | null, filter: AlertFilter): Promise<RankedAlerts> {
  const run = await runOrNull(db, runId);
  const page = run ? await listLoanAlerts(db, run, filter) : { total: 0, items: [] };
  return { runId: run, ...page };
}

export async function findMonitoredLoans(
  db: Database,
  runId: string | null,
  filter: Parameters<typeof listMonitoredLoans>[2],
): Promise<{ runId: string | null; total: number; items: MonitoredLoan[] }> {
  const run = await runOrNull(db, runId);
  const page = run ? await listMonitoredLoans(db, run, filter) : { total: 0, items: [] };
  return { runId: run, ...page };
}
