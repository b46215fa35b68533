/**
 * The audit's group commit against the real Neo4j: many concurrent requests share few write
 * transactions, each request's events are in Neo4j when its promise resolves, and a commit that
 * cannot be written rejects its requests (retriable 503) rather than keeping events in memory.
 */
import assert from 'node:assert/strict';
import { deleteAuditEventsOfKey, listAuditEvents } from '../../src/db/audit-repository.js';
import { createDatabase } from '../../src/db/driver.js';
import { UpstreamError } from '../../src/errors/app-error.js';
import { AuditTrail } from '../../src/use-cases/score-audit.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { openTestRuntime, testConfig, uniquePrefix } from '../helpers/runtime.js';

describe('audit group commit (real Neo4j)', () => {
  let rt: Runtime;
  const p = uniquePrefix('audit-gc');
  const keyId = `${p}key`;
  const event = (i: number) => ({ keyId, role: 'lender', entityId: `${p}e${i % 7}`, purpose: 'testing', kind: 'score', route: 'GET /test', status: 200, requestId: `${p}r${i}` });

  before(async () => {
    rt = await openTestRuntime();
  });
  after(async () => {
    await deleteAuditEventsOfKey(rt.db, keyId);
    await rt.close();
  });

  it('commits 300 concurrent requests in far fewer transactions, each durable when it resolves', async () => {
    const trail = new AuditTrail(rt.db);
    const count = async () => (await listAuditEvents(rt.db, { keyId, entityId: null, fromMs: null, toMs: null, limit: 1000 })).events.length;
    let seenByFirst = -1;
    await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        await trail.append([event(i)]);
        if (seenByFirst < 0) {
          seenByFirst = 0;
          const { events } = await listAuditEvents(rt.db, { keyId, entityId: `${p}e${i % 7}`, fromMs: null, toMs: null, limit: 1000 });
          seenByFirst = events.filter((e) => e.requestId === `${p}r${i}`).length;
        }
      }),
    );
    assert.equal(seenByFirst, 1, 'the first request answered finds its event in Neo4j');
    assert.equal(await count(), 300);
    assert.equal(trail.stats.events, 300);
    assert.ok(trail.stats.commits < 30, `${trail.stats.commits} commits for 300 requests`);
    assert.equal(trail.stats.failures, 0);
  });

  it('rejects the requests of a commit that cannot be written, with a retriable error', async () => {
    const unreachable = createDatabase(testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_TIMEOUT_MS: '200' }).neo4j);
    try {
      const trail = new AuditTrail(unreachable, { timeoutMs: 1000 });
      const results = await Promise.allSettled([trail.append([event(1)]), trail.append([event(2)])]);
      for (const r of results) {
        assert.equal(r.status, 'rejected');
        assert.ok(r.reason instanceof UpstreamError && r.reason.retriable && r.reason.httpStatus === 503, String(r.reason));
      }
      assert.equal(trail.stats.events, 0);
      await trail.flush(); // nothing kept for later
    } finally {
      await unreachable.close();
    }
  });
});
