/**
 * Degrade, don't fail: the real app against the shared Neo4j and a private redis-server (port 6392) that
 * the test stops and starts. While Redis is down, scores and exploration answer 200 (the rate limit is
 * counted per process and still enforced), /readyz is 200 `degraded` naming Redis, and the routes that
 * queue or read jobs answer 503 problem+json with Retry-After; once Redis is back, everything answers
 * again without a restart. The same when Redis stops answering without going away (a TCP proxy in front
 * of it stalls every connection): calls are bounded, so nothing hangs. How soon the 503 comes is measured
 * by `npm run bench:resilience`.
 */
import assert from 'node:assert/strict';
import { createApp } from '../../src/api/create-app.js';
import { listen, type RunningServer } from '../../src/api/server.js';
import { deleteAuditEventsOfKey } from '../../src/db/audit-repository.js';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { pollUntil } from '../helpers/poll.js';
import { privateRedis } from '../helpers/private-redis.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { testConfig, uniquePrefix } from '../helpers/runtime.js';
import { loadScoreFixture } from '../helpers/score-fixture.js';

const REDIS_PORT = 6392;

describe('API when Redis goes down and comes back (private redis-server)', function () {
  this.timeout(120_000);
  const redis = privateRedis(REDIS_PORT);
  const p = uniquePrefix('redis-outage');
  let app: TestApp;
  let limited: RunningServer | undefined;
  const purpose = { 'x-purpose': 'testing' };

  before(async () => {
    await redis.start();
    // functional checks: a cold first score read on a busy machine may pass the default deadline
    app = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: p.slice(0, -1), SCORE_TIMEOUT_MS: '10000' });
    await loadScoreFixture(app.runtime.db, p);
  });
  after(async () => {
    await limited?.close();
    await redis.stop();
    if (!app) return;
    await deleteByPrefix(app.runtime.db, p);
    for (const key of Object.values(app.keys)) await deleteAuditEventsOfKey(app.runtime.db, key.split('_')[1]!);
    await app.close();
  });

  const readiness = async () => {
    const res = await fetch(`${app.url}/readyz`);
    return { status: res.status, body: await res.json() };
  };

  /** Scores (one and a batch) and an ego network: 200 whether Redis answers or not. */
  async function assertServing(): Promise<void> {
    const one = await app.request(`/v1/entities/${p}good/score`, { role: 'lender', headers: purpose });
    assert.equal(one.status, 200, await one.clone().text());
    assert.ok((await one.json()).score >= 350);
    const batch = await app.request('/v1/scores', { role: 'lender', method: 'POST', headers: purpose, body: JSON.stringify({ ids: [`${p}good`, `${p}risky`] }) });
    assert.equal(batch.status, 200, await batch.clone().text());
    assert.deepEqual((await batch.json()).results.map((r: { status: string }) => r.status), ['ok', 'ok']);
    const network = await app.request(`/v1/entities/${p}good/network?depth=1`, { role: 'analyst', headers: purpose });
    assert.equal(network.status, 200, await network.clone().text());
  }

  /** A 503 problem+json `redis_unavailable` with Retry-After, naming no host or port. */
  async function assertRedisUnavailable(res: Response): Promise<void> {
    const text = await res.text();
    assert.equal(res.status, 503, text);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal(JSON.parse(text).code, 'redis_unavailable');
    assert.doesNotMatch(text, new RegExp(`${REDIS_PORT}|127\\.0\\.0\\.1|ECONNREFUSED`));
  }

  /** An app over the same runtime with a limit of 2 a minute: 5 calls meet a 429 with Retry-After. */
  async function assertRateLimited(): Promise<void> {
    const config = testConfig({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '2', SCORE_TIMEOUT_MS: '10000' });
    limited = await listen(createApp({ config, db: app.runtime.db, redis: app.runtime.redis }), '127.0.0.1', 0, 2000);
    const statuses: number[] = [];
    // 5 calls at 2 a minute: even split by a minute boundary, one window sees a third call
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${limited.url}/v1/entities/${p}good/score`, { headers: { authorization: `Bearer ${app.keys.lender}`, ...purpose } });
      statuses.push(res.status);
      if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) > 0);
      await res.arrayBuffer();
    }
    assert.ok(statuses.includes(429), statuses.join(','));
    assert.deepEqual(statuses.slice(0, 2), [200, 200]);
    assert.ok(statuses.every((s) => s === 200 || s === 429), statuses.join(','));
    await limited.close();
    limited = undefined;
  }

  it('with Redis up: ready, scores answer, a metrics run is queued', async () => {
    const ready = await readiness();
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.status, 'ready');
    assert.equal(ready.body.rateLimit, 'redis');
    await assertServing();
    const run = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: p }) });
    assert.equal(run.status, 202, await run.clone().text());
    await assertRateLimited(); // counted in Redis
  });

  it('with Redis down: scores and exploration answer 200, /readyz is degraded, queueing answers 503', async () => {
    await redis.stop();
    const degraded = await pollUntil('readyz degraded', async () => {
      const r = await readiness();
      return r.body.status === 'degraded' ? r : undefined;
    });
    assert.equal(degraded.status, 200, 'degraded still serves');
    assert.deepEqual(degraded.body.failed, []);
    assert.deepEqual(degraded.body.degraded, ['redis']);
    assert.equal(degraded.body.checks.redis.ok, false);
    assert.match(degraded.body.checks.redis.code, /^redis_(unreachable|timeout)$/);
    assert.match(degraded.body.checks.redis.error, /rate limits are counted per process/);
    assert.equal(degraded.body.rateLimit, 'process');
    assert.doesNotMatch(JSON.stringify(degraded.body), new RegExp(`${REDIS_PORT}|127\\.0\\.0\\.1|ECONNREFUSED`));

    await assertServing();

    await assertRedisUnavailable(await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: p }) }));
    await assertRedisUnavailable(
      await app.request(`/v1/imports?type=payments&format=csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'id,payer,payee,amount,currency,at\n',
      }),
    );
    await assertRedisUnavailable(await app.request('/v1/jobs/no-such-job', { role: 'analyst' }));
    await assertRedisUnavailable(await app.request('/v1/imports/imp-none'));
  });

  it('with Redis down: the per-key rate limit is still enforced, per process', async () => {
    await assertRateLimited();
  });

  it('with Redis back: ready again and jobs are queued, without a restart', async () => {
    await redis.start();
    const ready = await pollUntil('readyz ready', async () => {
      const r = await readiness();
      return r.body.status === 'ready' ? r : undefined;
    });
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body.degraded, []);
    const run = await pollUntil('a metrics run is queued', async () => {
      const res = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: p }) });
      return res.status === 202 ? res : undefined;
    });
    const { jobId } = await run.json();
    const job = await app.request(`/v1/jobs/${encodeURIComponent(jobId)}`, { role: 'analyst' });
    assert.equal(job.status, 200, await job.clone().text());
    await assertServing();
    assert.equal((await readiness()).body.rateLimit, 'redis');
  });
});

