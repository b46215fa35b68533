/**
 * The hostile corpus (test/fixtures/hostile/) against the real API (real Neo4j and Redis) and the real file
 * reader: every malformed or hostile request gets a clear 4xx problem+json (code, detail, instance) or a
 * row-level rejection, never a 5xx; every hostile file is rejected row by row or refused with a clear
 * error; and afterwards nothing the corpus marked as to-be-rejected is stored.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { AppError } from '../../src/errors/app-error.js';
import { createIngestQueue } from '../../src/queue/ingest-producer.js';
import { createMetricsQueue } from '../../src/queue/metrics-producer.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { hostileFiles } from '../fixtures/hostile/file-cases.js';
import { hostileRequests, type HostileCase } from '../fixtures/hostile/request-cases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { countHostileLeftovers, getOwners } from '../helpers/hostile-fixture-repository.js';
import { uniquePrefix } from '../helpers/runtime.js';

/** Hostile ids the corpus sends without a prefix: none may be stored. */
const EXACT = ['a\u0000b', '', '../../etc/passwd', '../../etc/passwd\u0000', '\u202e\u0001', 'x'.repeat(300), '\u0000', 'a\u0000'];

describe('hostile corpus: malformed and hostile requests and files (real Neo4j and Redis)', function () {
  this.timeout(600000);
  let app: TestApp;
  const p = uniquePrefix('hostile');
  const root = mkdtempSync(join(tmpdir(), 'cg-hostile-'));
  const overrides = {
    UPLOAD_DIR: join(root, 'uploads'),
    REJECTS_DIR: join(root, 'rejects'),
    QUEUE_PREFIX: p.replace(/-$/, ''),
    INGEST_MAX_DECOMPRESSED_BYTES: String(1024 * 1024),
  };
  const failures: string[] = [];

  before(async () => {
    app = await startTestApp(overrides);
  });
  after(async () => {
    if (app) {
      for (const queue of [createIngestQueue(app.runtime.config.redis), createMetricsQueue(app.runtime.config.redis)]) {
        await queue.obliterate({ force: true }).catch(() => {});
        await queue.close();
      }
      await deleteByPrefix(app.runtime.db, p);
    }
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** What is wrong with the answer to one case ('' when it is right). */
  async function check(c: HostileCase): Promise<string> {
    let res: Response;
    try {
      res = await app.request(c.path, { method: c.method, role: c.role ?? 'admin', headers: { 'x-purpose': 'testing', ...c.headers }, body: typeof c.body === 'string' || c.body === undefined ? c.body : new Uint8Array(c.body) });
    } catch (error) {
      return `request failed: ${(error as Error).message}`;
    }
    const text = await res.text();
    if (res.status >= 500) return `${res.status}: ${text.slice(0, 200)}`;
    if (res.status >= 400) {
      if (!/application\/problem\+json/.test(res.headers.get('content-type') ?? '')) return `${res.status} without problem+json`;
      const body = JSON.parse(text) as { code?: unknown; detail?: unknown; instance?: unknown };
      if (typeof body.code !== 'string' || typeof body.detail !== 'string' || body.detail.length === 0) return `${res.status} problem without code/detail`;
      return '';
    }
    if (c.expect === '4xx') return `expected 4xx, got ${res.status}`;
    if (c.expect === 'rows') {
      const body = JSON.parse(text) as { received?: number; rejected?: number; loaded?: number };
      if (body.rejected !== body.received || body.loaded !== 0) return `rows loaded: ${text.slice(0, 200)}`;
    }
    return '';
  }

  it('the corpus has hundreds of request cases and dozens of files', () => {
    assert.ok(hostileRequests(p).length >= 300, String(hostileRequests(p).length));
    assert.ok(hostileFiles(p).length >= 30);
  });

  it('every hostile request gets a 4xx problem+json or row-level rejections, never a 5xx', async () => {
    for (const c of hostileRequests(p)) {
      const wrong = await check(c);
      if (wrong) failures.push(`${c.method} ${c.name}: ${wrong}`);
    }
    assert.deepEqual(failures, []);
  });

  it('every hostile file is rejected row by row or refused with a clear error', async () => {
    const rules = { ...ingestRules(app.runtime.config), idPrefix: '', maxLineBytes: 1024 * 1024, maxDecompressedBytes: 1024 * 1024 };
    const wrong: string[] = [];
    for (const f of hostileFiles(p)) {
      const path = join(root, f.fileName);
      writeFileSync(path, f.content);
      try {
        const s = await ingestFile(app.runtime.db, f.type, path, { ...rules, rejectsPath: join(root, 'rejects', `${f.fileName}.rejects.ndjson`) });
        if (s.rows > 0 && s.rejected === 0 && !f.name.includes('conflict')) wrong.push(`${f.name}: ${s.rows} rows, none rejected`);
      } catch (error) {
        if (!(error instanceof AppError) || error.httpStatus >= 500) wrong.push(`${f.name}: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('nothing marked for rejection was stored; conflicting loan and flag owners kept the first', async () => {
    const left = await countHostileLeftovers(app.runtime.db, `${p}rej-`, EXACT);
    assert.deepEqual(left, { entities: 0, loans: 0, flags: 0 });
    const owners = await getOwners(app.runtime.db, `${p}ok-L1`, `${p}ok-F1`);
    assert.deepEqual(owners, { borrowers: [`${p}ok-b1`], flagged: [`${p}ok-e1`] });
  });
});
