import assert from 'node:assert/strict';
import { DuplicateTracker, fnv1a } from '../../../src/ingest/duplicate-tracker.js';

describe('DuplicateTracker', () => {
  it('tells new keys, exact repeats and conflicting repeats apart', () => {
    const t = new DuplicateTracker();
    assert.equal(t.check('p1', { amount: 1 }), 'new');
    assert.equal(t.check('p1', { amount: 1 }), 'repeat');
    assert.equal(t.check('p1', { amount: 2 }), 'conflict');
    assert.equal(t.check('p2', { amount: 2 }), 'new');
  });
  it('tells a key reused for another owner from other changed values', () => {
    const t = new DuplicateTracker();
    assert.equal(t.check('L1', { status: 'current' }, 'E1'), 'new');
    assert.equal(t.check('L1', { status: 'repaid' }, 'E1'), 'conflict');
    assert.equal(t.check('L1', { status: 'current' }, 'E2'), 'owner-conflict');
    assert.equal(t.check('L1', { status: 'current' }, 'E1'), 'repeat');
  });
  it('forgets the oldest keys beyond its capacity (bounded memory)', () => {
    const t = new DuplicateTracker(2);
    t.check('a', 1);
    t.check('b', 1);
    t.check('c', 1);
    assert.equal(t.size, 2);
    assert.equal(t.check('a', 2), 'new', 'a was forgotten');
    assert.equal(t.check('c', 2), 'conflict');
  });
  it('fnv1a matches the reference vectors', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
  });
});
