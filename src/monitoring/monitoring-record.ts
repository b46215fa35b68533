/**
 * The stored and served form of one loan's monitoring: entity ids instead of indices, ISO times,
 * amounts in minor units, and the flow trimmed for drawing (edges carrying at least `minFollowShare`
 * of the disbursement or leading to an alert; the rest summed per payer and hop).
 */
import { LOAN_STATUS, type Facts } from '../analytics/facts.js';
import type { LoanMonitoring, MonitoringRun } from './monitor-loans.js';
import { severityRank, type AlertCode, type Severity } from './monitoring-options.js';
import type { FundsAlert } from './use-of-funds.js';

export interface FlowNodeRecord {
  readonly id: string;
  /** Fewest hops from the borrower (0 = the borrower). */
  readonly hop: number;
  /** Loan money received (minor units). */
  readonly receivedMinor: number;
  readonly role: 'borrower' | 'lender' | 'target' | 'intermediary';
  /** Codes of the alerts whose target it is. */
  readonly alerts: readonly AlertCode[];
}

export interface FlowEdgeRecord {
  readonly from: string;
  readonly to: string;
  readonly hop: number;
  readonly amountMinor: number;
  readonly firstAt: string;
  /** Code of an alert whose path runs along this edge, or null. */
  readonly alert: AlertCode | null;
}

export interface FlowRecord {
  readonly windowEnd: string;
  readonly nodes: readonly FlowNodeRecord[];
  readonly edges: readonly FlowEdgeRecord[];
  /** Loan money in edges too small to draw, per payer and hop. */
  readonly other: readonly { readonly from: string; readonly hop: number; readonly amountMinor: number; readonly payees: number }[];
  /** Loan money arriving at hops 1, 2, 3. */
  readonly byHop: readonly number[];
  readonly stoppedMinor: number;
  readonly held: readonly { readonly id: string; readonly hop: number; readonly amountMinor: number }[];
}

export interface AlertRecord {
  readonly loanId: string;
  readonly borrower: string;
  readonly lender: string | null;
  readonly currency: string;
  readonly code: AlertCode;
  readonly severity: Severity;
  readonly amountMinor: number;
  readonly share: number;
  /** Entity ids from the borrower to the target. */
  readonly path: readonly string[];
  readonly target: string;
  readonly hop: number;
  readonly at: string;
  readonly detail: string;
}

export interface WeekRecord {
  readonly week: number;
  readonly start: string;
  readonly end: string;
  readonly inflowMinor: number;
  readonly outflowMinor: number;
  readonly recentInflowMinor: number;
  readonly lostCustomers: number;
  readonly badShare: number;
  readonly badCounterparties: number;
  readonly communityRiskChange: number | null;
  /** The limit of the week (weeks from origination), null for baseline weeks. */
  readonly limitMinor: number | null;
}

