import assert from 'node:assert/strict';
import { emptyFeatureVector, FEATURE_SPECS, type FeatureVector } from '../../../src/scoring/features.js';
import { parseModel } from '../../../src/scoring/model.js';
import { seededRng } from '../../../src/scoring/rng.js';
import { applyScorecard } from '../../../src/scoring/scorecard.js';
import { fitBinning } from '../../../src/scoring/train/binning.js';
import { fitLogistic, solve } from '../../../src/scoring/train/logistic.js';
import { trainScorecard, TrainingDataError } from '../../../src/scoring/train/fit-scorecard.js';
import { auc } from '../../../src/scoring/validate/metrics.js';

/** Synthetic sample: PD rises with concentration and falls with tenure; pagerank is noise. */
function sample(n: number, seed: number) {
  const rng = seededRng(seed);
  return Array.from({ length: n }, () => {
    const concentration = rng();
    const tenureDays = rng() * 2000;
    const logit = -2 + 3 * concentration - tenureDays / 700;
    const bad = rng() < 1 / (1 + Math.exp(-logit));
    const values: FeatureVector = {
      ...emptyFeatureVector(),
      concentration,
      tenureDays,
      pagerankPct: rng(),
      flags: rng() < 0.3 ? null : 0,
    };
    return { values, bad };
  });
}

describe('scoring/train', () => {
  it('solves a linear system', () => {
    const x = solve(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
    );
    assert.ok(Math.abs(x[0]! - 0.8) < 1e-12 && Math.abs(x[1]! - 1.4) < 1e-12);
  });

  it('recovers logistic coefficients from a large sample', () => {
    const rng = seededRng(3);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = rng() * 2 - 1;
      x.push([a]);
      y.push(rng() < 1 / (1 + Math.exp(-(0.5 + 2 * a))) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { ridge: 0 });
    assert.ok(fit.converged);
    assert.ok(Math.abs(fit.intercept - 0.5) < 0.15, String(fit.intercept));
    assert.ok(Math.abs(fit.coefficients[0]! - 2) < 0.25, String(fit.coefficients[0]));
  });

  it('keeps the WoE monotone when two bins are all bad (their smoothed odds, not their raw rates, set the order)', () => {
    const values = [...Array<number>(60).fill(0), ...Array<number>(40).fill(1), ...Array<number>(20).fill(2)];
    const bad = values.map((v, i) => v > 0 || i % 3 === 0);
    const b = fitBinning(values, bad, 'riskier');
    for (let i = 1; i < b.bins.length; i++) assert.ok(b.bins[i]!.woe <= b.bins[i - 1]!.woe, JSON.stringify(b.bins));
    assert.equal(b.bins.length, 2, 'the two all-bad bins are one');
  });

  it('bins monotonically in the known risk direction', () => {
    const rows = sample(3000, 11);
    const b = fitBinning(
      rows.map((r) => r.values.concentration),
      rows.map((r) => r.bad),
      'riskier',
    );
    const rates = b.bins.map((x) => x.bads / x.count);
    for (let i = 1; i < rates.length; i++)
      assert.ok(rates[i]! >= rates[i - 1]!, `bad rate falls at bin ${i}: ${rates}`);
    for (let i = 1; i < b.bins.length; i++) assert.ok(b.bins[i]!.woe <= b.bins[i - 1]!.woe);
    assert.ok(b.bins.length >= 2 && b.bins.length <= 6);
    assert.equal(b.bins[0]!.min, null);
    assert.equal(b.bins[b.bins.length - 1]!.max, null);
    assert.ok(b.iv > 0.1);
  });

  it('trains a valid, discriminating model whose points respect the risk directions', () => {
    const train = sample(3000, 5);
    const model = trainScorecard(train, {
      version: 'test-trained',
      createdAt: '2025-01-01T00:00:00Z',
      asOf: '2025-01-01T00:00:00Z',
    });
    assert.deepEqual(parseModel(JSON.parse(JSON.stringify(model))), model);
    const features = model.characteristics.map((c) => c.feature);
    assert.ok(features.includes('concentration') && features.includes('tenureDays'), features.join(','));
    const test = sample(2000, 6);
    const scores = test.map((r) => applyScorecard(model, r.values).score);
    assert.ok(
      auc(
        scores,
        test.map((r) => !r.bad),
      ) > 0.7,
    );
    for (const c of model.characteristics) {
      const dir = FEATURE_SPECS[c.feature].direction;
      const pts = c.bins.map((b) => b.points);
      for (let i = 1; i < pts.length; i++) {
        if (dir === 'riskier') assert.ok(pts[i]! <= pts[i - 1]! + 1e-9, `${c.feature} points rise with risk`);
        if (dir === 'safer') assert.ok(pts[i]! >= pts[i - 1]! - 1e-9, `${c.feature} points fall with safety`);
      }
    }
    const meanPd = test.reduce((s, r) => s + applyScorecard(model, r.values).pd, 0) / test.length;
    const badRate = test.filter((r) => r.bad).length / test.length;
    assert.ok(Math.abs(meanPd - badRate) < 0.05, `mean PD ${meanPd} vs bad rate ${badRate}`);
  });

  it('refuses a sample without both outcomes', () => {
    const rows = sample(50, 1).map((r) => ({ ...r, bad: false }));
    assert.throws(() => trainScorecard(rows, { version: 'x', createdAt: 'x', asOf: 'x' }), TrainingDataError);
  });
});