describe('API when Redis stops answering (stalled behind a TCP proxy)', function () {
  this.timeout(120_000);
  const redis = privateRedis(REDIS_PORT);
  const p = uniquePrefix('redis-stall');
  let proxy: TcpProxy;
  let app: TestApp;

  before(async () => {
    await redis.start();
    proxy = await startTcpProxy('127.0.0.1', REDIS_PORT);
    app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, QUEUE_PREFIX: p.slice(0, -1), SCORE_TIMEOUT_MS: '10000' });
  });
  after(async () => {
    proxy?.setMode('pass');
    await app?.close();
    await proxy?.close();
    await redis.stop();
  });

  it('scores answer, queueing answers 503, /readyz is degraded; all again once Redis answers', async () => {
    const score = () => app.request(`/v1/entities/${p}none/score`, { role: 'lender', headers: { 'x-purpose': 'testing' } });
    assert.equal((await score()).status, 404); // the key looked up and the connection opened while Redis answers
    proxy.setMode('stall');
    try {
      assert.equal((await score()).status, 404, 'the rate limit falls back to the process: the score route answers');
      const run = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: p }) });
      const problem = await run.json();
      assert.equal(run.status, 503, JSON.stringify(problem));
      assert.equal(problem.code, 'redis_unavailable');
      assert.ok(Number(run.headers.get('retry-after')) > 0);
      const ready = await fetch(`${app.url}/readyz`);
      const body = await ready.json();
      assert.equal(ready.status, 200, JSON.stringify(body));
      assert.equal(body.status, 'degraded');
      assert.equal(body.checks.redis.code, 'redis_timeout');
    } finally {
      proxy.setMode('pass');
    }
    const back = await pollUntil('readyz ready', async () => {
      const body = await (await fetch(`${app.url}/readyz`)).json();
      return body.status === 'ready' ? body : undefined;
    });
    assert.equal(back.rateLimit, 'redis');
    const run = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: p }) });
    assert.equal(run.status, 202, await run.clone().text());
  });
});
