import assert from 'node:assert/strict';
import { expertModel } from '../../../src/scoring/expert-model.js';
import {
  emptyEvidence,
  FEATURE_NAMES,
  type FeatureEvidence,
} from '../../../src/scoring/features.js';
import { reasonText } from '../../../src/scoring/reason-texts.js';
import { scoreEntity } from '../../../src/scoring/score-entity.js';
import { goodFeatures, riskyFeatures } from './fixtures.js';

/** Evidence with everything a reason can cite. */
function richEvidence(): FeatureEvidence {
  return {
    topPayer: { id: 'E-7', share: 0.64 },
    community: { id: '12', badRate: 0.12, overallBadRate: 0.04, size: 31 },
    nearestBad: { id: 'E-9', hops: 3, path: ['E-1', 'E-5', 'E-6', 'E-9'] },
    badCounterparties: ['E-9', 'E-11'],
    loans: { repaid: 1, late: 1, defaulted: 1, current: 2 },
    reported: { negative: 3, positive: 5, worstBy: 'E-13' },
    flagReasons: ['synthetic_identity'],
    lastActivityAt: '2025-03-01T10:00:00.000Z',
    currency: 'USD',
  };
}

const VALUES = [null, 0, 1, 2, 0.004, 0.37, 3.5, 42, 1234.5, 987_654, -0.6, -25_000];

