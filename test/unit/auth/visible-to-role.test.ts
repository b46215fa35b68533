/** What each role may see: the lender no third party, analysts and admins everything. */
import assert from 'node:assert/strict';
import { profileForRole, scoreForRole, signalsForRole } from '../../../src/auth/visible-to-role.js';

const reason = (code: string, text: string, facts: Array<[string, string]>, entities: Array<[string, string]>) => ({
  code,
  feature: 'nearestBadHops',
  dimension: 'network',
  value: 2,
  pointsLost: 10,
  text,
  evidence: { facts: facts.map(([label, value]) => ({ label, value })), entities: entities.map(([id, role]) => ({ id, role })) },
});

const score = {
  entityId: 'E-1',
  score: 612,
  band: 'C',
  pd: 0.04,
  reasons: [
    reason('CLOSE_TO_BAD_ENTITY', '2 steps away from B-9 via V-5', [['steps', '2']], [['V-5', 'on the path'], ['B-9', 'bad entity']]),
    reason('RISKY_COMMUNITY', 'its trading community has a bad rate of 20%', [['community', '17'], ['community bad rate', '20%']], []),
    reason('INFLOW_CONCENTRATED', '72% of inflow comes from one payer', [['largest payer', 'P-3'], ['share', '72%']], [['P-3', 'largest payer']]),
  ],
  fraudReasons: [reason('BAD_COUNTERPARTIES', '30% of its counterparties are bad', [], [['C-1', 'bad counterparty']])],
  limit: { amount: 100, currency: 'EUR' },
};

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const THIRD = ['V-5', 'B-9', 'P-3', 'C-1'];
const leaks = (value: unknown) => strings(value).filter((s) => THIRD.some((id) => s.includes(id)));

describe('visible-to-role: privacy by role', () => {
  it('gives the lender reasons as codes, texts and own facts, with no third party anywhere', () => {
    const seen = scoreForRole('lender', score);
    assert.deepEqual(leaks(seen), []);
    assert.deepEqual(seen.reasons.map((r) => r.code), ['CLOSE_TO_BAD_ENTITY', 'RISKY_COMMUNITY', 'INFLOW_CONCENTRATED']);
    assert.equal(seen.reasons[0]!.text, '2 steps away from another entity via another entity');
    assert.deepEqual(seen.reasons[0]!.evidence, { facts: [{ label: 'steps', value: '2' }], entities: [] });
    assert.deepEqual(seen.reasons[1]!.evidence.facts, [{ label: 'community bad rate', value: '20%' }], 'no community id');
    assert.deepEqual(seen.reasons[2]!.evidence.facts, [{ label: 'largest payer', value: 'another entity' }, { label: 'share', value: '72%' }]);
    assert.deepEqual(seen.fraudReasons[0]!.evidence.entities, []);
    assert.equal(seen.score, 612);
    assert.deepEqual(seen.limit, score.limit);
    assert.equal(score.reasons[0]!.evidence.entities.length, 2, 'the input is not changed');
  });

  it('gives analysts and admins everything, unchanged', () => {
    assert.equal(scoreForRole('analyst', score), score);
    assert.equal(scoreForRole('admin', score), score);
  });

  it('leaves an id inside a word alone (no mangled sentences for short ids)', () => {
    const s = { ...score, reasons: [reason('X', 'a payer paid', [], [['a', 'largest payer']])], fraudReasons: [] };
    assert.equal(scoreForRole('lender', s).reasons[0]!.text, 'another entity payer paid');
  });

  it('keeps only the entity’s own numbers and flags in a profile for the lender', () => {
    const profile = {
      id: 'E-1',
      kind: 'business',
      counts: { payers: 3 },
      metrics: { pagerank: 0.1, bad: false, badHops: 2, nearestBad: 'B-9', viaBad: ['E-1', 'V-5', 'B-9'], community: 17, evidence: '{"topPayer":{"id":"P-3"}}', fraudRisk: null },
    };
    const seen = profileForRole('lender', profile);
    assert.deepEqual(seen.metrics, { pagerank: 0.1, bad: false, badHops: 2, fraudRisk: null });
    assert.deepEqual(leaks(seen), []);
    assert.deepEqual(seen.counts, profile.counts);
    assert.equal(profileForRole('analyst', profile), profile);
    assert.equal(profileForRole('lender', { ...profile, metrics: null }).metrics, null);
  });

  it('drops the community id and path from signals for the lender', () => {
    const signals = { id: 'E-1', metrics: { exposure: 0.3, nearestBad: 'B-9' }, community: { id: 17, key: 'run-1:17', size: 40, bad: 3, defaultRate: 0.07, risk: 0.1 } };
    const seen = signalsForRole('lender', signals);
    assert.deepEqual(seen.community, { size: 40, bad: 3, defaultRate: 0.07, risk: 0.1 });
    assert.deepEqual(seen.metrics, { exposure: 0.3 });
    assert.equal(signalsForRole('admin', signals), signals);
  });
});
