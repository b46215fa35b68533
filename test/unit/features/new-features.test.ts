import assert from 'node:assert/strict';
import { FactsBuilder } from '../../../src/analytics/facts-builder.js';
import { assembleSnapshot } from '../../../src/analytics/snapshot.js';
import { computeFeatures } from '../../../src/features/compute-features.js';
import { rowToRecord } from '../../../src/features/feature-writer.js';
import { passThroughShare, repeatedShare } from '../../../src/features/movement.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);

function featuresOf(b: FactsBuilder, id: string, asOfMs: number) {
  const facts = b.finish();
  const snapshot = assembleSnapshot(b.ids, facts, [], asOfMs);
  const v = b.ids.indexOf(id);
  return rowToRecord(computeFeatures(snapshot, asOfMs, undefined, [v]).values);
}

describe('features: money movement, counterparty growth and outcomes', () => {
  it('counts inflow paid out within the window, oldest inflow first', () => {
    // 100 in at 0 h, 50 in at 10 h; 120 out at 30 h: with 24 h only the 10 h inflow (50) is still in the window
    assert.equal(passThroughShare([0, 10 * HOUR], [100, 50], [30 * HOUR], [120], 24 * HOUR), 50 / 150);
    assert.equal(passThroughShare([0, 10 * HOUR], [100, 50], [30 * HOUR], [120], 72 * HOUR), 120 / 150);
    assert.equal(passThroughShare([], [], [HOUR], [10], 24 * HOUR), null);
    // money paid out before it arrives does not pass through
    assert.equal(passThroughShare([5 * HOUR], [100], [HOUR], [100], 24 * HOUR), 0);
  });

  it('shares repeated amounts per currency', () => {
    assert.equal(repeatedShare([500, 500, 700, 500], [0, 0, 0, 1]), 2 / 4);
    assert.equal(repeatedShare([], []), null);
  });

  it('computes pass-through, round and repeated amounts, age at first activity from an entity’s payments', () => {
    const b = new FactsBuilder();
    b.entity('M', 'person', T0 - 2 * DAY);
    const asOf = T0 + 30 * DAY;
    b.payment(b.indexOf('A'), b.indexOf('M'), T0 + 10 * DAY, 100_000, 'USD'); // 1,000.00 USD in
    b.payment(b.indexOf('M'), b.indexOf('B'), T0 + 10 * DAY + 5 * HOUR, 90_000, 'USD'); // 900.00 out 5 h later
    b.payment(b.indexOf('C'), b.indexOf('M'), T0 + 20 * DAY, 100_000, 'USD'); // 1,000.00 in, kept
    b.payment(b.indexOf('M'), b.indexOf('D'), T0 + 25 * DAY, 1_234, 'USD'); // 12.34 out five days later
    const f = featuresOf(b, 'M', asOf);
    assert.equal(f.passThrough24h, 90_000 / 200_000);
    assert.equal(f.passThrough72h, 90_000 / 200_000);
    assert.equal(f.roundAmountShare, 3 / 4);
    assert.equal(f.repeatedAmountShare, 2 / 4);
    assert.equal(f.ageAtFirstActivityDays, 12);
    assert.equal(f.newCounterpartyShare30, 1);
    assert.equal(f.fanInGrowth, 2);
  });

  it('averages the outcomes others report about the counterparties, leaving out the entity’s own reports', () => {
    const b = new FactsBuilder();
    const at = T0;
    // V trades with X and Y. X: rated −1 by V itself (ignored), +1 by P, −1 by Q → 0.5 adverse. Y: one loan defaulted → 1.
    b.rating(b.indexOf('V'), b.indexOf('X'), -5, at);
    b.rating(b.indexOf('P'), b.indexOf('X'), 5, at);
    b.rating(b.indexOf('Q'), b.indexOf('X'), -5, at);
    b.payment(b.indexOf('Y'), b.indexOf('V'), at, 1000, 'EUR');
    b.loan({ id: 'L1', borrower: 'Y', amountMinor: 100, currency: 'EUR', openedAtMs: at - 100 * DAY, dueAtMs: at - DAY, status: 'defaulted' });
    const f = featuresOf(b, 'V', at + DAY);
    assert.equal(f.counterpartyAdverseShare, (0.5 + 1) / 2);
    assert.equal(f.givenAdverseShare, 1);
    assert.equal(f.passThrough24h, 0);
    assert.equal(f.ageAtFirstActivityDays, null, 'no opening date');
  });
});
