/** Scores over HTTP: the real app in-process, real Neo4j and Redis, a small hand-built graph. */
import assert from 'node:assert/strict';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { loadScoreFixture } from '../helpers/score-fixture.js';

describe('API /v1 scores', () => {
  let app: TestApp;
  const p = uniquePrefix('score-api');
  before(async () => {
    app = await startTestApp({ SCORE_TIMEOUT_MS: '10000' }); // functional checks; the deadline has its own test
    await loadScoreFixture(app.runtime.db, p);
  });
  after(async () => {
    await deleteByPrefix(app.runtime.db, p);
    await app.close();
  });

  it('scores an entity with band, PD, five dimensions, reasons, limit and provenance', async () => {
    const res = await app.request(`/v1/entities/${p}risky/score`, {
      role: 'lender',
      headers: { 'x-purpose': 'credit_decision' },
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.ok(body.score >= 350 && body.score <= 950);
    assert.ok(body.pd > 0 && body.pd < 1);
    assert.match(body.band, /^[A-E]$/);
    assert.equal(body.dimensions.length, 5);
    assert.ok(body.reasons.length >= 1 && body.reasons.length <= 4);
    assert.equal(typeof body.limit.amount, 'number');
    assert.equal(body.modelVersion, 'expert-1.0.0');
    assert.equal(body.fraudRisk, null, 'no fraud model configured');
    assert.deepEqual(body.fraudReasons, []);
    assert.equal(typeof body.stale, 'boolean');
    assert.ok(Date.parse(body.asOf) > 0);
    const codes = body.reasons.map((r: { code: string }) => r.code);
    assert.ok(codes.includes('LOAN_DEFAULTED'), codes.join(','));
  });

  it('ranks the clean entity above the one with a default and adverse reports', async () => {
    const good = await (await app.request(`/v1/entities/${p}good/score`, { role: 'analyst' })).json();
    const risky = await (await app.request(`/v1/entities/${p}risky/score`, { role: 'analyst' })).json();
    assert.ok(good.score > risky.score, `${good.score} vs ${risky.score}`);
    assert.ok(good.limit.amount > 0);
  });

  it('uses only facts before asOf (point in time)', async () => {
    const early = await (
      await app.request(`/v1/entities/${p}risky/score?asOf=2024-01-01T00:00:00Z`, { role: 'lender' })
    ).json();
    assert.ok(!early.reasons.some((r: { code: string }) => r.code === 'LOAN_DEFAULTED'));
    assert.equal(early.asOf, '2024-01-01T00:00:00.000Z');
  });

  it('answers 401 without a key, 403 for admin, 404 for an unknown entity, 400 naming a bad field', async () => {
    assert.equal((await app.request(`/v1/entities/${p}good/score`, { role: 'none' })).status, 401);
    assert.equal((await app.request(`/v1/entities/${p}good/score`, { role: 'admin' })).status, 403);
    const missing = await app.request(`/v1/entities/${p}nobody/score`, { role: 'lender' });
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    const bad = await app.request(`/v1/entities/${p}good/score?asOf=yesterday`, { role: 'lender' });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).errors[0].field, 'query.asOf');
  });

  it('GET /v1/entities/:id returns the profile with counts', async () => {
    const res = await app.request(`/v1/entities/${p}risky`, { role: 'lender' });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.id, `${p}risky`);
    assert.equal(body.counts.loans, 2);
    assert.equal((await app.request(`/v1/entities/${p}nobody`, { role: 'lender' })).status, 404);
  });

  it('scores a batch, reporting unknown ids per id', async () => {
    const ids = [`${p}good`, `${p}nobody`, `${p}risky`];
    const res = await app.request('/v1/scores', {
      role: 'lender',
      method: 'POST',
      body: JSON.stringify({ ids }),
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(
      body.results.map((r: { id: string; status: string }) => [r.id, r.status]),
      [
        [`${p}good`, 'ok'],
        [`${p}nobody`, 'not_found'],
        [`${p}risky`, 'ok'],
      ],
    );
    assert.deepEqual(body.counts, { ok: 2, notFound: 1 });
    const tooMany = await app.request('/v1/scores', {
      role: 'lender',
      method: 'POST',
      body: JSON.stringify({ ids: Array.from({ length: 1001 }, (_, i) => `x${i}`) }),
    });
    assert.equal(tooMany.status, 400);
    assert.equal((await tooMany.json()).errors[0].field, 'body.ids');
  });

  it('audits every lookup (key, entity, time, purpose) and shows it to admins only', async () => {
    const before = Date.now();
    await app.request(`/v1/entities/${p}good/score`, {
      role: 'lender',
      headers: { 'x-purpose': 'account_review' },
    });
    assert.equal((await app.request(`/v1/entities/${p}nobody/score`, { role: 'lender' })).status, 404);
    const after = Date.now();
    assert.equal((await app.request('/v1/audit', { role: 'lender' })).status, 403);
    const res = await app.request(`/v1/audit?entityId=${encodeURIComponent(`${p}good`)}&limit=50`, {
      role: 'admin',
    });
    assert.equal(res.status, 200);
    const { events } = await res.json();
    const mine = events.find((e: { purpose: string }) => e.purpose === 'account_review');
    assert.ok(mine, 'the audited request is listed');
    assert.equal(mine.entityId, `${p}good`);
    assert.equal(mine.role, 'lender');
    assert.equal(mine.status, 200);
    const at = Date.parse(mine.at);
    assert.ok(
      at >= before && at <= after,
      `audited at ${mine.at}, requested between ${new Date(before).toISOString()} and ${new Date(after).toISOString()}`,
    );
    const unknown = await (
      await app.request(`/v1/audit?entityId=${encodeURIComponent(`${p}nobody`)}`, { role: 'admin' })
    ).json();
    assert.ok(unknown.events.some((e: { status: number }) => e.status === 404));
  });

  it('serves /openapi.json covering the score routes, and /docs', async () => {
    const doc = await (await app.request('/openapi.json', { role: 'none' })).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/v1/entities/{id}', '/v1/entities/{id}/score', '/v1/scores', '/v1/audit'])
      assert.ok(doc.paths[path], path);
    assert.ok(doc.paths['/v1/scores'].post.requestBody);
    const docs = await app.request('/docs', { role: 'none' });
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/);
    assert.equal((await app.request('/docs/assets/swagger-ui-bundle.js', { role: 'none' })).status, 200);
  });
});
