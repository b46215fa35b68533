/**
 * Use of funds of one disbursed loan: traces its money (trace-funds.ts) and turns where it ended into
 * alerts. Loan money arriving at an entity stops there with a code, the first that applies:
 *   1. ROUND_TRIP     the borrower itself;
 *   2. (no alert)     the loan's own lender (a repayment);
 *   3. FUNDS_TO_BAD   an entity bad (flagged or defaulted) before the run's as-of time;
 *   4. LOAN_STACKING  the lender of another loan of the borrower or of a related party, open when the
 *                     money arrives; or, at hop 1, any entity recorded as the lender of another loan;
 *   5. ROUND_TRIP     a related party of the borrower (shared identifier, owner, owned business, or a
 *                     business sharing an owner).
 * NO_PRIOR_RELATIONSHIP sums the loan money the borrower paid (hop 1) to payees it had no payment with
 * (either way, any currency) and no supply link with (either way, since unknown or before the
 * disbursement) before the disbursement, leaving out payees where the money stopped with a code.
 * Each code raises one alert per target entity (NO_PRIOR_RELATIONSHIP: one per loan, its target the
 * largest such payee) when its share of the disbursement reaches the code's `raise` band.
 */
import type { Facts } from '../analytics/facts.js';
import type { Disbursement } from './disbursement.js';
import { relatedParties, rowOf, type MonitoringContext } from './monitoring-input.js';
import { DAY_MS, severityOf, severityRank, type AlertCode, type MonitoringOptions, type Severity } from './monitoring-options.js';
import { traceFunds, type FlowEdge, type TerminalArrival, type TraceResult } from './trace-funds.js';

export const LENDER_REPAID = 'LENDER';

export interface FundsAlert {
  readonly code: AlertCode;
  readonly severity: Severity;
  /** Loan money that reached the target (minor units) and its share of the disbursement (0–1). */
  readonly amount: number;
  readonly share: number;
  /** Entity indices from the borrower to the target, along the largest single arrival. */
  readonly path: readonly number[];
  readonly target: number;
  /** When loan money first reached the target (epoch ms). */
  readonly at: number;
  /** Why, in a few words (e.g. "lender of loan L7 of the borrower"). */
  readonly detail: string;
}

export interface UseOfFunds {
  readonly disbursement: Disbursement;
  readonly windowEnd: number;
  readonly trace: TraceResult;
  readonly alerts: FundsAlert[];
}

interface LoanRef {
  readonly loan: number;
  readonly borrower: number;
  readonly lender: number;
}

/**
 * Why money reaching `q` at time `t` looks like repaying another lender: `q` lends another loan of the
 * borrower or of a related party that is open at `t` (any hop), or `q` lends any other loan (hop 1 only).
 */
function stackingReason(ctx: MonitoringContext, ref: LoanRef, related: ReadonlyMap<number, string>, q: number, hop: number, t: number): string | null {
  const loans = ctx.input.facts.loans;
  let anyLoan: string | null = null;
  for (const k of rowOf(ctx.lentLoans, q)) {
    if (k === ref.loan) continue;
    const b = loans.borrower[k]!;
    const open = loans.openedAt[k]! <= t && !(loans.closedAt[k]! < t);
    if (open && (b === ref.borrower || related.has(b))) {
      return `lender of loan ${loans.ids[k]} of ${b === ref.borrower ? 'the borrower' : `related party ${ctx.input.ids[b]}`}`;
    }
    anyLoan ??= `lender of loan ${loans.ids[k]}`;
  }
  return hop === 1 ? anyLoan : null;
}

/** Entities the borrower paid or was paid by, or had a supply link with, before `t`. */
function priorCounterparties(ctx: MonitoringContext, b: number, t: number): Set<number> {
  const p = ctx.input.facts.payments;
  const s = ctx.input.facts.supplies;
  const prior = new Set<number>();
  for (let e = p.payerOffsets[b]!; e < p.payerOffsets[b + 1]! && p.at[e]! < t; e++) prior.add(p.payee[e]!);
  for (let k = p.payeeOffsets[b]!; k < p.payeeOffsets[b + 1]! && p.at[p.inOrder[k]!]! < t; k++) prior.add(p.payer[p.inOrder[k]!]!);
  for (const i of rowOf(ctx.supplyLinksOf, b)) {
    if (!(s.since[i]! >= t)) prior.add(s.supplier[i] === b ? s.buyer[i]! : s.supplier[i]!);
  }
  return prior;
}

