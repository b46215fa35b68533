import assert from 'node:assert/strict';
import { CsvRecordParser, splitCsvRecord } from '../../../src/ingest/csv-line.js';

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
    assert.deepEqual(splitCsvRecord('"",""""'), ['', '"']);
  });
  it('is lenient with quotes inside unquoted fields and text after a closing quote', () => {
    assert.deepEqual(splitCsvRecord('a"b,c'), ['a"b', 'c']);
    assert.deepEqual(splitCsvRecord('"a"b,c'), ['ab', 'c']);
  });
  it('returns null while a quoted field is open', () => {
    assert.equal(splitCsvRecord('1,"open'), null);
    assert.equal(splitCsvRecord('1,"open ""quoted"" still'), null);
  });
});

describe('CsvRecordParser', () => {
  it('carries the quote state across lines and starts afresh after a record', () => {
    const parser = new CsvRecordParser();
    assert.equal(parser.push('1,"first'), null);
    assert.equal(parser.isOpen, true);
    assert.equal(parser.push('second ""x"", still'), null);
    assert.deepEqual(parser.push('end",2'), ['1', 'first\nsecond "x", still\nend', '2']);
    assert.equal(parser.isOpen, false);
    assert.deepEqual(parser.push('3,4'), ['3', '4']);
    assert.equal(parser.push('"open'), null);
    parser.reset();
    assert.deepEqual(parser.push('5'), ['5']);
  });

  it('examines each character once when a stray quote is followed by many lines with quotes', () => {
    // Every line holds a doubled quote, so none closes the field: re-splitting the record gathered so
    // far at each line would examine ~lines²/2 × line length characters.
    const lines = ['P1,"stray', ...Array.from({ length: 5000 }, (_, i) => `row ${i} says ""hi"", ok`), 'end",x'];
    const parser = new CsvRecordParser();
    let fields: string[] | null = null;
    for (const line of lines) fields = parser.push(line);
    const total = lines.reduce((sum, l) => sum + l.length, 0);
    assert.equal(fields?.length, 3);
    assert.equal(fields?.[2], 'x');
    assert.ok(parser.scanned <= total, `${parser.scanned} characters examined for ${total}`);
    assert.ok(parser.scanned >= total - lines.length * 2, `${parser.scanned} < ${total}: not every line read`);
  });
});
