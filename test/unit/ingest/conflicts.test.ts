import assert from 'node:assert/strict';
import { checkRepeat, graphConflictProblem } from '../../../src/ingest/conflicts.js';
import { DuplicateTracker } from '../../../src/ingest/duplicate-tracker.js';
import type { FlagRow, LoanRow } from '../../../src/ingest/record-types.js';

const loan = (borrower: string, status: LoanRow['status'] = 'current'): LoanRow => ({
  id: 'L1',
  borrower,
  amountMinor: 100,
  amount: 1,
  currency: 'USD',
  openedAtMs: 0,
  dueAtMs: 1,
  status,
  closedAtMs: null,
  lender: null,
  disbursedAtMs: null,
});

describe('record key rules', () => {
  it('skips exact repeats, rejects changed values and loan ids reused for another borrower', () => {
    const t = new DuplicateTracker();
    assert.deepEqual(checkRepeat(t, 'loans', loan('E1')), { verdict: 'new' });
    assert.deepEqual(checkRepeat(t, 'loans', loan('E1')), { verdict: 'repeat' });
    assert.deepEqual(checkRepeat(t, 'loans', loan('E1', 'late')).problem, {
      field: 'id',
      reason: '"L1" appears earlier with different values',
    });
    assert.deepEqual(checkRepeat(t, 'loans', loan('E2')).problem, {
      field: 'borrower',
      reason: 'loan id "L1" appears earlier for another borrower; a loan id names one loan of one entity',
    });
  });

  it('names the owner a flag id already has in the graph', () => {
    const t = new DuplicateTracker();
    const flag: FlagRow = { id: 'F1', entity: 'E1', reason: 'r', atMs: 0, source: 's' };
    assert.equal(checkRepeat(t, 'flags', flag).verdict, 'new');
    assert.deepEqual(graphConflictProblem('flags', { key: 'F1', kind: 'owner', existing: 'E9' }), {
      field: 'entity',
      reason: 'flag "F1" already belongs to "E9" in the graph; a flag id cannot move to another entity',
    });
    assert.deepEqual(graphConflictProblem('payments', { key: 'P1', kind: 'values' }), {
      field: 'id',
      reason: 'payment "P1" already exists in the graph with different values',
    });
  });
});
