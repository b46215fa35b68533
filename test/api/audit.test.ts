/**
 * The audit misses nothing: every read of entity data states an allowed purpose, and every entity an
 * answer names is in the trail before the answer arrives (read straight from Neo4j, no flush); a trail
 * that cannot be written fails the request (503) instead of answering unaudited; GET /v1/audit filters
 * by entity, key and time, newest first, page by page. Real app, Neo4j and Redis; the audit's own
 * failure comes from a real driver whose connection to Neo4j a TCP proxy cuts.
 */
import assert from 'node:assert/strict';
import type { Role } from '../../src/auth/api-key.js';
import { deleteAuditEventsOfKey, listAuditEvents, type AuditEvent } from '../../src/db/audit-repository.js';
import { createDatabase } from '../../src/db/driver.js';
import { AuditTrail } from '../../src/use-cases/score-audit.js';
import { exploreGraph, exploreRuns } from '../fixtures/explore-graph.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createFixtureGraph, createFixtureRun, deleteFixtureGraph } from '../helpers/explore-fixture-repository.js';
import { testConfig, uniquePrefix } from '../helpers/runtime.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

describe('API audit: every read of entity data, durable before the answer', () => {
  let app: TestApp;
  const p = uniquePrefix('audit');
  const run = `${p}run-2`;
  let seq = 0;
  /** A GET as `role` with its own request id; answers the body and that id. */
  const read = async (path: string, role: Role = 'analyst', purpose = 'fraud_investigation') => {
    const requestId = `${p}req-${++seq}`;
    const res = await app.request(path, { role, purpose, headers: { 'x-request-id': requestId } });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return { body: await res.json(), requestId };
  };
  /** The events of one request, straight from Neo4j (no flush: they must be there already). */
  const eventsOf = async (requestId: string, entityIds: readonly string[]): Promise<Map<string, AuditEvent>> => {
    const out = new Map<string, AuditEvent>();
    for (const entityId of new Set(entityIds)) {
      const { events } = await listAuditEvents(app.runtime.db, { keyId: null, entityId, fromMs: null, toMs: null, limit: 1000 });
      const mine = events.filter((e) => e.requestId === requestId);
      assert.equal(mine.length, 1, `${entityId}: one event of request ${requestId}`);
      out.set(entityId, mine[0]!);
    }
    return out;
  };

  before(async () => {
    app = await startTestApp();
    await createFixtureGraph(app.runtime.db, exploreGraph(p));
    for (const r of exploreRuns(p)) await createFixtureRun(app.runtime.db, r);
  });
  after(async () => {
    await deleteFixtureGraph(app.runtime.db, p);
    await app.close();
  });

  it('audits every id of a batch, the unknown ones with 404, before answering', async () => {
    const ids = [`${p}hub`, `${p}a1`, `${p}nobody`, `${p}hub`];
    const requestId = `${p}batch`;
    const res = await app.request('/v1/scores', { role: 'lender', purpose: 'credit_decision', method: 'POST', body: JSON.stringify({ ids }), headers: { 'x-request-id': requestId } });
    assert.equal(res.status, 200);
    const events = await eventsOf(requestId, ids);
    assert.deepEqual([...events.values()].map((e) => [e.entityId.slice(p.length), e.status, e.kind, e.role, e.purpose, e.route]), [
      ['hub', 200, 'score', 'lender', 'credit_decision', 'POST /v1/scores'],
      ['a1', 200, 'score', 'lender', 'credit_decision', 'POST /v1/scores'],
      ['nobody', 404, 'score', 'lender', 'credit_decision', 'POST /v1/scores'],
    ]);
  });

  it('audits every entity that a search, a community, a ring, the ring list, the alerts and the signals name', async () => {
    const search = await read(`/v1/entities?search=${p}b`);
    assert.ok(search.body.items.length >= 3);
    await eventsOf(search.requestId, search.body.items.map((e: { id: string }) => e.id));

    for (const path of [`/v1/communities/1?runId=${run}`, `/v1/rings/cycle-1?runId=${run}`]) {
      const graph = await read(path);
      const entities = graph.body.nodes.filter((n: { attributes: { kind: string } }) => n.attributes.kind !== 'identifier').map((n: { key: string }) => n.key);
      assert.ok(entities.length >= 3, path);
      const events = await eventsOf(graph.requestId, entities);
      assert.ok([...events.values()].every((e) => e.kind === (path.includes('ring') ? 'ring' : 'community')));
    }

    const rings = await read(`/v1/rings?runId=${run}`);
    const members = rings.body.items.flatMap((r: { members: string[] }) => r.members);
    assert.ok(members.length >= 5);
    await eventsOf(rings.requestId, members);

    const alerts = await read(`/v1/alerts?runId=${run}`);
    assert.ok(alerts.body.items.length >= 1);
    await eventsOf(alerts.requestId, alerts.body.items.map((a: { entity: string }) => a.entity));

    const signals = await read(`/v1/metrics/entities/${p}hub`, 'lender', 'account_review');
    const [event] = (await eventsOf(signals.requestId, [`${p}hub`])).values();
    assert.deepEqual([event!.kind, event!.role, event!.purpose], ['signals', 'lender', 'account_review']);
  });

  it('refuses every read of entity data without an allowed X-Purpose: 400 naming the header and the allowed values', async () => {
    const reads: Array<[string, Role, RequestInit?]> = [
      [`/v1/entities/${p}hub`, 'lender'],
      [`/v1/entities/${p}hub/score`, 'lender'],
      ['/v1/scores', 'lender', { method: 'POST', body: JSON.stringify({ ids: [`${p}hub`] }) }],
      [`/v1/metrics/entities/${p}hub`, 'lender'],
      [`/v1/entities/${p}hub/network`, 'analyst'],
      [`/v1/paths?from=${p}hub&to=${p}b1`, 'analyst'],
      [`/v1/entities?search=${p}`, 'analyst'],
      [`/v1/communities?runId=${run}`, 'analyst'],
      [`/v1/communities/1?runId=${run}`, 'analyst'],
      [`/v1/rings?runId=${run}`, 'analyst'],
      [`/v1/rings/cycle-1?runId=${run}`, 'analyst'],
      [`/v1/alerts?runId=${run}`, 'analyst'],
      ['/v1/monitoring/alerts', 'analyst'],
      ['/v1/monitoring/loans', 'analyst'],
      [`/v1/loans/${p}L1/monitoring`, 'analyst'],
    ];
    for (const [path, role, init] of reads) {
      for (const purpose of [null, 'marketing']) {
        const res = await app.request(path, { ...init, role, purpose });
        assert.equal(res.status, 400, `${path} with purpose ${purpose}`);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        const body = await res.json();
        assert.equal(body.errors[0].field, 'header.x-purpose', path);
        assert.match(body.detail, /X-Purpose.*credit_decision, account_review, fraud_investigation, monitoring, testing/, path);
      }
    }
  });

  it('GET /v1/audit: admins only, filters by entity, key and time, newest first, page by page', async () => {
    const from = new Date().toISOString();
    for (let i = 0; i < 5; i++) await read(`/v1/entities/${p}a3/score`, 'lender', 'credit_decision');
    await read(`/v1/entities/${p}a3/score`, 'analyst', 'account_review');
    const lenderKey = app.keys.lender.split('_')[1]!;
    assert.equal((await app.request('/v1/audit', { role: 'analyst' })).status, 403);
    const pages: AuditEvent[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const q = new URLSearchParams({ entityId: `${p}a3`, keyId: lenderKey, from, limit: '2', ...(cursor ? { cursor } : {}) });
      const res = await app.request(`/v1/audit?${q}`, { role: 'admin' });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { events: AuditEvent[]; next: string | null };
      pages.push(body.events);
      cursor = body.next;
      assert.ok(pages.length <= 3);
    }
    const all = pages.flat();
    assert.deepEqual(pages.map((pg) => pg.length), [2, 2, 1]);
    assert.equal(new Set(all.map((e) => e.id)).size, 5, 'no event twice across pages');
    assert.ok(all.every((e) => e.keyId === lenderKey && e.entityId === `${p}a3` && e.kind === 'score'));
    const times = all.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await (await app.request(`/v1/audit?entityId=${p}a3&from=${encodeURIComponent(future)}`, { role: 'admin' })).json();
    assert.deepEqual(none.events, []);
    const bad = await app.request('/v1/audit?cursor=yesterday', { role: 'admin' });
    assert.equal(bad.status, 400);
  });

  it('fails the request (503) when its audit cannot be written, and answers again once it can', async () => {
    const target = new URL(testConfig().neo4j.uri);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 7687));
    const auditDb = createDatabase(testConfig({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`, NEO4J_CONNECT_TIMEOUT_MS: '300' }).neo4j);
    const audit = new AuditTrail(auditDb, { timeoutMs: 1000 });
    const broken = await startTestApp({}, undefined, { audit });
    try {
      const path = `/v1/entities/${p}hub/score`;
      proxy.setMode('down');
      const res = await broken.request(path, { role: 'lender', purpose: 'credit_decision' });
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      const body = await res.json();
      assert.equal(body.score, undefined, 'no score without its audit');
      assert.match(body.detail, /audit/);
      proxy.setMode('pass');
      const again = await broken.request(path, { role: 'lender', purpose: 'credit_decision' });
      assert.equal(again.status, 200);
      assert.equal((await again.json()).entityId, `${p}hub`);
    } finally {
      proxy.setMode('pass');
      for (const key of Object.values(broken.keys)) await deleteAuditEventsOfKey(app.runtime.db, key.split('_')[1] ?? '');
      await broken.close();
      await auditDb.close();
      await proxy.close();
    }
  });
});
