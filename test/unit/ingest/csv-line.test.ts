import assert from 'node:assert/strict';
import { splitCsvRecord } from '../../../src/ingest/csv-line.js';

describe('splitCsvRecord', () => {
  it('splits plain fields, keeping empty ones', () => {
    assert.deepEqual(splitCsvRecord('a,b,,d'), ['a', 'b', '', 'd']);
    assert.deepEqual(splitCsvRecord(''), ['']);
    assert.deepEqual(splitCsvRecord('a,'), ['a', '']);
  });
  it('reads quoted fields with commas and doubled quotes', () => {
    assert.deepEqual(splitCsvRecord('"12,5",x'), ['12,5', 'x']);
    assert.deepEqual(splitCsvRecord('"say ""hi""",2'), ['say "hi"', '2']);
    assert.deepEqual(splitCsvRecord('1,"a\nb"'), ['1', 'a\nb']);
  });
  it('returns null while a quoted field is open', () => {
    assert.equal(splitCsvRecord('1,"open'), null);
  });
});
