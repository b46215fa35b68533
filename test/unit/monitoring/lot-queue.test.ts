import assert from 'node:assert/strict';
import { LotQueue } from '../../../src/monitoring/lot-queue.js';
import { TimeHeap } from '../../../src/monitoring/time-heap.js';
import { createRng } from '../../../src/analytics/rng.js';

describe('LotQueue (first in, first out)', () => {
  it('pays from the oldest lot first, splitting lots, and takes the shortfall from outside', () => {
    const q = new LotQueue();
    const loan = [0];
    q.put(300, null);
    q.put(200, null);
    q.put(1000, loan);
    q.put(50, null);
    assert.equal(q.total, 1550);
    assert.equal(q.tainted, 1000);
    assert.deepEqual(q.take(400), [{ amount: 400, path: null }], 'own money merged into one lot');
    assert.deepEqual(q.take(700), [{ amount: 100, path: null }, { amount: 600, path: loan }]);
    assert.deepEqual(q.take(600), [{ amount: 400, path: loan }, { amount: 50, path: null }, { amount: 150, path: null }]);
    assert.equal(q.total, 0);
    assert.equal(q.tainted, 0);
    assert.deepEqual(q.taintedLots(), []);
  });
});

describe('TimeHeap', () => {
  it('pops items in time order', () => {
    const rng = createRng(7);
    const heap = new TimeHeap();
    const times = Array.from({ length: 200 }, () => Math.floor(rng() * 50));
    times.forEach((t, i) => heap.push(t, i));
    const popped: number[] = [];
    while (heap.size > 0) popped.push(times[heap.pop()!]!);
    assert.deepEqual(popped, [...times].sort((a, b) => a - b));
  });
});