describe('scoring/reasons', () => {
  const model = expertModel();

  it('lists at most 4 reasons, most points lost first, with stable codes', () => {
    const s = scoreEntity(model, riskyFeatures());
    assert.equal(s.reasons.length, 4);
    const lost = s.reasons.map((r) => r.pointsLost);
    assert.deepEqual([...lost].sort((a, b) => b - a), lost);
    assert.equal(s.reasons[0]?.code, 'LOAN_DEFAULTED');
    assert.equal(s.reasons[0]?.text, '1 loan defaulted');
    const codes = s.reasons.map((r) => r.code);
    assert.ok(codes.includes('RISKY_COMMUNITY'));
    assert.ok(codes.includes('INFLOW_CONCENTRATED'));
  });

  it('states the payer share, the community bad rate and the distance to a bad entity, naming third parties only in the evidence', () => {
    const s = scoreEntity(model, riskyFeatures(), { reasons: { max: 10 } });
    const find = (code: string) => s.reasons.find((r) => r.code === code);
    assert.equal(find('INFLOW_CONCENTRATED')?.text, '72% of inflow over the last year comes from one payer');
    assert.deepEqual(find('INFLOW_CONCENTRATED')?.evidence.entities, [{ id: 'E-1042', role: 'largest payer' }]);
    assert.equal(find('RISKY_COMMUNITY')?.text, "its trading community has a bad rate of 14%, 4.5 times the network's 3%");
    assert.deepEqual(find('RISKY_COMMUNITY')?.evidence.facts[0], { label: 'community', value: 'C-17' });
    assert.equal(find('CLOSE_TO_BAD_ENTITY')?.text, '2 steps away from a flagged, defaulted or adversely reported entity in the trading network');
    assert.deepEqual(find('CLOSE_TO_BAD_ENTITY')?.evidence.entities, [
      { id: 'E-0310', role: 'on the path' },
      { id: 'E-0881', role: 'bad entity' },
    ]);
    for (const r of s.reasons) assert.doesNotMatch(r.text, /E-\d/, `${r.code} names a third party in its text`);
  });

  it('gives a clean entity no reason at all', () => {
    const s = scoreEntity(model, goodFeatures());
    assert.deepEqual(s.reasons, []);
    assert.ok(s.score > scoreEntity(model, riskyFeatures()).score);
  });

  it('gives no reason for data a network does not have (no ratings: no FEW_REPORTS)', () => {
    const v = { ...goodFeatures().values, reportedCount: 0, reportedNegativeShare: null };
    const s = scoreEntity(model, { entityId: 'E-x', values: v, evidence: emptyEvidence() }, { reasons: { max: 40, minPointsLost: 0.01 } });
    assert.ok(!s.reasons.some((r) => r.code === 'FEW_REPORTS' || r.code === 'ADVERSE_REPORTS'), JSON.stringify(s.reasons));
  });

  it('says so when the absence itself is the point', () => {
    const ev = emptyEvidence();
    assert.equal(reasonText('loansRepaid', 0, ev)?.text, 'no loan history yet');
    assert.equal(reasonText('loansRepaid', 0, { ...ev, loans: { repaid: 0, late: 0, defaulted: 0, current: 1 } })?.text, 'no loan repaid yet');
    assert.equal(reasonText('tenureDays', null, ev)?.text, 'no activity history yet');
    assert.equal(reasonText('inCount90', 0, ev)?.text, 'no incoming payments or trades in the last 90 days');
    assert.equal(reasonText('reportedCount', 0, ev), null);
    assert.equal(reasonText('reportedNegativeShare', null, ev), null);
    assert.equal(reasonText('flags', 0, ev), null);
    assert.equal(reasonText('communityRisk', 2, ev), null, 'no community in the evidence: nothing to cite');
  });

  it('formats amounts in the entity’s currency and counts for people', () => {
    const ev = richEvidence();
    assert.equal(reasonText('inAmount30', 123_456, ev)?.text, 'inflow of USD 1,234.56 over the last 30 days');
    assert.equal(reasonText('netInflow90', -250_000, ev)?.text, 'pays out USD 2,500.00 more than it receives over the last 90 days');
    assert.equal(reasonText('counterparties', 1, ev)?.text, 'trades with only 1 counterparty in the last year');
    assert.equal(reasonText('counterparties', 12_500, ev)?.text, 'trades with only 12,500 counterparties in the last year');
    assert.equal(reasonText('flags', 1, ev)?.text, '1 fraud or analyst flag raised: synthetic identity');
  });

  it('every reason of every feature reads as a sentence: no feature key, no JSON, no "0 …(s)", no NaN', () => {
    const evidences = [emptyEvidence(), richEvidence()];
    const seen = new Set<string>();
    for (const feature of FEATURE_NAMES) {
      let given = 0;
      for (const ev of evidences)
        for (const value of VALUES) {
          const r = reasonText(feature, value, ev);
          if (!r) continue;
          given++;
          seen.add(r.code);
          const where = `${feature}=${value}: "${r.text}"`;
          assert.match(r.code, /^[A-Z][A-Z0-9_]+$/, where);
          assert.doesNotMatch(r.text, /\b[a-z]+[A-Z]\w*/, `camelCase identifier in ${where}`);
          assert.doesNotMatch(r.text, /[{}[\]]/, `JSON in ${where}`);
          assert.doesNotMatch(r.text, /\(s\)|\(ies\)/, `"(s)" in ${where}`);
          assert.doesNotMatch(r.text, /\b(NaN|undefined|null|Infinity)\b/, where);
          assert.doesNotMatch(r.text, /\bonly 0\b|^0 /, `a zero count in ${where}`);
          for (const f of r.evidence.facts) assert.doesNotMatch(`${f.label} ${f.value}`, /[{}]|NaN|undefined/, where);
          for (const e of r.evidence.entities) assert.equal(typeof e.id, 'string', where);
        }
      assert.ok(given > 0, `${feature} never gives a reason`);
    }
    assert.ok(seen.size >= FEATURE_NAMES.length - 2, `only ${seen.size} distinct codes`);
  });

  it('never says "only 0" or "0 loans defaulted": a zero count is no data or an absence', () => {
    for (const feature of FEATURE_NAMES)
      for (const ev of [emptyEvidence(), richEvidence()]) {
        for (const value of [0, 0.2, -0.2]) {
          const text = reasonText(feature, value, ev)?.text ?? '';
          assert.doesNotMatch(text, /\bonly 0\b|^0 |\b0 (loan|flag|payment|counterpart|outcome)/, `${feature}=${value}: "${text}"`);
        }
      }
  });
});