export interface LoanMonitoringRecord {
  readonly loanId: string;
  readonly borrower: string;
  readonly lender: string | null;
  readonly currency: string;
  readonly amountMinor: number;
  readonly status: string;
  readonly originAt: string;
  readonly disbursement: { readonly at: string; readonly amountMinor: number; readonly source: string } | null;
  /** Loan money the borrower paid out within the window (hop 1) and still held at its end. */
  readonly tracedMinor: number;
  readonly retainedMinor: number;
  readonly alertCount: number;
  readonly severity: Severity | null;
  readonly limit: {
    readonly baseMinor: number;
    readonly amountMinor: number;
    readonly factors: readonly { readonly name: string; readonly factor: number }[];
    readonly alertSeverity: Severity | null;
  };
  readonly behaviour: {
    readonly baselineInflowMinor: number;
    readonly baselineOutflowMinor: number;
    readonly baselineBadShare: number;
    readonly topCustomers: readonly string[];
    readonly weeks: readonly WeekRecord[];
  };
  readonly score: { readonly atOrigin: number | null; readonly now: number | null; readonly change: number | null; readonly reasons: readonly string[] } | null;
  readonly flow: FlowRecord | null;
  readonly alerts: readonly AlertRecord[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const STATUS_NAMES = Object.fromEntries(Object.entries(LOAN_STATUS).map(([k, v]) => [v, k])) as Record<number, string>;

/** One record per monitored loan of a run. */
export function monitoringRecords(run: MonitoringRun, ids: readonly string[], facts: Facts): LoanMonitoringRecord[] {
  const { loans } = facts;
  return run.loans.map((m) => {
    const currency = facts.currencies[loans.currency[m.loan]!] ?? '';
    const lender = m.lender >= 0 ? ids[m.lender]! : null;
    const alerts = m.alerts.map((a) => alertRecord(a, m, ids, currency, lender));
    const hop1 = m.funds?.trace.byHop[1] ?? 0;
    const retained = m.funds?.trace.held.find((h) => h.entity === m.borrower)?.amount ?? 0;
    const worst = m.alerts.reduce<Severity | null>((s, a) => (s === null || severityRank(a.severity) > severityRank(s) ? a.severity : s), null);
    return {
      loanId: m.loanId,
      borrower: ids[m.borrower]!,
      lender,
      currency,
      amountMinor: loans.amount[m.loan]!,
      status: STATUS_NAMES[loans.status[m.loan]!] ?? 'unknown',
      originAt: iso(m.originAt),
      disbursement: m.disbursement ? { at: iso(m.disbursement.at), amountMinor: m.disbursement.amount, source: m.disbursement.source } : null,
      tracedMinor: hop1,
      retainedMinor: retained,
      alertCount: alerts.length,
      severity: worst,
      limit: { baseMinor: m.limit.base, amountMinor: m.limit.amount, factors: m.limit.factors, alertSeverity: m.limit.alertSeverity },
      behaviour: behaviourRecord(m, ids),
      score: m.score ? { atOrigin: m.score.atOrigin?.score ?? null, now: m.score.now?.score ?? null, change: m.score.change, reasons: m.score.now?.reasons ?? [] } : null,
      flow: flowRecord(m, ids, run.options.minFollowShare),
      alerts,
    };
  });
}

function alertRecord(a: FundsAlert, m: LoanMonitoring, ids: readonly string[], currency: string, lender: string | null): AlertRecord {
  return {
    loanId: m.loanId,
    borrower: ids[m.borrower]!,
    lender,
    currency,
    code: a.code,
    severity: a.severity,
    amountMinor: a.amount,
    share: a.share,
    path: a.path.map((v) => ids[v]!),
    target: ids[a.target]!,
    hop: a.path.length - 1,
    at: iso(a.at),
    detail: a.detail,
  };
}

function behaviourRecord(m: LoanMonitoring, ids: readonly string[]): LoanMonitoringRecord['behaviour'] {
  const b = m.behaviour;
  let k = 0;
  return {
    baselineInflowMinor: b.baselineInflow,
    baselineOutflowMinor: b.baselineOutflow,
    baselineBadShare: b.baselineBadShare,
    topCustomers: b.topCustomers.map((v) => ids[v]!),
    weeks: b.weeks.map((w) => ({
      week: w.week,
      start: iso(w.start),
      end: iso(w.end),
      inflowMinor: w.inflow,
      outflowMinor: w.outflow,
      recentInflowMinor: w.recentInflow,
      lostCustomers: w.lostCustomers,
      badShare: w.badShare,
      badCounterparties: w.badCounterparties,
      communityRiskChange: w.communityRiskChange,
      limitMinor: w.week >= 0 ? (m.limits[k++]?.amount ?? null) : null,
    })),
  };
}

function flowRecord(m: LoanMonitoring, ids: readonly string[], minShare: number): FlowRecord | null {
  if (!m.funds) return null;
  const { trace, disbursement } = m.funds;
  const onAlert = new Map<string, AlertCode>();
  for (const a of m.alerts) for (let i = 1; i < a.path.length; i++) if (!onAlert.has(`${a.path[i - 1]}>${a.path[i]}`)) onAlert.set(`${a.path[i - 1]}>${a.path[i]}`, a.code);
  const minAmount = minShare * disbursement.amount;
  const kept = trace.edges.filter((e) => e.amount >= minAmount || onAlert.has(`${e.from}>${e.to}`));
  const keptSet = new Set(kept);
  const other = new Map<string, { from: string; hop: number; amountMinor: number; payees: number }>();
  for (const e of trace.edges) {
    if (keptSet.has(e)) continue;
    const key = `${e.from}:${e.hop}`;
    const o = other.get(key) ?? { from: ids[e.from]!, hop: e.hop, amountMinor: 0, payees: 0 };
    o.amountMinor += e.amount;
    o.payees += 1;
    other.set(key, o);
  }
  const nodes = new Map<number, { hop: number; received: number }>([[m.borrower, { hop: 0, received: 0 }]]);
  for (const e of kept) {
    nodes.set(e.from, nodes.get(e.from) ?? { hop: e.hop - 1, received: 0 });
    const n = nodes.get(e.to) ?? { hop: e.hop, received: 0 };
    n.hop = Math.min(n.hop, e.hop);
    n.received += e.amount;
    nodes.set(e.to, n);
  }
  const targets = new Map<number, AlertCode[]>();
  for (const a of m.alerts) targets.set(a.target, [...(targets.get(a.target) ?? []), a.code]);
  return {
    windowEnd: iso(m.funds.windowEnd),
    nodes: [...nodes.entries()].map(([v, n]) => ({
      id: ids[v]!,
      hop: v === m.borrower ? 0 : n.hop,
      receivedMinor: n.received,
      role: v === m.borrower ? 'borrower' : v === m.lender ? 'lender' : targets.has(v) ? 'target' : 'intermediary',
      alerts: targets.get(v) ?? [],
    })),
    edges: kept.map((e) => ({ from: ids[e.from]!, to: ids[e.to]!, hop: e.hop, amountMinor: e.amount, firstAt: iso(e.firstAt), alert: onAlert.get(`${e.from}>${e.to}`) ?? null })),
    other: [...other.values()],
    byHop: trace.byHop.slice(1),
    stoppedMinor: trace.stopped,
    held: trace.held.map((h) => ({ id: ids[h.entity]!, hop: h.hop, amountMinor: h.amount })),
  };
}
