import assert from 'node:assert/strict';
import { percentiles } from '../../../src/analytics/percentile.js';

describe('analytics/percentile', () => {
  it('gives mid-rank percentiles with ties sharing a value', () => {
    assert.deepEqual([...percentiles(Float64Array.from([3, 1, 2, 2]))], [0.875, 0.125, 0.5, 0.5]);
    assert.deepEqual([...percentiles(Float64Array.from([7, 7]))], [0.5, 0.5]);
  });
});
