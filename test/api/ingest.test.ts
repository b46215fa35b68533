/**
 * Ingest over HTTP against the real app, Neo4j and Redis: JSON arrays with per-row errors, the size
 * bounds (413 naming them), roles, and a file import processed by a real `ingest` worker.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { countIngested, deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { createIngestQueue } from '../../src/queue/ingest-producer.js';
import { QUEUE_NAMES } from '../../src/queue/names.js';
import { startWorkers, type RunningWorkers } from '../../workers/main.js';
import { createIngestProcessor } from '../../workers/ingest.worker.js';
import { uploadDir } from '../../src/use-cases/ingest-import.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';

describe('ingest API', function () {
  this.timeout(120000);
  let app: TestApp;
  let workers: RunningWorkers;
  const p = uniquePrefix('ingest-api');
  const queuePrefix = uniquePrefix('q').replace(/-$/, '');

  before(async () => {
    app = await startTestApp({
      INGEST_HTTP_MAX_ROWS: '5',
      INGEST_HTTP_MAX_BYTES: '4096',
      INGEST_UPLOAD_MAX_BYTES: '2048',
      INGEST_MAX_DECOMPRESSED_BYTES: '65536',
      UPLOAD_DIR: `.local/test-uploads/${queuePrefix}`,
      QUEUE_PREFIX: queuePrefix,
    });
    workers = await startWorkers(app.runtime.config, [
      {
        queue: QUEUE_NAMES.ingest,
        processor: createIngestProcessor(app.runtime, { progressEveryMs: 0 }) as never,
      },
    ]);
  });
  after(async () => {
    await workers.close();
    const queue = createIngestQueue(app.runtime.config.redis);
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteByPrefix(app.runtime.db, p);
    rmSync(uploadDir(app.runtime.config), { recursive: true, force: true });
    await app.close();
  });

  const post = (path: string, body: unknown, role: 'admin' | 'analyst' | 'none' = 'admin') =>
    app.request(path, { method: 'POST', body: JSON.stringify(body), role });

  it('loads good rows and reports each bad row by index, field and reason', async () => {
    const res = await post(`/v1/payments?idPrefix=${p}`, [
      { id: 'P1', payer: 'A', payee: 'B', amount: '10.50', currency: 'USD', at: '2024-01-01T00:00:00Z' },
      { id: 'P2', payer: 'A', payee: 'B', amount: '12,5x', currency: 'USD', at: '2024-01-01' },
      { id: 'P3', payer: 'B', payee: 'A', amount: 3, currency: 'USD', at: 1704067200, memo: 'x' },
    ]);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.loaded, 1);
    assert.equal(body.rejected, 2);
    assert.deepEqual(body.errors, [
      { row: 1, field: 'amount', reason: '"12,5x" is not a decimal' },
      {
        row: 2,
        field: 'memo',
        reason: 'is not a payments field (allowed: id, payer, payee, amount, currency, at, channel)',
      },
    ]);
    const counts = await countIngested(app.runtime.db, p);
    assert.equal(counts.paid, 1);
    assert.equal(counts.paysMinor, 1050);
  });

  it('loads loans with a lender and disbursedAt, and names a lender that is the borrower', async () => {
    const loan = { id: 'L1', borrower: 'A', amount: '10.00', currency: 'USD', openedAt: '2024-01-01', dueAt: '2024-02-01', status: 'current' };
    const res = await post(`/v1/loans?idPrefix=${p}`, [
      { ...loan, lender: 'BANK', disbursedAt: '2024-01-02T08:00:00Z' },
      { ...loan, id: 'L2', lender: 'A' },
    ]);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.loaded, 1);
    assert.deepEqual(body.errors, [{ row: 1, field: 'lender', reason: 'is the same entity as borrower' }]);
    const counts = await countIngested(app.runtime.db, p);
    assert.equal(counts.loans, 1);
    assert.ok(counts.minimalEntities >= 2, 'the borrower and the lender exist as minimal entities');
  });

  it('answers 400 problem+json when no row is loadable, 413 over the bounds', async () => {
    const none = await post('/v1/entities', [{ id: `${p}X`, kind: 'robot' }]);
    assert.equal(none.status, 400);
    assert.equal((await none.json()).errors[0].field, 'kind');
    const rows = await post(
      '/v1/entities',
      Array.from({ length: 6 }, (_, i) => ({ id: `${p}E${i}`, kind: 'person' })),
    );
    assert.equal(rows.status, 413);
    assert.match((await rows.json()).detail, /limit of 5 rows/);
    const bytes = await post('/v1/entities', [{ id: 'x'.repeat(5000), kind: 'person' }]);
    assert.equal(bytes.status, 413);
    assert.match((await bytes.json()).detail, /limit of 4096 bytes/);
    const notArray = await post('/v1/entities', { id: 'E1' });
    assert.equal(notArray.status, 400);
  });

  it('requires the admin role', async () => {
    assert.equal((await post('/v1/entities', [], 'none')).status, 401);
    assert.equal((await post('/v1/entities', [], 'analyst')).status, 403);
  });

  it('imports an uploaded file through the ingest queue and reports its status and rejects', async () => {
    const csv =
      'id,kind,sector,region,openedAt\nE1,business,retail,R1,2020-01-01\nE2,person,,,\nE3,alien,,,\n';
    const res = await app.request(`/v1/imports?type=entities&idPrefix=${p}&name=people.csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(res.status, 202);
    const { id, statusUrl } = await res.json();
    let status:
      | {
          state: string;
          counts: { loaded: number; rejected: number } | null;
          rejects: { sample: { line: number }[] };
        }
      | undefined;
    // polled until the job ends, as a client would (bounded by the test's timeout, not a count)
    for (;;) {
      status = await (await app.request(statusUrl)).json();
      if (status?.state === 'completed' || status?.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status?.state, 'completed', JSON.stringify(status));
    assert.equal(status?.counts?.loaded, 2);
    assert.equal(status?.counts?.rejected, 1);
    assert.deepEqual(
      status?.rejects.sample.map((r) => r.line),
      [4],
    );
    assert.ok(String(id).startsWith('imp-'));
    assert.equal((await app.request('/v1/imports/imp-nope')).status, 404);
  });

  it('imports a multipart upload', async () => {
    const form = new FormData();
    form.set('type', 'entities');
    form.set('idPrefix', p);
    form.set('file', new Blob(['{"id":"M1","kind":"person"}\n']), 'm.ndjson');
    // plain fetch: FormData must set its own multipart content-type with the boundary
    const res = await fetch(`${app.url}/v1/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${app.keys.admin}` },
    });
    assert.equal(res.status, 202);
    const { statusUrl } = await res.json();
    let state = '';
    while (state !== 'completed' && state !== 'failed') {
      state = (await (await app.request(statusUrl)).json()).state;
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(state, 'completed');
  });

  it('answers 413 stating the bound for an upload over INGEST_UPLOAD_MAX_BYTES, keeping no file', async () => {
    const dir = uploadDir(app.runtime.config);
    const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
    const before = files();
    const csv = 'id,kind\n' + Array.from({ length: 400 }, (_, i) => `${p}U${i},person`).join('\n');
    assert.ok(csv.length > 2048);
    const declared = await app.request(`/v1/imports?type=entities&name=u.csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(declared.status, 413);
    assert.match((await declared.json()).detail, /limit of 2048 bytes/);
    // Chunked (no Content-Length): cut while streaming, the partial file removed.
    const chunks = [csv.slice(0, 1500), csv.slice(1500)];
    const streamed = await fetch(`${app.url}/v1/imports?type=entities&name=u.csv`, {
      method: 'POST',
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      }),
      headers: { authorization: `Bearer ${app.keys.admin}`, 'content-type': 'text/csv' },
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    const problem = await streamed.json();
    assert.equal(problem.code, 'payload_too_large');
    assert.match(problem.detail, /limit of 2048 bytes/);
    assert.deepEqual(files(), before);
  });

  const uploads = () => {
    const dir = uploadDir(app.runtime.config);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
  const poll = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
    return done();
  };

  it('answers 413 for a .gz upload that decompresses past INGEST_MAX_DECOMPRESSED_BYTES, 400 for bad gzip', async () => {
    const before = uploads();
    const bomb = gzipSync(Buffer.alloc(1 << 20, 'a'));
    assert.ok(bomb.length < 2048, `${bomb.length} bytes compressed`);
    const big = await app.request(`/v1/imports?type=entities&name=bomb.csv.gz`, {
      method: 'POST',
      body: bomb,
      headers: { 'content-type': 'application/gzip' },
    });
    assert.equal(big.status, 413);
    const problem = await big.json();
    assert.equal(problem.code, 'decompressed_too_large');
    assert.match(problem.detail, /more than 65536 bytes \(INGEST_MAX_DECOMPRESSED_BYTES\)/);
    const fake = await app.request(`/v1/imports?type=entities&name=fake.csv.gz`, {
      method: 'POST',
      body: 'id,kind\nE1,person\n',
      headers: { 'content-type': 'application/gzip' },
    });
    assert.equal(fake.status, 400);
    assert.equal((await fake.json()).code, 'invalid_gzip');
    const cut = gzipSync(Buffer.from('id,kind\nE1,person\n'));
    const truncated = await app.request(`/v1/imports?type=entities&name=cut.csv.gz`, {
      method: 'POST',
      body: cut.subarray(0, cut.length - 6),
      headers: { 'content-type': 'application/gzip' },
    });
    assert.equal(truncated.status, 400);
    assert.match((await truncated.json()).detail, /cut short/);
    assert.deepEqual(uploads(), before);
  });

  it('ends an upload whose client goes away and removes the partial file', async () => {
    const before = uploads();
    const url = new URL(`${app.url}/v1/imports?type=entities&name=gone.csv`);
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${app.keys.admin}`,
        'content-type': 'text/csv',
        'content-length': '2000',
      },
    });
    req.on('error', () => {});
    req.write(`id,kind\n${'E1,person\n'.repeat(60)}`);
    assert.ok(await poll(() => uploads().length > before.length), 'the partial file was never written');
    req.destroy();
    assert.ok(await poll(() => uploads().length === before.length), `left behind: ${uploads().join(', ')}`);
  });
});
