import assert from 'node:assert/strict';
import {
  deriveFeatures,
  herfindahl,
  regularityOf,
  type RawEntitySignals,
} from '../../../src/scoring/derive-features.js';

const DAY = 86_400_000;
const asOfMs = Date.UTC(2025, 0, 1);

function raw(over: Partial<RawEntitySignals> = {}): RawEntitySignals {
  return {
    entityId: 'E-1',
    asOfMs,
    flows: {
      inCount30: 2,
      inCount90: 6,
      inCount365: 20,
      outCount30: 1,
      outCount90: 3,
      outCount365: 9,
      inAmount30: 2000,
      inAmount90: 9000,
      inAmount365: 30000,
      outAmount30: 500,
      outAmount90: 3000,
      outAmount365: 9000,
      priorCount90: 6,
    },
    eventTimesMs: [asOfMs - 30 * DAY, asOfMs - 20 * DAY, asOfMs - 10 * DAY],
    firstActivityMs: asOfMs - 400 * DAY,
    lastActivityMs: asOfMs - 10 * DAY,
    counterparties: 5,
    // the 365-day inflow (inAmount365) by payer: shares 0.38 and 0.62
    payerAmounts: [
      { id: 'A', amount: 11_400 },
      { id: 'B', amount: 18_600 },
    ],
    run: {
      pagerankPct: 0.7,
      degree: 8,
      betweenness: 0.01,
      concentration: 0.38 ** 2 + 0.62 ** 2, // a Herfindahl index lies between top² and top
      counterpartyRisk: 0.1,
      exposure: 0.2,
      communityId: 'C-17',
      communityBadRate: 0.14,
      communitySize: 40,
      overallBadRate: 0.035,
    },
    loans: { repaid: 1, late: 0, defaulted: 0, current: 1 },
    reported: { positive: 3, negative: 1, worstBy: 'X' },
    flagReasons: [],
    counterpartiesEver: 10,
    badCounterparties: ['Z'],
    badCounterpartyCount: 2,
    nearestBad: { id: 'Z', path: ['E-1', 'Y', 'Z'] },
    ...over,
  };
}

describe('scoring/derive-features', () => {
  it('computes ratios, tenure, growth and shares from the raw signals', () => {
    const f = deriveFeatures(raw());
    const v = f.values;
    assert.equal(v.netInflow90, 6000);
    assert.equal(v.tenureDays, 400);
    assert.equal(v.daysSinceActivity, 10);
    assert.equal(v.growth, (9 - 6) / 6);
    assert.ok(Math.abs(v.concentration! - (0.38 ** 2 + 0.62 ** 2)) < 1e-12);
    assert.ok(Math.abs(v.communityRisk! - 4) < 1e-12);
    assert.equal(v.badCounterpartyShare, 0.2);
    assert.equal(v.nearestBadHops, 2);
    assert.equal(v.reportedNegativeShare, 0.25);
    assert.equal(v.regularity, 1);
    assert.deepEqual(f.evidence.topPayer, { id: 'B', share: 0.62 });
    assert.deepEqual(f.evidence.community, { id: 'C-17', badRate: 0.14, overallBadRate: 0.035, size: 40 });
    assert.deepEqual(f.evidence.nearestBad, { id: 'Z', hops: 2, path: ['E-1', 'Y', 'Z'] });
  });

  it('leaves features missing when there is nothing to compute them from', () => {
    const f = deriveFeatures(
      raw({
        run: null,
        payerAmounts: [],
        eventTimesMs: [],
        firstActivityMs: null,
        lastActivityMs: null,
        counterpartiesEver: 0,
        nearestBad: null,
        reported: { positive: 0, negative: 0, worstBy: null },
      }),
    );
    for (const k of [
      'pagerankPct',
      'concentration',
      'communityRisk',
      'tenureDays',
      'regularity',
      'badCounterpartyShare',
      'nearestBadHops',
      'reportedNegativeShare',
    ] as const) {
      assert.equal(f.values[k], null, k);
    }
  });

  it('measures regularity as 1/(1 + CV of gaps) and the Herfindahl index of shares', () => {
    assert.equal(regularityOf([0, 10, 20, 30]), 1);
    assert.ok(regularityOf([0, 1, 11])! < 1);
    assert.equal(regularityOf([0, 1]), null);
    assert.deepEqual(
      herfindahl([
        { id: 'a', amount: 1 },
        { id: 'b', amount: 1 },
      ]),
      { hhi: 0.5, top: { id: 'a', share: 0.5 } },
    );
  });
});
