import assert from 'node:assert/strict';
import { seededRng } from '../../../src/scoring/rng.js';
import { auc, bootstrapAuc, brier, calibration, ks, psi } from '../../../src/scoring/validate/metrics.js';

describe('scoring/validate/metrics', () => {
  it('AUC is 1 when every good scores above every bad, 0.5 for ties, and counts pairs otherwise', () => {
    assert.equal(auc([1, 2, 3, 4], [false, false, true, true]), 1);
    assert.equal(auc([4, 3, 2, 1], [false, false, true, true]), 0);
    assert.equal(auc([1, 1, 1, 1], [false, true, false, true]), 0.5);
    // goods {2, 4}, bads {1, 3}: pairs good>bad: (2>1), (4>1), (4>3) = 3 of 4
    assert.equal(auc([1, 2, 3, 4], [false, true, false, true]), 0.75);
    assert.ok(Number.isNaN(auc([1, 2], [true, true])));
  });

  it('KS is the largest gap between the accepted shares of goods and bads', () => {
    assert.equal(ks([1, 2, 3, 4], [false, false, true, true]), 1);
    assert.equal(ks([1, 2, 3, 4], [false, true, false, true]), 0.5);
  });

  it('Brier is the mean squared error of PD against bad = 1', () => {
    assert.ok(Math.abs(brier([0.1, 0.8], [true, false]) - (0.01 + 0.04) / 2) < 1e-12);
  });

  it('calibration groups by decile of PD', () => {
    const pd = Array.from({ length: 100 }, (_, i) => i / 100);
    const good = pd.map((p) => p < 0.5);
    const bins = calibration(pd, good);
    assert.equal(bins.length, 10);
    assert.equal(bins[0]?.count, 10);
    assert.equal(bins[0]?.badRate, 0);
    assert.equal(bins[9]?.badRate, 1);
    assert.ok(Math.abs(bins[0]!.meanPd - 0.045) < 1e-12);
  });

  it('PSI is 0 for identical distributions and grows with a shift', () => {
    const a = Array.from({ length: 1000 }, (_, i) => i);
    assert.ok(Math.abs(psi(a, a)) < 1e-12);
    const shifted = a.map((x) => x + 300);
    assert.ok(psi(a, shifted) > 0.25);
  });

  it('bootstrap interval brackets the AUC (seeded)', () => {
    const rng = seededRng(7);
    const scores = Array.from({ length: 200 }, () => rng());
    const good = scores.map((s) => rng() < s);
    const a = auc(scores, good);
    const ci = bootstrapAuc(scores, good, seededRng(1), 300);
    assert.ok(ci.low < a && a < ci.high, `${ci.low} < ${a} < ${ci.high}`);
    assert.deepEqual(bootstrapAuc(scores, good, seededRng(1), 300), ci);
  });
});
