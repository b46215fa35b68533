import assert from 'node:assert/strict';
import { emptyFeatureVector } from '../../../src/scoring/features.js';
import { binsFromCuts, MODEL_FORMAT, parseModel, type ScorecardModel } from '../../../src/scoring/model.js';
import { DEFAULT_SCALE, pdFromScore } from '../../../src/scoring/scale.js';
import { applyScorecard } from '../../../src/scoring/scorecard.js';

const model: ScorecardModel = {
  format: MODEL_FORMAT,
  version: 'test-1',
  kind: 'expert',
  createdAt: '2025-01-01T00:00:00.000Z',
  scale: DEFAULT_SCALE,
  basePoints: 600,
  characteristics: [
    { feature: 'loansDefaulted', bins: binsFromCuts([1, 2], [10, -50, -100]), missing: { points: 0 } },
    { feature: 'concentration', bins: binsFromCuts([0.25, 0.5], [5, -10, -30]), missing: { points: -5 } },
    { feature: 'pagerankPct', bins: binsFromCuts([0.5], [-20, 20]), missing: { points: 0 } },
  ],
};

describe('scoring/scorecard', () => {
  it('adds the points of the bin each value falls in (bins are [min, max))', () => {
    const v = { ...emptyFeatureVector(), loansDefaulted: 1, concentration: 0.25, pagerankPct: 0.9 };
    const r = applyScorecard(model, v);
    assert.deepEqual(
      r.characteristics.map((c) => c.points),
      [-50, -10, 20],
    );
    assert.equal(r.rawScore, 560);
    assert.equal(r.score, 560);
    assert.ok(Math.abs(r.pd - pdFromScore(560)) < 1e-12);
  });

  it('uses the missing points when a value is null', () => {
    const r = applyScorecard(model, emptyFeatureVector());
    assert.deepEqual(
      r.characteristics.map((c) => c.points),
      [0, -5, 0],
    );
    assert.equal(r.rawScore, 595);
  });

  it('reports each dimension between its worst (0) and best (100) attainable points', () => {
    const v = { ...emptyFeatureVector(), loansDefaulted: 0, concentration: 0.6, pagerankPct: 0.9 };
    const r = applyScorecard(model, v);
    const byKey = Object.fromEntries(r.dimensions.map((d) => [d.key, d]));
    assert.equal(byKey.repayment?.subScore, 100);
    // network: concentration −30 (range −30..5) + pagerank 20 (range −20..20): (−10 − (−50)) / (25 − (−50)) = 53%
    assert.equal(byKey.network?.subScore, 53);
    assert.equal(r.dimensions.length, 5);
  });

  it('round-trips through the model file format and rejects gaps between bins', () => {
    assert.deepEqual(parseModel(JSON.parse(JSON.stringify(model))), model);
    const broken = JSON.parse(JSON.stringify(model));
    broken.characteristics[0].bins[1].min = 1.5;
    assert.throws(() => parseModel(broken), /not contiguous/);
  });
});
