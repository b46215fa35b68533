/**
 * Post-loan monitoring of a run: for every loan open at the as-of time, the use of its funds (when it
 * has a disbursement), its alerts, the borrower's behaviour against its pre-loan baseline, the limit
 * that moves with it, and the score change since origination (when the caller provides scores).
 * Pure: everything comes from the input; the same input gives the same result.
 */
import { LOAN_STATUS, type Facts } from '../analytics/facts.js';
import { behaviourSeries, type Behaviour } from './behaviour-series.js';
import { CommunityRiskAt } from './community-risk-at.js';
import { findDisbursement, type Disbursement } from './disbursement.js';
import { movingLimits, type MovingLimit } from './limit-policy.js';
import { buildContext, type MonitoringContext, type MonitoringInput, type ScoreAt } from './monitoring-input.js';
import { MONITORING_DEFAULTS, type MonitoringOptions } from './monitoring-options.js';
import { traceLoanFunds, type FundsAlert, type UseOfFunds } from './use-of-funds.js';

export interface ScoreChange {
  readonly atOrigin: ScoreAt | null;
  readonly now: ScoreAt | null;
  /** now − atOrigin (points), null when either is unknown. */
  readonly change: number | null;
}

export interface LoanMonitoring {
  /** Index into facts.loans. */
  readonly loan: number;
  readonly loanId: string;
  readonly borrower: number;
  /** −1 when the loan names no lender. */
  readonly lender: number;
  readonly disbursement: Disbursement | null;
  /** The disbursement time, else openedAt. */
  readonly originAt: number;
  /** Null when the loan has no disbursement (nothing traced). */
  readonly funds: UseOfFunds | null;
  readonly alerts: readonly FundsAlert[];
  readonly behaviour: Behaviour;
  /** Limit of every week from origination; `limit` is the last (current) one. */
  readonly limits: readonly MovingLimit[];
  readonly limit: MovingLimit;
  readonly score: ScoreChange | null;
}

export interface MonitoringRun {
  readonly asOfMs: number;
  readonly options: MonitoringOptions;
  readonly loans: LoanMonitoring[];
}

/** Loans open at `asOf`: opened by then, status current or late, not closed by then. */
export function openLoans(facts: Facts, asOf: number): number[] {
  const { loans } = facts;
  const open: number[] = [];
  for (let k = 0; k < loans.length; k++) {
    const status = loans.status[k];
    if (status !== LOAN_STATUS.current && status !== LOAN_STATUS.late) continue;
    if (!(loans.openedAt[k]! <= asOf) || loans.closedAt[k]! <= asOf) continue;
    open.push(k);
  }
  return open;
}

/** Monitors `loans` (default: every loan open at the as-of time). */
export function monitorLoans(input: MonitoringInput, options: MonitoringOptions = MONITORING_DEFAULTS, loans?: readonly number[]): MonitoringRun {
  const ctx = buildContext(input);
  const risk = input.community ? new CommunityRiskAt(input.community, ctx.bad, options.riskSmoothing) : null;
  const chosen = loans ?? openLoans(input.facts, input.asOfMs);
  return { asOfMs: input.asOfMs, options, loans: chosen.map((k) => monitorLoan(ctx, risk, k, options)) };
}

function monitorLoan(ctx: MonitoringContext, risk: CommunityRiskAt | null, k: number, options: MonitoringOptions): LoanMonitoring {
  const { loans } = ctx.input.facts;
  const asOf = ctx.input.asOfMs;
  const found = findDisbursement(ctx.input.facts, k, options);
  const disbursement = found && found.at <= asOf ? found : null;
  const funds = disbursement ? traceLoanFunds(ctx, k, disbursement, options) : null;
  const alerts = funds?.alerts ?? [];
  const originAt = disbursement?.at ?? loans.openedAt[k]!;
  const behaviour = behaviourSeries(ctx, k, originAt, risk, options);
  const base = disbursement?.amount ?? loans.amount[k]!;
  const limits = movingLimits(base, behaviour, alerts, options.limit);
  const limit = limits[limits.length - 1] ?? { base, amount: base, factors: [], alertSeverity: null };
  return {
    loan: k,
    loanId: loans.ids[k]!,
    borrower: loans.borrower[k]!,
    lender: loans.lender[k]!,
    disbursement,
    originAt,
    funds,
    alerts,
    behaviour,
    limits,
    limit,
    score: scoreChange(ctx, loans.borrower[k]!, originAt),
  };
}

/** The seam for the scoring code: the borrower's score at origination and now, when provided. */
function scoreChange(ctx: MonitoringContext, borrower: number, originAt: number): ScoreChange | null {
  const scoreAt = ctx.input.scoreAt;
  if (!scoreAt) return null;
  const atOrigin = scoreAt(borrower, originAt);
  const now = scoreAt(borrower, ctx.input.asOfMs);
  return { atOrigin, now, change: atOrigin && now ? now.score - atOrigin.score : null };
}
