import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { splitLines, type TextLine } from '../../../src/ingest/line-reader.js';
import { readRecords, type RecordEvent } from '../../../src/ingest/record-reader.js';
import { rejectMessage } from '../../../src/ingest/rejects-writer.js';

async function lines(chunks: readonly string[], max?: number): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const l of splitLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) out.push(l);
  return out;
}

const summary = (ls: readonly TextLine[]) =>
  ls.map((l) => (l.tooLongBytes ? `${l.line}:TOO LONG` : `${l.line}:${l.text}`));

describe('splitLines', () => {
  it('splits across chunk boundaries and numbers lines', async () => {
    const out = await lines(['ab', 'c\nde\r\n', '\nf']);
    assert.deepEqual(summary(out), ['1:abc', '2:de', '3:', '4:f']);
    assert.equal(out.at(-1)?.unterminated, true);
  });

  it('rejects a line over the bound, keeps its start for the rejects file, and reads on at the next line', async () => {
    const out = await lines(['ok\n0123456789', 'abcdefghij', 'klm\nnext\n'], 16);
    assert.deepEqual(summary(out), ['1:ok', '2:TOO LONG', '3:next']);
    const long = out[1];
    assert.equal(long?.text, null);
    assert.equal(long?.tooLongBytes, 16);
    assert.equal(long?.lossy, '0123456789abcdefghij…');
  });

  it('counts the bytes of the lines handed out, line breaks included', async () => {
    const consumed = { bytes: 0 };
    const seen: number[] = [];
    const source = Readable.from([Buffer.from('ab\ncd'), Buffer.from('e\n'), Buffer.from('fg')]);
    for await (const _ of splitLines(source, 100, consumed)) seen.push(consumed.bytes);
    assert.deepEqual(seen, [3, 7, 9]);
  });

  it('accepts a line of exactly the bound and rejects one byte more', async () => {
    assert.deepEqual(summary(await lines(['x'.repeat(16), '\n'], 16)), [`1:${'x'.repeat(16)}`]);
    assert.deepEqual(summary(await lines([`${'x'.repeat(17)}\ny\n`], 16)), ['1:TOO LONG', '2:y']);
  });

  it('reports an endless line without a newline once, as soon as it passes the bound', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let pulled = 0;
    async function* endless() {
      for (let i = 0; i < 200; i++) {
        pulled += 1;
        yield chunk;
      }
      yield Buffer.from('\nafter\n');
    }
    const seen: { line: TextLine; pulledAt: number }[] = [];
    for await (const line of splitLines(endless(), 1 << 20)) seen.push({ line, pulledAt: pulled });
    assert.deepEqual(
      seen.map((s) => s.line.line),
      [1, 2],
    );
    assert.equal(seen[0]?.line.tooLongBytes, 1 << 20);
    // reported after 17 chunks (> 1 MiB), long before the 200 chunks of the line were read
    assert.equal(seen[0]?.pulledAt, 17);
    assert.equal(seen[1]?.line.text, 'after');
  });
});

describe('reading records with a line bound', () => {
  async function read(format: 'csv' | 'ndjson', text: string, max: number): Promise<RecordEvent<'flags'>[]> {
    const out: RecordEvent<'flags'>[] = [];
    const source = splitLines(Readable.from([Buffer.from(text)]), max);
    for await (const e of readRecords('flags', format, source, { idPrefix: '', maxRecordChars: max }))
      out.push(e);
    return out;
  }
  const good = 'F1,E1,fraud,2024-01-01,analyst';

  it('rejects a too-long CSV or NDJSON line as `line longer than N bytes`', async () => {
    const csv = await read('csv', `id,entity,reason,at,source\n${'y'.repeat(200)}\n${good}\n`, 100);
    assert.deepEqual(
      csv.map((e) => e.kind),
      ['bad', 'row'],
    );
    const bad = csv[0];
    assert.ok(bad?.kind === 'bad');
    assert.equal(bad.line, 2);
    assert.deepEqual(bad.problems, [{ reason: 'line longer than 100 bytes' }]);
    assert.equal(
      rejectMessage('flags.csv', bad.line, bad.problems),
      'flags.csv:2: line longer than 100 bytes',
    );

    const json = '{"id":"F1","entity":"E1","reason":"fraud","at":"2024-01-01","source":"analyst"}';
    const nd = await read('ndjson', `{"id":"${'z'.repeat(200)}"}\n${json}\n`, 100);
    assert.deepEqual(
      nd.map((e) => [e.kind, e.line]),
      [
        ['bad', 1],
        ['row', 2],
      ],
    );
  });

  it('rejects a CSV record whose quoted field stays open past the bound, then reads on', async () => {
    const stray = `F0,E1,"never closed,2024-01-01,analyst\n${'more text\n'.repeat(20)}`;
    const events = await read('csv', `id,entity,reason,at,source\n${stray}${good}\n`, 100);
    const reasons = events.map((e) =>
      e.kind === 'bad' ? `${e.line}:${e.problems[0]?.reason}` : `${e.line}:row`,
    );
    // lines 2–9 (37 + 7 × 10 characters) form the open record; lines 10–22 are rows of one field each
    assert.match(reasons[0] ?? '', /^2:quoted field still open after 100 characters/);
    assert.equal(reasons.length, 1 + 13 + 1);
    assert.ok(reasons.slice(1, 14).every((r, i) => r === `${10 + i}:has 1 fields, the header has 5`));
    assert.deepEqual(
      events.filter((e) => e.kind === 'row').map((e) => e.line),
      [23],
    );
  });
});
