/**
 * The borrower's behaviour around a loan, week by week from its origination (the disbursement, else
 * `openedAt`): week w covers [t0 + w·7d, t0 + (w+1)·7d), cut at the as-of time. Weeks −baselineWeeks
 * … −1 are the baseline. Per week, in the loan's currency:
 * - inflow, outflow: sums of the borrower's payments received and made; recentInflow: the mean weekly
 *   inflow of the trailing `recentWeeks` ending with the week;
 * - lostCustomers: of its top customers (the `topCustomers` largest payers of the baseline that paid
 *   within `lostAfterWeeks` before t0), how many have not paid for `lostAfterWeeks` at the week's end;
 * - badShare, badCounterparties: over the trailing `recentWeeks` ending with the week, the share of
 *   the amount paid or received with entities bad at the week's end, and how many such entities;
 * - communityRiskChange: the borrower's community risk at the week's end minus at t0 (null without
 *   communities).
 */
import type { MonitoringContext } from './monitoring-input.js';
import type { CommunityRiskAt } from './community-risk-at.js';
import { WEEK_MS, type MonitoringOptions } from './monitoring-options.js';

export interface BehaviourWeek {
  readonly week: number;
  /** Epoch ms; `end` is the as-of time for the current week. */
  readonly start: number;
  readonly end: number;
  readonly inflow: number;
  readonly outflow: number;
  /** Mean weekly inflow over the trailing `recentWeeks` ending with the week. */
  readonly recentInflow: number;
  readonly lostCustomers: number;
  readonly badShare: number;
  readonly badCounterparties: number;
  readonly communityRiskChange: number | null;
}

export interface Behaviour {
  readonly originAt: number;
  /** Mean weekly inflow and outflow of the baseline weeks. */
  readonly baselineInflow: number;
  readonly baselineOutflow: number;
  /** badShare over the baseline weeks, with the labels of t0. */
  readonly baselineBadShare: number;
  readonly topCustomers: readonly number[];
  /** Baseline weeks, then the latest weeks from origination (at most maxSeriesWeeks). */
  readonly weeks: BehaviourWeek[];
}

interface Flow {
  readonly at: number;
  readonly amount: number;
  readonly other: number;
  readonly incoming: boolean;
}

/** The borrower's payments in the loan's currency with time in [from, to). */
function flowsOf(ctx: MonitoringContext, b: number, currency: number, from: number, to: number): Flow[] {
  const p = ctx.input.facts.payments;
  const flows: Flow[] = [];
  for (let e = p.payerOffsets[b]!; e < p.payerOffsets[b + 1]!; e++) {
    if (p.at[e]! >= from && p.at[e]! < to && p.currency[e] === currency) flows.push({ at: p.at[e]!, amount: p.amount[e]!, other: p.payee[e]!, incoming: false });
  }
  for (let k = p.payeeOffsets[b]!; k < p.payeeOffsets[b + 1]!; k++) {
    const e = p.inOrder[k]!;
    if (p.at[e]! >= from && p.at[e]! < to && p.currency[e] === currency) flows.push({ at: p.at[e]!, amount: p.amount[e]!, other: p.payer[e]!, incoming: true });
  }
  return flows.sort((x, y) => x.at - y.at);
}

/** Share of the amount with entities bad before `labelsAt`, and how many of them, over flows in [from, to). */
function badExposure(ctx: MonitoringContext, flows: readonly Flow[], from: number, to: number, labelsAt: number): { share: number; count: number } {
  let total = 0;
  let bad = 0;
  const badOnes = new Set<number>();
  for (const f of flows) {
    if (f.at < from || f.at >= to) continue;
    total += f.amount;
    if (ctx.bad.isBad(f.other, labelsAt)) {
      bad += f.amount;
      badOnes.add(f.other);
    }
  }
  return { share: total > 0 ? bad / total : 0, count: badOnes.size };
}

