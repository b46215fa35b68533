/** Property: lowering a risk feature (or raising a safety feature) never raises PD. */
import assert from 'node:assert/strict';
import { expertModel } from '../../../src/scoring/expert-model.js';
import { FEATURE_SPECS, type FeatureName, type FeatureVector } from '../../../src/scoring/features.js';
import { seededRng } from '../../../src/scoring/rng.js';
import { applyScorecard } from '../../../src/scoring/scorecard.js';
import { goodFeatures } from './fixtures.js';

const RANGES: Partial<Record<FeatureName, number>> = {
  tenureDays: 3000,
  counterparties: 50,
  inCount90: 50,
  daysSinceActivity: 800,
  loansRepaid: 10,
  loansLate: 5,
  loansDefaulted: 5,
  flags: 3,
  reportedCount: 60,
  nearestBadHops: 5,
  communityRisk: 6,
};

describe('scoring property: monotone in known risk directions', () => {
  const model = expertModel();
  const rng = seededRng(42);
  const draw = (f: FeatureName) => rng() * (RANGES[f] ?? 1);

  it('holds for 2000 random vectors and every directed feature', () => {
    const moved = new Set<string>(); // features whose change moved PD at least once (the check is not vacuous)
    for (let trial = 0; trial < 2000; trial++) {
      const v: Record<string, number | null> = { ...goodFeatures().values };
      for (const c of model.characteristics) v[c.feature] = rng() < 0.1 ? null : draw(c.feature);
      for (const c of model.characteristics) {
        const dir = FEATURE_SPECS[c.feature].direction;
        const x = v[c.feature];
        if (dir === 'unknown' || x === null || x === undefined) continue;
        const y = x * rng();
        const lower = { ...v, [c.feature]: y } as FeatureVector;
        const pdX = applyScorecard(model, v as FeatureVector).pd;
        const pdY = applyScorecard(model, lower).pd;
        if (dir === 'riskier') assert.ok(pdY <= pdX + 1e-12, `${c.feature}: ${x} → ${y} raised PD`);
        else assert.ok(pdY >= pdX - 1e-12, `${c.feature}: ${x} → ${y} lowered PD`);
        if (Math.abs(pdY - pdX) > 1e-12) moved.add(c.feature);
      }
    }
    const directed = model.characteristics
      .filter((c) => FEATURE_SPECS[c.feature].direction !== 'unknown')
      .map((c) => c.feature);
    assert.ok(directed.length > 0);
    assert.deepEqual(
      directed.filter((f) => !moved.has(f)),
      [],
      'features whose random changes never moved PD',
    );
  });
});
