import assert from 'node:assert/strict';
import { communityRisk } from '../../../src/analytics/community-risk.js';
import { near } from './helpers.js';

describe('analytics/community-risk', () => {
  it('smooths each community towards the prior and leaves the entity itself out', () => {
    // community 0: 4 members, 2 bad; community 1: 4 members, 0 bad → prior 2/8
    const community = Uint32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const bad = Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0]);
    const a = 2;
    const r = communityRisk(community, 2, bad, a);
    const prior = 2 / 8;
    near(r.prior, prior, 1e-12);
    near(r.communities[0]!.risk, (2 + a * prior) / (4 + a), 1e-12);
    near(r.communities[0]!.defaultRate, 0.5, 1e-12);
    near(r.communities[1]!.risk, (0 + a * prior) / (4 + a), 1e-12);
    near(r.entityRisk[0]!, (1 + a * prior) / (3 + a), 1e-12, 'bad member: own label excluded');
    near(r.entityRisk[2]!, (2 + a * prior) / (3 + a), 1e-12, 'good member');
    assert.equal(r.communities[0]!.bad, 2);
  });
});
