import assert from 'node:assert/strict';
import { ERASED, namesId, redactText, redactValue, valueNamesId } from '../../../src/erasure/redact.js';
import { hashEntityId } from '../../../src/erasure/tombstone.js';

describe('erasure redaction', () => {
  it('names an id only as a whole token', () => {
    assert.ok(namesId('{"top":"E1"}', 'E1'));
    assert.ok(namesId('cycle:A>E1>B', 'E1'));
    assert.ok(namesId('E1', 'E1'));
    assert.ok(!namesId('E10,E11', 'E1'));
    assert.ok(!namesId('x-E1', 'E1'));
    assert.ok(!namesId('E1_b', 'E1'));
  });

  it('replaces every occurrence, and the JSON-escaped form of an id with a quote', () => {
    assert.equal(redactText('{"a":"E1","b":["E10","E1"],"c":"E1>E2"}', 'E1'), `{"a":"${ERASED}","b":["E10","${ERASED}"],"c":"${ERASED}>E2"}`);
    const odd = 'q"x';
    const json = JSON.stringify({ id: odd });
    assert.ok(namesId(json, odd));
    assert.equal(redactText(json, odd), `{"id":"${ERASED}"}`);
  });

  it('rewrites lists element by element and leaves other values', () => {
    assert.deepEqual(redactValue(['A', 'E1', 'E12'], 'E1'), ['A', ERASED, 'E12']);
    assert.equal(redactValue(5, 'E1'), 5);
    assert.ok(valueNamesId(['A', 'E1'], 'E1'));
    assert.ok(!valueNamesId(['A', 'E12'], 'E1'));
  });

  it('hashes ids with the key when there is one (stable, key-dependent, not the id)', () => {
    const a = hashEntityId('E1', 'k'.repeat(16));
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(a, hashEntityId('E1', 'k'.repeat(16)));
    assert.notEqual(a, hashEntityId('E1', 'j'.repeat(16)));
    assert.notEqual(a, hashEntityId('E1', null));
    assert.ok(!a.includes('E1'));
  });
});
