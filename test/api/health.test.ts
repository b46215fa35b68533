import assert from 'node:assert/strict';
import { createApp } from '../../src/api/create-app.js';
import { listen, type RunningServer } from '../../src/api/server.js';
import { createDatabase } from '../../src/db/driver.js';
import { createRedis } from '../../src/queue/connection.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testConfig } from '../helpers/runtime.js';

describe('health, readiness and errors', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('GET /healthz answers while the process is up', async () => {
    const res = await fetch(`${app.url}/healthz`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'ok');
  });

  it('GET /readyz is 200 when Neo4j and Redis answer', async () => {
    const res = await fetch(`${app.url}/readyz`);
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.deepEqual(body.failed, []);
  });

  it('unknown routes answer problem+json with a code and the request id', async () => {
    const res = await fetch(`${app.url}/nope`, { headers: { 'x-request-id': 'req-123' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = await res.json();
    assert.equal(body.code, 'route_not_found');
    assert.equal(body.requestId, 'req-123');
    assert.equal(res.headers.get('x-request-id'), 'req-123');
  });
});

describe('readiness with a dead Neo4j', () => {
  let server: RunningServer;
  const config = testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_TIMEOUT_MS: '500' });
  const db = createDatabase(config.neo4j);
  const redis = createRedis(config.redis);
  before(async () => {
    server = await listen(createApp({ config, db, redis }), '127.0.0.1', 0, 1000);
  });
  after(async () => {
    await server.close();
    await db.close();
    redis.disconnect();
  });

  // how soon it answers is measured by `npm run bench:resilience`
  it('GET /readyz is 503 naming neo4j, with Redis still ok', async () => {
    const res = await fetch(`${server.url}/readyz`);
    const body = await res.json();
    assert.equal(res.status, 503);
    assert.deepEqual(body.failed, ['neo4j']);
    assert.equal(body.checks.redis.ok, true);
    assert.ok(res.headers.get('retry-after'));
    // a reason code and a short message, never the driver's error naming the host and port
    assert.equal(body.checks.neo4j.code, 'neo4j_unreachable');
    assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1|:1\b|ECONNREFUSED|bolt:/);
  });
});

describe('Prometheus metrics', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('GET /metrics exposes request latency by route', async () => {
    await fetch(`${app.url}/healthz`);
    const res = await fetch(`${app.url}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /creditgraph_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    assert.match(text, /creditgraph_process_cpu_user_seconds_total/);
  });
});
