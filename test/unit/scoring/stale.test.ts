import assert from 'node:assert/strict';
import { isStale } from '../../../src/use-cases/score-entities.js';

describe('score staleness', () => {
  const now = Date.parse('2025-01-03T00:00:00Z');
  it('is stale without a run, or when the run finished more than STALE_AFTER_HOURS ago', () => {
    assert.equal(isStale(null, now, 48), true);
    assert.equal(isStale(Date.parse('2025-01-01T00:00:00Z'), now, 48), false);
    assert.equal(isStale(Date.parse('2024-12-31T23:59:00Z'), now, 48), true);
    assert.equal(isStale(Number.NaN, now, 48), true);
  });
});
