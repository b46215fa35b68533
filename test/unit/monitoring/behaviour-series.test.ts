import assert from 'node:assert/strict';
import { monitorLoans } from '../../../src/monitoring/monitor-loans.js';
import { WEEK_MS } from '../../../src/monitoring/monitoring-options.js';
import { ms, network } from '../../helpers/monitoring-network.js';

const DAY = 86_400_000;
const T0 = ms('2024-03-01');
const at = (days: number) => new Date(T0 + days * DAY).toISOString().slice(0, 16);

/**
 * B borrows 10000 on 2024-03-01 (no lender: origination = openedAt). In each of the 12 baseline weeks
 * customer C pays 1000 and X pays 200; after the loan C pays twice more and stops, X keeps paying.
 */
function payments(): [string, string, string, number][] {
  const rows: [string, string, string, number][] = [];
  for (let k = 1; k <= 12; k++) {
    rows.push(['C', 'B', at(-7 * k + 1), 1000]);
    rows.push(['X', 'B', at(-7 * k + 2), 200]);
  }
  rows.push(['C', 'B', at(1), 1000], ['C', 'B', at(8), 1000]);
  for (let k = 0; k <= 12; k++) rows.push(['X', 'B', at(7 * k + 2), 200]);
  return rows;
}

const SPEC = {
  entities: ['B', 'C', 'X', 'Q', 'N1', 'N2', 'N3', 'O1', 'O2', 'O3'],
  loans: [{ id: 'L1', borrower: 'B', amount: 10000, opened: '2024-03-01' }],
  asOf: '2024-06-01',
};

describe('behaviour after the loan', () => {
  it('compares weekly inflow with the baseline and counts top customers that stopped paying', () => {
    const net = network({ ...SPEC, payments: payments() });
    const [m] = monitorLoans(net.input).loans;
    const b = m!.behaviour;
    assert.equal(b.originAt, T0);
    assert.equal(b.baselineInflow, 1200);
    assert.deepEqual(b.topCustomers.map(net.name), ['C', 'X']);
    assert.deepEqual(b.weeks.map((w) => w.week), [...Array.from({ length: 12 }, (_, i) => i - 12), ...Array.from({ length: 14 }, (_, i) => i)]);
    const week = (w: number) => b.weeks.find((x) => x.week === w)!;
    assert.deepEqual([week(0).inflow, week(1).inflow, week(2).inflow], [1200, 1200, 200]);
    assert.equal(week(13).end, ms('2024-06-01'), 'the current week ends at the as-of time');
    // C last paid on day 8: lost once 6 weeks have passed (from the week ending on day 56)
    assert.deepEqual(b.weeks.filter((w) => w.week >= 0).map((w) => w.lostCustomers), [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    assert.equal(week(13).recentInflow, 200);
    // limit: 10000 × clamp(200 / 1200 → 0.25) × 0.9 (one customer lost) = 2250 → rounded down to 2200
    assert.equal(m!.limit.amount, 2200);
    assert.deepEqual(m!.limit.factors.map((f) => [f.name, f.factor]), [['inflow', 0.25], ['lostCustomers', 0.9]]);
    assert.equal(week(0).communityRiskChange, null, 'no communities given');
  });

  it('measures new exposure to bad entities and the community risk change since origination', () => {
    const net = network({
      ...SPEC,
      payments: [...payments(), ['B', 'Q', at(80), 1000]],
      flags: [['Q', at(85)], ['N1', at(40)], ['N2', at(50)], ['O1', at(-300)]],
      communities: { B: 1, N1: 1, N2: 1, N3: 1 },
    });
    const [m] = monitorLoans(net.input).loans;
    const last = m!.behaviour.weeks.at(-1)!;
    // trailing 4 weeks: 800 in from X, 1000 out to Q (bad since day 85) → 1000 / 1800
    assert.ok(Math.abs(last.badShare - 1000 / 1800) < 1e-12);
    assert.equal(last.badCounterparties, 1);
    assert.equal(m!.behaviour.baselineBadShare, 0);
    // community {B, N1, N2, N3}, smoothing 5, n = 10: at t0 one bad entity overall (O1), none in it;
    // now 4 bad (O1, N1, N2, Q), two of them (N1, N2) among B's three others
    const risk = (bad: number, prior: number) => (bad + 5 * prior) / (3 + 5);
    assert.ok(Math.abs(last.communityRiskChange! - (risk(2, 0.4) - risk(0, 0.1))) < 1e-12);
    const factors = Object.fromEntries(m!.limit.factors.map((f) => [f.name, f.factor]));
    assert.equal(factors.badExposure, 0.5, 'floored at 1 − maxCut');
    // 1 − 2 × 0.375 = 0.25, floored at 1 − maxCut
    assert.equal(factors.communityRisk, 0.5);
  });

  it('keeps the baseline and the latest weeks when a loan is older than maxSeriesWeeks', () => {
    const net = network({ ...SPEC, asOf: '2025-06-01', payments: payments() });
    const [m] = monitorLoans(net.input).loans;
    const after = m!.behaviour.weeks.filter((w) => w.week >= 0);
    assert.equal(after.length, 52);
    assert.equal(after.at(-1)!.week, Math.floor((ms('2025-06-01') - T0) / WEEK_MS));
    assert.equal(m!.limits.length, 52);
  });
});
