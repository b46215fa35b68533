import { EDGE_KIND, EdgeListBuilder } from '../../../src/analytics/edge-list.js';
import { concentration } from '../../../src/analytics/concentration.js';
import { counterpartyRisk } from '../../../src/analytics/counterparty-risk.js';
import { near, undirected } from './helpers.js';
import assert from 'node:assert/strict';

describe('analytics/concentration and counterparty risk', () => {
  it('computes the Herfindahl index of inflow by payer and of purchases by supplier', () => {
    const b = new EdgeListBuilder();
    b.add({ src: 1, dst: 0, kind: EDGE_KIND.pays, amount: 300 });
    b.add({ src: 2, dst: 0, kind: EDGE_KIND.pays, amount: 100 });
    b.add({ src: 1, dst: 3, kind: EDGE_KIND.pays, amount: 50 });
    b.add({ src: 1, dst: 2, kind: EDGE_KIND.supplies, amount: 0 });
    b.add({ src: 3, dst: 2, kind: EDGE_KIND.supplies, amount: 0 });
    const r = concentration(4, b.finish());
    near(r.inflow[0]!, 0.75 ** 2 + 0.25 ** 2, 1e-12);
    near(r.inflow[3]!, 1, 1e-12);
    assert.ok(Number.isNaN(r.inflow[1]!));
    near(r.purchases[2]!, 0.5, 1e-12, 'two suppliers of unknown volume count equally');
  });

  it('weights counterparties’ exposure by edge weight', () => {
    const rows = undirected(4, [[0, 1, 3], [0, 2, 1]]);
    const cr = counterpartyRisk(rows, Float64Array.from([0, 0.4, 0.8, 0.9]));
    near(cr[0]!, (3 * 0.4 + 1 * 0.8) / 4, 1e-12);
    assert.ok(Number.isNaN(cr[3]!));
  });
});
