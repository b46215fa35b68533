import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { boundedGunzip, CompressedInputError, gzipVerifier } from '../../../src/ingest/gzip-guard.js';
import { splitLines, type TextLine } from '../../../src/ingest/line-reader.js';
import { readRecords } from '../../../src/ingest/record-reader.js';

async function lines(gz: Buffer, maxBytes: number): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const l of splitLines(boundedGunzip(Readable.from([gz]), maxBytes))) out.push(l);
  return out;
}

function sink(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}

describe('gzip guard', () => {
  it('reads a gzip file within the bound line by line', async () => {
    const got = await lines(gzipSync('a\nb\n'), 100);
    assert.deepEqual(
      got.map((l) => l.text),
      ['a', 'b'],
    );
  });

  it('ends a file that decompresses past the bound with a file error after the lines read so far', async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n');
    const got = await lines(gzipSync(text), 20_000);
    const last = got.at(-1);
    assert.match(last?.fileError ?? '', /decompresses to more than 20000 bytes \(INGEST_MAX_DECOMPRESSED_BYTES\)/);
    assert.ok(got.length > 100 && got.length < 10_000, `${got.length} lines`);
    assert.equal(got.filter((l) => l.fileError).length, 1);
  });

  it('says when the data is not gzip, or is cut short, and the reader turns it into a file error', async () => {
    const notGzip = await lines(Buffer.from('id,kind\nE1,person\n'), 1000);
    assert.match(notGzip.at(-1)?.fileError ?? '', /cannot be decompressed: it is not gzip data/);
    const gz = gzipSync('id,kind\nE1,person\nE2,person\n');
    const events = [];
    const source = splitLines(boundedGunzip(Readable.from([gz.subarray(0, gz.length - 8)]), 1000));
    for await (const e of readRecords('entities', 'csv', source, { idPrefix: '' })) events.push(e);
    const last = events.at(-1);
    assert.equal(last?.kind, 'file-error');
    assert.match(last?.kind === 'file-error' ? (last.problems[0]?.reason ?? '') : '', /cut short/);
  });

  it('verifies compressed uploads as they pass, unchanged', async () => {
    const gz = gzipSync('x'.repeat(5000));
    await pipeline(Readable.from([gz]), gzipVerifier(5000), sink());
    await assert.rejects(
      pipeline(Readable.from([gz]), gzipVerifier(4999), sink()),
      (e: unknown) => e instanceof CompressedInputError && e.code === 'decompressed_too_large' && e.httpStatus === 413,
    );
    await assert.rejects(
      pipeline(Readable.from([Buffer.from('plain text')]), gzipVerifier(5000), sink()),
      (e: unknown) => e instanceof CompressedInputError && e.code === 'invalid_gzip',
    );
    await assert.rejects(
      pipeline(Readable.from([gz.subarray(0, 10)]), gzipVerifier(5000), sink()),
      (e: unknown) => e instanceof CompressedInputError && /cut short/.test(e.message),
    );
  });
});
