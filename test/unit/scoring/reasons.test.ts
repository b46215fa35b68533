import assert from 'node:assert/strict';
import { expertModel } from '../../../src/scoring/expert-model.js';
import { scoreEntity } from '../../../src/scoring/score-entity.js';
import { goodFeatures, riskyFeatures } from './fixtures.js';

describe('scoring/reasons', () => {
  const model = expertModel();

  it('lists at most 4 reasons, most points lost first, with stable codes and evidence', () => {
    const s = scoreEntity(model, riskyFeatures());
    assert.equal(s.reasons.length, 4);
    const lost = s.reasons.map((r) => r.pointsLost);
    assert.deepEqual(
      [...lost].sort((a, b) => b - a),
      lost,
    );
    assert.equal(s.reasons[0]?.code, 'LOAN_DEFAULTED');
    const codes = s.reasons.map((r) => r.code);
    assert.ok(codes.includes('RISKY_COMMUNITY'));
    assert.ok(codes.includes('INFLOW_CONCENTRATED'));
  });

  it('cites the payer share, the community bad rate and the path to the nearest bad entity', () => {
    const s = scoreEntity(model, riskyFeatures(), { reasons: { max: 10 } });
    const text = (code: string) => s.reasons.find((r) => r.code === code)?.text ?? '';
    assert.match(text('INFLOW_CONCENTRATED'), /75% of inflow comes from one payer, E-1042/);
    assert.match(text('RISKY_COMMUNITY'), /community C-17 has a bad rate of 14% vs 3% overall/);
    assert.match(text('CLOSE_TO_BAD_ENTITY'), /2 hops from bad entity E-0881 via E-0310/);
    const community = s.reasons.find((r) => r.code === 'RISKY_COMMUNITY');
    assert.deepEqual((community?.evidence as { community: { id: string } }).community.id, 'C-17');
  });

  it('gives a clean entity no reasons', () => {
    const s = scoreEntity(model, goodFeatures(), { reasons: { max: 10 } });
    assert.deepEqual(
      s.reasons.map((r) => `${r.code}: ${r.text}`),
      [],
    );
    assert.ok(s.score > scoreEntity(model, riskyFeatures()).score);
  });

  it('scores the fixed vectors to known values (expert model)', () => {
    const good = scoreEntity(model, goodFeatures());
    const risky = scoreEntity(model, riskyFeatures());
    // good: prior ln 19 + Σ best bins except communityRisk 0.3 → +0.2, inCount90 30 → +0.2 etc. (see EXPERT_RULES)
    const goodLogOdds =
      Math.log(19) +
      0.2 +
      0.1 +
      0.6 +
      0.5 +
      0.4 +
      0.1 +
      0.5 +
      0.3 +
      0.3 +
      0.2 +
      0.1 +
      0.3 +
      0.1 +
      0.2 +
      0.2 +
      0.1 +
      0.2;
    assert.ok(Math.abs(good.pd - 1 / (1 + Math.exp(goodLogOdds))) < 1e-4);
    assert.equal(good.band, 'A');
    assert.ok(risky.pd > good.pd);
    assert.ok(risky.limit.amount < good.limit.amount);
    assert.ok(good.limit.amount > 0);
  });
});
