import assert from 'node:assert/strict';
import { badEntities } from '../../../src/analytics/bad-entities.js';
import { createRng } from '../../../src/analytics/rng.js';
import { BadAt } from '../../../src/monitoring/bad-at.js';
import { monitorLoans } from '../../../src/monitoring/monitor-loans.js';
import { ms, network } from '../../helpers/monitoring-network.js';

describe('BadAt (the one definition of bad, at any time)', () => {
  const net = network({
    entities: ['A', 'B', 'C', 'D', 'E'],
    flags: [['A', '2024-02-01']],
    loans: [
      { id: 'd', borrower: 'B', amount: 1, opened: '2023-01-01', closed: '2024-03-01', status: 'defaulted' },
      { id: 'late', borrower: 'C', amount: 1, opened: '2023-01-01', due: '2024-04-01', status: 'defaulted' },
    ],
    ratings: [
      ['A', 'D', -5, '2024-01-10'],
      ['B', 'D', 3, '2024-02-10'],
      ['C', 'D', 2, '2024-03-10'],
      ['A', 'E', 1, '2024-01-05'],
    ],
    asOf: '2024-06-01',
  });

  it('agrees with badEntities at every time (flags, defaults from closedAt or dueAt, mostly adverse reports)', () => {
    const bad = new BadAt(net.input.facts);
    const rng = createRng(3);
    const times = [...Array.from({ length: 60 }, () => ms('2023-12-01') + rng() * 200 * 86_400_000), ms('2024-02-01'), ms('2024-02-10'), ms('2024-01-10') + 1];
    for (const t of times) {
      const expected = badEntities(net.input.facts, t);
      for (let v = 0; v < 5; v++) assert.equal(bad.isBad(v, t), expected[v] === 1, `${net.name(v)} at ${new Date(t).toISOString()}`);
    }
    // D: adverse from its first report until a positive one balances it
    assert.deepEqual([bad.isBad(net.index('D'), ms('2024-02-01')), bad.isBad(net.index('D'), ms('2024-03-01'))], [true, false]);
  });

  it('FUNDS_TO_BAD also fires for an entity that is mostly adversely reported', () => {
    const m = network({
      entities: ['B', 'L', 'X', 'R1', 'R2'],
      loans: [{ id: 'L1', borrower: 'B', lender: 'L', amount: 1000, opened: '2024-03-01' }],
      payments: [['B', 'X', '2023-01-01', 1], ['L', 'B', '2024-03-01', 1000], ['B', 'X', '2024-03-02', 800]],
      ratings: [['R1', 'X', -4, '2024-01-01'], ['R2', 'X', -2, '2024-01-02']],
      asOf: '2024-06-01',
    });
    const [loan] = monitorLoans(m.input).loans;
    assert.deepEqual(loan!.alerts.map((a) => [a.code, a.amount, a.path.map(m.name).join('>')]), [['FUNDS_TO_BAD', 800, 'B>X']]);
  });
});
