/**
 * Post-loan monitoring results under a metrics run: one (:LoanMonitoring) node per monitored loan
 * (scalars for listing; the flow, the behaviour series (column by column), limit and score change as
 * JSON) and one
 * (:LoanAlert) node per alert, both hanging off the (:Loan). Written in batches that replace what the
 * run held for the same loans, so retried batches and incremental updates never duplicate.
 */
import neo4j from 'neo4j-driver';
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';
import { severityRank, type AlertCode, type Severity } from '../monitoring/monitoring-options.js';
import type { AlertRecord, LoanMonitoringRecord } from '../monitoring/monitoring-record.js';

const Q = defineQueries({
  merge: 'monitoring/merge-loan-monitoring',
  get: 'monitoring/get-loan-monitoring',
  alerts: 'monitoring/list-loan-alerts',
  loans: 'monitoring/list-monitored-loans',
  deleteRun: 'monitoring/delete-run-monitoring',
});

type Behaviour = LoanMonitoringRecord['behaviour'];
type Week = Behaviour['weeks'][number];

/** The weekly series stored column by column (a few KB a loan instead of an object per week). */
interface StoredBehaviour {
  readonly baselineInflowMinor: number;
  readonly baselineOutflowMinor: number;
  readonly baselineBadShare: number;
  readonly topCustomers: readonly string[];
  readonly week: number[];
  readonly start: number[];
  readonly end: number[];
  readonly inflow: number[];
  readonly outflow: number[];
  readonly recentInflow: number[];
  readonly lost: number[];
  readonly badShare: number[];
  readonly badCounterparties: number[];
  readonly communityRiskChange: (number | null)[];
  readonly limit: (number | null)[];
}

function packBehaviour(b: Behaviour): StoredBehaviour {
  const col = <T>(f: (w: Week) => T) => b.weeks.map(f);
  return {
    baselineInflowMinor: b.baselineInflowMinor,
    baselineOutflowMinor: b.baselineOutflowMinor,
    baselineBadShare: b.baselineBadShare,
    topCustomers: b.topCustomers,
    week: col((w) => w.week),
    start: col((w) => Date.parse(w.start)),
    end: col((w) => Date.parse(w.end)),
    inflow: col((w) => w.inflowMinor),
    outflow: col((w) => w.outflowMinor),
    recentInflow: col((w) => w.recentInflowMinor),
    lost: col((w) => w.lostCustomers),
    badShare: col((w) => w.badShare),
    badCounterparties: col((w) => w.badCounterparties),
    communityRiskChange: col((w) => w.communityRiskChange),
    limit: col((w) => w.limitMinor),
  };
}

function unpackBehaviour(s: StoredBehaviour): Behaviour {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    baselineInflowMinor: s.baselineInflowMinor,
    baselineOutflowMinor: s.baselineOutflowMinor,
    baselineBadShare: s.baselineBadShare,
    topCustomers: s.topCustomers,
    weeks: s.week.map((week, k) => ({
      week,
      start: iso(s.start[k]!),
      end: iso(s.end[k]!),
      inflowMinor: s.inflow[k]!,
      outflowMinor: s.outflow[k]!,
      recentInflowMinor: s.recentInflow[k]!,
      lostCustomers: s.lost[k]!,
      badShare: s.badShare[k]!,
      badCounterparties: s.badCounterparties[k]!,
      communityRiskChange: s.communityRiskChange[k] ?? null,
      limitMinor: s.limit[k] ?? null,
    })),
  };
}

function rowOf(r: LoanMonitoringRecord): Record<string, unknown> {
  return {
    loanId: r.loanId,
    monitoring: {
      borrower: r.borrower,
      lender: r.lender,
      currency: r.currency,
      amountMinor: r.amountMinor,
      status: r.status,
      originAtMs: Date.parse(r.originAt),
      disbursedAtMs: r.disbursement ? Date.parse(r.disbursement.at) : null,
      disbursedMinor: r.disbursement?.amountMinor ?? null,
      disbursementSource: r.disbursement?.source ?? null,
      tracedMinor: r.tracedMinor,
      retainedMinor: r.retainedMinor,
      alertCount: r.alertCount,
      severity: r.severity,
      severityRank: r.severity ? severityRank(r.severity) : 0,
      limitMinor: r.limit.amountMinor,
      limitBaseMinor: r.limit.baseMinor,
      limitJson: JSON.stringify(r.limit),
      behaviourJson: JSON.stringify(packBehaviour(r.behaviour)),
      scoreJson: r.score ? JSON.stringify(r.score) : null,
      flowJson: r.flow ? JSON.stringify(r.flow) : null,
      // entities the loan money passed through: an ingest load touching one of them updates the loan
      flowEntities: r.flow ? r.flow.nodes.map((n) => n.id) : [r.borrower],
    },
    alerts: r.alerts.map((a) => ({
      code: a.code,
      severity: a.severity,
      severityRank: severityRank(a.severity),
      amountMinor: a.amountMinor,
      share: a.share,
      path: a.path,
      target: a.target,
      hop: a.hop,
      atMs: Date.parse(a.at),
      detail: a.detail,
      borrower: a.borrower,
      lender: a.lender,
      currency: a.currency,
    })),
  };
}

