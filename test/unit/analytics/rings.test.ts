import assert from 'node:assert/strict';
import { paymentCycles } from '../../../src/analytics/payment-cycles.js';
import { identifierRings } from '../../../src/analytics/identifier-groups.js';
import { paysEdges } from './helpers.js';
import { plainPaymentCycles } from '../../helpers/plain-payment-cycles.js';
import { createRng } from '../../../src/analytics/rng.js';

const DAY = 86_400_000;

describe('analytics/rings', () => {
  it('finds 2–4 payment cycles once each, within the time window only', () => {
    const edges = paysEdges([
      [0, 1, 100, 0], [1, 0, 100, DAY], // 2-cycle
      [2, 3, 100, 0], [3, 4, 100, 2 * DAY], [4, 2, 100, 3 * DAY], // 3-cycle within 30 days
      [5, 6, 100, 0], [6, 7, 100, 0], [7, 5, 100, 90 * DAY], // 3-cycle spread over 90 days
      [8, 9, 1, 0], [9, 10, 1, 0], [10, 11, 1, 0], [11, 12, 1, 0], [12, 8, 1, 0], // 5-cycle: too long
    ]);
    const { cycles, truncated } = paymentCycles(13, edges, { windowMs: 30 * DAY });
    assert.equal(truncated, false);
    assert.deepEqual(cycles.map((c) => c.members), [[0, 1], [2, 3, 4]]);
    assert.equal(cycles[1]!.amount, 300);
    assert.equal(cycles[1]!.spanMs, 3 * DAY);
  });

  it('stops at maxCycles and says so', () => {
    const edges = paysEdges([[0, 1, 1, 0], [1, 0, 1, 0], [2, 3, 1, 0], [3, 2, 1, 0]]);
    const r = paymentCycles(4, edges, { maxCycles: 1 });
    assert.equal(r.cycles.length, 1);
    assert.equal(r.truncated, true);
  });

  it('merges overlapping shared-identifier groups into rings', () => {
    const rings = identifierRings(8, [[0, 1], [1, 2], [5, 6], [7]]);
    assert.deepEqual(rings, [
      { members: [0, 1, 2], identifiers: 2 },
      { members: [5, 6], identifiers: 1 },
    ]);
  });
});

describe('analytics/payment-cycles against the plain search', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`returns exactly the plain search's cycles, in its order (seed ${seed})`, () => {
      const rng = createRng(seed);
      const n = 40;
      const rows: number[][] = [];
      for (let i = 0; i < 260; i++) {
        const at = Math.floor(rng() * 120) * DAY;
        const a = Math.floor(rng() * n);
        const b = Math.floor(n * rng() ** 2);
        // some pairs paid twice (another currency), some edges without a known time
        rows.push(rng() < 0.05 ? [a, b, 100] : [a, b, 1 + Math.floor(rng() * 1000), at, at + Math.floor(rng() * 40) * DAY]);
        if (rng() < 0.1) rows.push([a, b, 7, at, at]);
      }
      const edges = paysEdges(rows);
      for (const opts of [{ windowMs: 30 * DAY }, { windowMs: 400 * DAY, maxDegree: 8 }, { windowMs: 60 * DAY, maxCycles: 25 }]) {
        const fast = paymentCycles(n, edges, opts);
        const plain = plainPaymentCycles(n, edges, opts);
        assert.ok(plain.cycles.length > 0, 'the graph has qualifying cycles');
        assert.deepEqual(fast, plain, JSON.stringify(opts));
      }
    });
  }
});