/** The largest payers of the baseline that still paid within `lostAfterWeeks` before t0. */
function topCustomersOf(flows: readonly Flow[], t0: number, options: MonitoringOptions): number[] {
  const paid = new Map<number, { amount: number; last: number }>();
  for (const f of flows) {
    if (!f.incoming || f.at >= t0) continue;
    const c = paid.get(f.other) ?? { amount: 0, last: -Infinity };
    c.amount += f.amount;
    c.last = Math.max(c.last, f.at);
    paid.set(f.other, c);
  }
  return [...paid.entries()]
    .filter(([, c]) => c.last >= t0 - options.lostAfterWeeks * WEEK_MS)
    .sort((a, b) => b[1].amount - a[1].amount || a[0] - b[0])
    .slice(0, options.topCustomers)
    .map(([v]) => v);
}

export function behaviourSeries(
  ctx: MonitoringContext,
  loan: number,
  t0: number,
  risk: CommunityRiskAt | null,
  options: MonitoringOptions,
): Behaviour {
  const b = ctx.input.facts.loans.borrower[loan]!;
  const asOf = ctx.input.asOfMs;
  const lookback = Math.max(options.baselineWeeks, options.limit.recentWeeks, options.lostAfterWeeks) * WEEK_MS;
  const flows = flowsOf(ctx, b, ctx.input.facts.loans.currency[loan]!, t0 - lookback, asOf + 1);
  const top = topCustomersOf(flows.filter((f) => f.at >= t0 - options.baselineWeeks * WEEK_MS), t0, options);
  const lastWeek = Math.max(-1, Math.floor((asOf - t0) / WEEK_MS));
  const firstAfter = Math.max(0, lastWeek - options.maxSeriesWeeks + 1);
  const weekList = [...range(-options.baselineWeeks, 0), ...range(firstAfter, lastWeek + 1)];
  const riskAt0 = risk ? risk.riskAt(b, t0) : null;
  const weeks = weekList.map((w): BehaviourWeek => {
    const start = t0 + w * WEEK_MS;
    const end = Math.min(start + WEEK_MS, asOf);
    let inflow = 0;
    let outflow = 0;
    for (const f of flows) {
      if (f.at < start || f.at >= end) continue;
      if (f.incoming) inflow += f.amount;
      else outflow += f.amount;
    }
    const exposure = badExposure(ctx, flows, end - options.limit.recentWeeks * WEEK_MS, end, end);
    return {
      week: w,
      start,
      end,
      inflow,
      outflow,
      recentInflow: sumIncoming(flows, end - options.limit.recentWeeks * WEEK_MS, end) / options.limit.recentWeeks,
      lostCustomers: w < 0 ? 0 : lostBy(flows, top, end, options),
      badShare: exposure.share,
      badCounterparties: exposure.count,
      communityRiskChange: risk && riskAt0 !== null ? risk.riskAt(b, end) - riskAt0 : null,
    };
  });
  const base = weeks.filter((w) => w.week < 0);
  const mean = (f: (w: BehaviourWeek) => number) => (base.length ? base.reduce((s, w) => s + f(w), 0) / base.length : 0);
  return {
    originAt: t0,
    baselineInflow: mean((w) => w.inflow),
    baselineOutflow: mean((w) => w.outflow),
    baselineBadShare: badExposure(ctx, flows, t0 - options.baselineWeeks * WEEK_MS, t0, t0).share,
    topCustomers: top,
    weeks,
  };
}

/** How many of `top` have made no payment in the `lostAfterWeeks` before `end`. */
function lostBy(flows: readonly Flow[], top: readonly number[], end: number, options: MonitoringOptions): number {
  const since = end - options.lostAfterWeeks * WEEK_MS;
  const paying = new Set<number>();
  for (const f of flows) if (f.incoming && f.at >= since && f.at < end) paying.add(f.other);
  return top.filter((c) => !paying.has(c)).length;
}

function sumIncoming(flows: readonly Flow[], from: number, to: number): number {
  let sum = 0;
  for (const f of flows) if (f.incoming && f.at >= from && f.at < to) sum += f.amount;
  return sum;
}

function* range(from: number, to: number): Generator<number> {
  for (let w = from; w < to; w++) yield w;
}
