import assert from 'node:assert/strict';
import { creditLimit, DEFAULT_LIMIT_POLICY } from '../../../src/scoring/limit.js';

const policy = { pdCutoff: 0.2, maxMonths: 3, maxAmount: 1_000_000, roundTo: 100 };

describe('scoring/limit', () => {
  it('lends monthly net inflow × maxMonths × (1 − PD/cut-off), rounded down', () => {
    // monthly = 300000/3 = 100000; multiple = 3 × (1 − 0.05/0.2) = 2.25 → 225000
    const l = creditLimit(0.05, 300_000, policy);
    assert.equal(l.monthlyNetInflow, 100_000);
    assert.ok(Math.abs(l.multiple - 2.25) < 1e-12);
    assert.equal(l.amount, 225_000);
    assert.equal(l.reason, null);
  });

  it('is zero with a reason above the PD cut-off', () => {
    const l = creditLimit(0.21, 300_000, policy);
    assert.equal(l.amount, 0);
    assert.equal(l.reason?.code, 'PD_ABOVE_CUTOFF');
  });

  it('is zero without positive net inflow, and capped at the maximum', () => {
    assert.equal(creditLimit(0.01, -5, policy).reason?.code, 'NO_NET_INFLOW');
    assert.equal(creditLimit(0.01, null, policy).amount, 0);
    const capped = creditLimit(0, 90_000_000, policy);
    assert.equal(capped.amount, 1_000_000);
    assert.equal(capped.reason?.code, 'LIMIT_CAPPED');
  });

  it('never grows when PD rises (same inflow)', () => {
    let last = Infinity;
    for (let pd = 0; pd <= 0.3; pd += 0.005) {
      const a = creditLimit(pd, 1_234_567, DEFAULT_LIMIT_POLICY).amount;
      assert.ok(a <= last, `limit rose at PD ${pd}`);
      last = a;
    }
  });
});
