import assert from 'node:assert/strict';
import { KeyCache } from '../../../src/auth/key-cache.js';

describe('KeyCache: API-key lookups', () => {
  const options = { knownTtlMs: 1000, unknownTtlMs: 500, maxKnown: 3, maxUnknown: 2 };

  it('answers known and unknown keys until their time to live ends', () => {
    const cache = new KeyCache<string>(options);
    cache.set('good', 'record', 0);
    cache.set('bad', undefined, 0);
    assert.deepEqual(cache.get('good', 999), { record: 'record', until: 1000 });
    assert.equal(cache.get('bad', 499)?.record, undefined);
    assert.ok(cache.get('bad', 499));
    assert.equal(cache.get('bad', 500), undefined);
    assert.equal(cache.get('good', 1000), undefined);
    assert.equal(cache.get('never', 0), undefined);
  });

  it('a flood of unknown keys evicts only unknown keys, never a known one', () => {
    const cache = new KeyCache<string>(options);
    cache.set('good', 'record', 0);
    for (let i = 0; i < 10_000; i++) cache.set(`random-${i}`, undefined, 1);
    assert.equal(cache.get('good', 2)?.record, 'record');
    assert.deepEqual(cache.size, { known: 1, unknown: 2 });
    assert.ok(cache.get('random-9999', 2));
    assert.equal(cache.get('random-0', 2), undefined);
  });

  it('known keys are evicted least recently used first', () => {
    const cache = new KeyCache<string>(options);
    for (const k of ['a', 'b', 'c']) cache.set(k, k, 0);
    cache.get('a', 1); // a is now the most recently used
    cache.set('d', 'd', 2);
    assert.equal(cache.get('b', 3), undefined);
    assert.deepEqual(['a', 'c', 'd'].map((k) => cache.get(k, 3)?.record), ['a', 'c', 'd']);
  });

  it('a key that becomes known leaves the unknown part; clear forgets everything', () => {
    const cache = new KeyCache<string>(options);
    cache.set('k', undefined, 0);
    cache.set('k', 'now-known', 1);
    assert.deepEqual(cache.size, { known: 1, unknown: 0 });
    cache.clear();
    assert.equal(cache.get('k', 2), undefined);
  });
});