/** Writes the records in batches of `batch` loans (one transaction each); returns the loans written. */
export async function writeLoanMonitoring(db: Database, runId: string, records: readonly LoanMonitoringRecord[], batch: number): Promise<number> {
  let written = 0;
  for (let i = 0; i < records.length; i += batch) {
    const [row] = await db.writeRows<{ written: number }>(Q.merge, { runId, rows: records.slice(i, i + batch).map(rowOf) });
    written += row?.written ?? 0;
  }
  return written;
}

type Stored = Record<string, unknown>;

function alertOf(a: Stored): AlertRecord {
  return {
    loanId: String(a.loanId),
    borrower: String(a.borrower),
    lender: (a.lender as string | null) ?? null,
    currency: String(a.currency),
    code: a.code as AlertCode,
    severity: a.severity as Severity,
    amountMinor: Number(a.amountMinor),
    share: Number(a.share),
    path: (a.path as string[]) ?? [],
    target: String(a.target),
    hop: Number(a.hop),
    at: String(a.at),
    detail: String(a.detail ?? ''),
  };
}

function recordOf(m: Stored, alerts: readonly Stored[]): LoanMonitoringRecord {
  const json = <T>(v: unknown): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : null);
  return {
    loanId: String(m.loanId),
    borrower: String(m.borrower),
    lender: (m.lender as string | null) ?? null,
    currency: String(m.currency),
    amountMinor: Number(m.amountMinor),
    status: String(m.status),
    originAt: String(m.originAt),
    disbursement: m.disbursedAt ? { at: String(m.disbursedAt), amountMinor: Number(m.disbursedMinor), source: String(m.disbursementSource) } : null,
    tracedMinor: Number(m.tracedMinor),
    retainedMinor: Number(m.retainedMinor),
    alertCount: Number(m.alertCount),
    severity: (m.severity as Severity | null) ?? null,
    limit: json<LoanMonitoringRecord['limit']>(m.limitJson)!,
    behaviour: unpackBehaviour(json<StoredBehaviour>(m.behaviourJson)!),
    score: json<LoanMonitoringRecord['score']>(m.scoreJson),
    flow: json<LoanMonitoringRecord['flow']>(m.flowJson),
    alerts: alerts.map(alertOf),
  };
}

export interface StoredLoanMonitoring {
  readonly exists: boolean;
  readonly runId: string | null;
  readonly runFinishedAt: string | null;
  /** Null when the loan exists but no run in service monitored it. */
  readonly record: (LoanMonitoringRecord & { readonly computedAt: string }) | null;
}

/** One loan's monitoring from `runId`, or from the newest complete run in service that monitored it. */
export async function getLoanMonitoring(db: Database, loanId: string, runId: string | null): Promise<StoredLoanMonitoring> {
  const [row] = await db.readRows<{ exists: boolean; runId: string | null; runFinishedAt: string | null; monitoring: Stored | null; alerts: Stored[] }>(Q.get, { loanId, runId });
  if (!row) return { exists: false, runId: null, runFinishedAt: null, record: null };
  const record = row.monitoring ? { ...recordOf(row.monitoring, row.alerts), computedAt: String(row.monitoring.computedAt) } : null;
  return { exists: row.exists, runId: row.runId, runFinishedAt: row.runFinishedAt, record };
}

export interface AlertFilter {
  readonly code: AlertCode | null;
  readonly lender: string | null;
  readonly minSeverity: Severity;
  readonly sort: 'newest' | 'severity';
  readonly limit: number;
}

export async function listLoanAlerts(db: Database, runId: string, f: AlertFilter): Promise<{ total: number; items: AlertRecord[] }> {
  const [row] = await db.readRows<{ total: number; items: Stored[] }>(Q.alerts, {
    runId,
    code: f.code,
    lender: f.lender,
    minRank: neo4j.int(severityRank(f.minSeverity)),
    sort: f.sort,
    limit: neo4j.int(f.limit),
  });
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(alertOf) };
}

export interface MonitoredLoan {
  readonly loanId: string;
  readonly borrower: string;
  readonly lender: string | null;
  readonly currency: string;
  readonly amountMinor: number;
  readonly status: string;
  readonly originAt: string;
  readonly disbursedAt: string | null;
  readonly tracedMinor: number;
  readonly retainedMinor: number;
  readonly alertCount: number;
  readonly severity: Severity | null;
  readonly limitMinor: number;
}

export async function listMonitoredLoans(
  db: Database,
  runId: string,
  f: { lender: string | null; alerted: boolean; limit: number },
): Promise<{ total: number; items: MonitoredLoan[] }> {
  const [row] = await db.readRows<{ total: number; items: MonitoredLoan[] }>(Q.loans, { runId, lender: f.lender, alerted: f.alerted, limit: neo4j.int(f.limit) });
  return { total: row?.total ?? 0, items: row?.items ?? [] };
}

/** Deletes every monitoring result of a run (in batches); returns how many nodes. */
export async function deleteRunMonitoring(db: Database, runId: string, batch = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [row] = await db.writeRows<{ deleted: number }>(Q.deleteRun, { runId, limit: neo4j.int(batch) });
    deleted += row?.deleted ?? 0;
    if (!row || row.deleted === 0) return deleted;
  }
}
