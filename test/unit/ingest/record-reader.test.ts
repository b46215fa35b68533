import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { splitLines } from '../../../src/ingest/line-reader.js';
import {
  formatOf,
  readRecords,
  requiredColumns,
  type RecordEvent,
} from '../../../src/ingest/record-reader.js';
import type { RecordType } from '../../../src/ingest/record-types.js';
import { MALFORMED_PAYMENTS, MALFORMED_REJECTED_LINES } from '../../fixtures/ingest/malformed-payments.js';

async function read<T extends RecordType>(
  type: T,
  format: 'csv' | 'ndjson',
  data: Buffer | string,
  idPrefix = '',
): Promise<RecordEvent<T>[]> {
  const chunks = typeof data === 'string' ? [Buffer.from(data)] : [data.subarray(0, 50), data.subarray(50)];
  const out: RecordEvent<T>[] = [];
  for await (const e of readRecords(type, format, splitLines(Readable.from(chunks)), { idPrefix }))
    out.push(e);
  return out;
}

describe('readRecords', () => {
  it('reports every bad row of a malformed CSV with its line and reason', async () => {
    const events = await read('payments', 'csv', MALFORMED_PAYMENTS);
    const bad = events.filter((e) => e.kind === 'bad');
    // line 7 (same id, other values) is valid on its own: the loader rejects it as a duplicate
    assert.deepEqual(
      bad.map((e) => e.line),
      MALFORMED_REJECTED_LINES.filter((l) => l !== 7),
    );
    const reasons = Object.fromEntries(bad.map((e) => [e.line, e.kind === 'bad' ? e.problems : []]));
    assert.deepEqual(reasons[3], [{ field: 'amount', reason: '"12,5x" is not a decimal' }]);
    assert.deepEqual(reasons[4], [{ field: 'id', reason: 'is required' }]);
    assert.equal(reasons[5]?.[0]?.field, 'at');
    assert.deepEqual(reasons[9], [{ reason: 'is not valid UTF-8' }]);
    assert.match(reasons[10]?.[0]?.reason ?? '', /has 5 fields, the header has 7/);
    assert.match(reasons[12]?.[0]?.reason ?? '', /truncated/);
    const good = events.filter((e) => e.kind === 'row').map((e) => (e.kind === 'row' ? e.row.id : ''));
    assert.deepEqual(good, ['P1', 'P5', 'P1', 'P5', 'P10']);
  });

  it('fails the whole CSV file when the header has an unknown or a missing column', async () => {
    const events = await read(
      'payments',
      'csv',
      'id,payer,payee,amount,currency,at,memo\nP1,a,b,1,USD,2024-01-01,x\n',
    );
    assert.equal(events.length, 1);
    assert.equal(events[0]?.kind, 'file-error');
    assert.equal(events[0]?.kind === 'file-error' && events[0].problems[0]?.field, 'memo');
    const missing = await read('payments', 'csv', 'id,payer,amount,currency,at\n');
    assert.deepEqual(missing[0]?.kind === 'file-error' && missing[0].problems.map((p) => p.field), ['payee']);
  });

  it('rejects NDJSON rows with unknown fields, bad JSON or non-objects', async () => {
    const text = [
      '{"id":"E1","kind":"business","memo":"x"}',
      '{"id":"E2","kind":"person"}',
      '{"id":"E3",',
      '[1,2]',
      '{"id":"E4","kind":"robot","openedAt":"2020-01-01"}',
    ].join('\n');
    const events = await read('entities', 'ndjson', text, 'x-');
    assert.deepEqual(
      events.map((e) => e.kind),
      ['bad', 'row', 'bad', 'bad', 'bad'],
    );
    assert.equal(events[0]?.kind === 'bad' && events[0].problems[0]?.field, 'memo');
    assert.deepEqual(events[1]?.kind === 'row' && events[1].row, {
      id: 'x-E2',
      kind: 'person',
      sector: null,
      region: null,
      openedAtMs: null,
    });
    assert.match(
      events[2]?.kind === 'bad' ? String(events[2].problems[0]?.reason) : '',
      /not valid JSON.*truncated|not valid JSON/,
    );
    assert.equal(events[4]?.kind === 'bad' && events[4].problems[0]?.field, 'kind');
  });

  it('reads SNAP ratings with or without a header', async () => {
    const plain = await read('ratings', 'csv', '6,2,4,1289241911.72836\n6,5,-2,1289241941.53378\n', 'otc-');
    assert.deepEqual(
      plain.map((e) => e.kind === 'row' && [e.row.source, e.row.target, e.row.rating, e.row.atMs]),
      [
        ['otc-6', 'otc-2', 4, 1289241911728],
        ['otc-6', 'otc-5', -2, 1289241941534],
      ],
    );
    const headed = await read('ratings', 'csv', 'source,target,rating,time\n1,2,10,1289241911\n');
    assert.equal(headed.length, 1);
    assert.equal(headed[0]?.kind === 'row' && headed[0].row.id, '1:2:1289241911000');
  });

  it('accepts quoted fields spanning lines and CRLF line ends', async () => {
    const events = await read(
      'flags',
      'csv',
      'id,entity,reason,at,source\r\nF1,E1,"two\r\nlines",2024-01-01,analyst\r\n',
    );
    assert.equal(events.length, 1);
    assert.equal(events[0]?.kind === 'row' && events[0].row.reason, 'two\nlines');
  });

  it('knows formats and required columns', () => {
    assert.equal(formatOf('x/payments.csv.gz'), 'csv');
    assert.equal(formatOf('a.JSONL'), 'ndjson');
    assert.equal(formatOf('a.txt'), undefined);
    assert.deepEqual(requiredColumns('identifiers'), ['type', 'value', 'entity']);
  });
});
