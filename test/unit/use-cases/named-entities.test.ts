/** Every entity an answer names, for the audit. */
import assert from 'node:assert/strict';
import type { LoanMonitoringRecord } from '../../../src/monitoring/monitoring-record.js';
import { graphEntities, loanAlertEntities, loanMonitoringEntities, ringListEntities } from '../../../src/use-cases/named-entities.js';

describe('named-entities: what an answer shows, for the audit', () => {
  it('takes every entity node of a graph and no identifier node', () => {
    const node = (key: string, kind: string | null) => ({ key, attributes: { kind } });
    assert.deepEqual(graphEntities({ nodes: [node('a', 'business'), node('b', null), node('id:phone:x', 'identifier')] }), ['a', 'b']);
  });

  it('takes borrower, lender, path and target of an alert', () => {
    assert.deepEqual(loanAlertEntities({ borrower: 'B', lender: 'L', path: ['B', 'X', 'T'], target: 'T' }), ['B', 'L', 'B', 'X', 'T', 'T']);
    assert.deepEqual(loanAlertEntities({ borrower: 'B', lender: null, path: [], target: 'T' }), ['B', 'T']);
  });

  it('takes everyone a loan monitoring names, once', () => {
    const m = {
      borrower: 'B',
      lender: 'L',
      behaviour: { topCustomers: ['C1', 'C2'] },
      flow: {
        nodes: [{ id: 'B' }, { id: 'X' }],
        edges: [{ from: 'B', to: 'X' }],
        other: [{ from: 'X' }],
        held: [{ id: 'H' }],
      },
      alerts: [{ borrower: 'B', lender: 'L', path: ['B', 'X', 'T'], target: 'T' }],
    } as unknown as LoanMonitoringRecord;
    assert.deepEqual(loanMonitoringEntities(m).sort(), ['B', 'C1', 'C2', 'H', 'L', 'T', 'X']);
  });

  it('takes the members of every ring of a list, once', () => {
    assert.deepEqual(ringListEntities([{ members: ['a', 'b'] }, { members: ['b', 'c'] }]), ['a', 'b', 'c']);
  });
});