export function traceLoanFunds(ctx: MonitoringContext, loan: number, d: Disbursement, options: MonitoringOptions): UseOfFunds {
  const facts: Facts = ctx.input.facts;
  const ref: LoanRef = { loan, borrower: facts.loans.borrower[loan]!, lender: facts.loans.lender[loan]! };
  const related = relatedParties(ctx, ref.borrower);
  const asOf = ctx.input.asOfMs;
  const details = new Map<number, string>();
  const classify = (q: number, hop: number, t: number): string | null => {
    if (q === ref.borrower) return 'ROUND_TRIP';
    if (q === ref.lender) return LENDER_REPAID;
    if (ctx.bad.isBad(q, asOf)) return 'FUNDS_TO_BAD';
    const stacking = stackingReason(ctx, ref, related, q, hop, t);
    if (stacking) {
      if (!details.has(q)) details.set(q, stacking);
      return 'LOAN_STACKING';
    }
    return related.has(q) ? 'ROUND_TRIP' : null;
  };
  const windowEnd = Math.min(d.at + options.windowDays * DAY_MS, asOf);
  const trace = traceFunds(facts.payments, {
    borrower: ref.borrower,
    currency: facts.loans.currency[loan]!,
    disbursedAt: d.at,
    amount: d.amount,
    excluded: new Set(d.events),
    windowEnd,
    lookbackMs: options.lookbackDays * DAY_MS,
    maxHops: options.maxHops,
    minFollow: options.minFollowShare * d.amount,
    classify,
    ids: ctx.input.ids,
  });
  const alerts = [...terminalAlerts(ctx, trace.terminals, d, options, related, details), ...noPriorAlert(ctx, ref.borrower, trace, d, options)];
  alerts.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.amount - a.amount || a.at - b.at);
  return { disbursement: d, windowEnd, trace, alerts };
}

function terminalAlerts(
  ctx: MonitoringContext,
  terminals: readonly TerminalArrival[],
  d: Disbursement,
  options: MonitoringOptions,
  related: ReadonlyMap<number, string>,
  details: ReadonlyMap<number, string>,
): FundsAlert[] {
  const alerts: FundsAlert[] = [];
  for (const t of terminals) {
    if (t.code === LENDER_REPAID) continue;
    const code = t.code as AlertCode;
    const share = t.amount / d.amount;
    const severity = severityOf(options.bands[code], share);
    if (!severity) continue;
    const detail =
      code === 'FUNDS_TO_BAD'
        ? 'flagged or defaulted entity'
        : code === 'LOAN_STACKING'
          ? (details.get(t.target) ?? 'lender of another loan')
          : (related.get(t.target) ?? 'back to the borrower');
    alerts.push({ code, severity, amount: t.amount, share, path: t.path, target: t.target, at: t.at, detail });
  }
  return alerts;
}

function noPriorAlert(ctx: MonitoringContext, borrower: number, trace: TraceResult, d: Disbursement, options: MonitoringOptions): FundsAlert[] {
  const stoppedAtHop1 = new Set(trace.terminals.filter((t) => t.hop === 1).map((t) => t.target));
  const prior = priorCounterparties(ctx, borrower, d.at);
  const unknown = trace.edges.filter((e: FlowEdge) => e.hop === 1 && !stoppedAtHop1.has(e.to) && !prior.has(e.to));
  if (unknown.length === 0) return [];
  const amount = unknown.reduce((s, e) => s + e.amount, 0);
  const share = amount / d.amount;
  const severity = severityOf(options.bands.NO_PRIOR_RELATIONSHIP, share);
  if (!severity) return [];
  const largest = unknown.reduce((a, b) => (b.amount > a.amount || (b.amount === a.amount && b.firstAt < a.firstAt) ? b : a));
  const at = Math.min(...unknown.map((e) => e.firstAt));
  const detail = `${unknown.length} payee${unknown.length === 1 ? '' : 's'} with no payment or supply link before the loan`;
  return [{ code: 'NO_PRIOR_RELATIONSHIP', severity, amount, share, path: [borrower, largest.to], target: largest.to, at, detail }];
}
