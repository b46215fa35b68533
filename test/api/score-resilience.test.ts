/**
 * Resilience: when Neo4j stops answering or goes away, a score request answers 503 problem+json with
 * Retry-After rather than hanging (when nothing answers, from the score's own deadline, SCORE_TIMEOUT_MS),
 * and scores answer again once Neo4j is back, without a restart. Neo4j is put behind a TCP proxy (test/helpers/tcp-proxy.ts)
 * that the test stalls or cuts; the shared server is never touched. The API key is looked up while Neo4j
 * answers (and then cached), so the 503 comes from the score read, not the key lookup. How soon the 503
 * comes is measured by `npm run bench:resilience`.
 */
import assert from 'node:assert/strict';
import { startTcpProxy, type ProxyMode, type TcpProxy } from '../helpers/tcp-proxy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testConfig } from '../helpers/runtime.js';

describe('API /v1 scores when Neo4j stops answering or goes away', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  before(async () => {
    const target = new URL(testConfig().neo4j.uri);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 7687));
    app = await startTestApp({
      NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
      NEO4J_CONNECT_TIMEOUT_MS: '300',
    });
    // connections through the proxy opened and the key cached while Neo4j answers
    for (const { path, init } of requests) await assertAnswers(path, init);
  });
  after(async () => {
    proxy?.setMode('pass');
    await app?.close();
    await proxy?.close();
  });

  const requests = [
    { name: 'GET /v1/entities/:id/score', path: '/v1/entities/t-resilience-none/score', init: {} },
    {
      name: 'POST /v1/scores',
      path: '/v1/scores',
      init: { method: 'POST', body: JSON.stringify({ ids: ['t-resilience-none', 't-resilience-none-2'] }) },
    },
  ] as const;

  /** The answer while Neo4j answers: the unknown entity is reported as such (404 or not_found in a batch). */
  async function assertAnswers(path: string, init: RequestInit): Promise<void> {
    const res = await app.request(path, { ...init, role: 'lender' });
    const body = await res.json();
    if (path === '/v1/scores') {
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.deepEqual(
        body.results.map((r: { status: string }) => r.status),
        ['not_found', 'not_found'],
      );
    } else {
      assert.equal(res.status, 404, JSON.stringify(body));
    }
  }

  for (const mode of ['stall', 'down'] as const satisfies readonly ProxyMode[]) {
    for (const { name, path, init } of requests) {
      const what =
        mode === 'stall'
          ? "stops answering → 503 from the score's deadline"
          : 'goes away → 503 from the score read (the connection is cut)';
      it(`${name}: Neo4j ${what}, then answers again`, async () => {
        await assertAnswers(path, init); // key looked up and cached while Neo4j answers
        proxy.setMode(mode);
        try {
          const res = await app.request(path, { ...init, role: 'lender' });
          assert.equal(res.status, 503);
          assert.ok(Number(res.headers.get('retry-after')) > 0);
          assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
          const body = await res.json();
          assert.equal(body.code, 'neo4j_unavailable');
          assert.doesNotMatch(body.detail, /API key/);
          if (mode === 'stall') {
            // nothing answers, so only the score's own deadline can end the request
            const within = `score read\\) did not answer within ${app.runtime.config.scoring.timeoutMs} ms`;
            assert.match(body.detail, new RegExp(within));
          } else {
            // a cut connection fails the read at once, or at the deadline on a slow machine
            assert.match(body.detail, /Neo4j is unavailable|score read\) did not answer/);
          }
        } finally {
          proxy.setMode('pass');
        }
        await assertAnswers(path, init);
      });
    }
  }

  it('a flood of unknown keys does not evict a known key from the key cache', async () => {
    await assertAnswers(requests[0].path, requests[0].init); // the lender key known and cached
    // a few hundred random keys over HTTP (each one looked up in Neo4j once); that the unknown part is
    // bounded and evicts only unknown keys is shown on the cache itself (test/unit/auth/key-cache.test.ts)
    const random = Array.from({ length: 300 }, (_, i) => `cg_flood${i}_${Math.random().toString(36).slice(2)}`);
    for (let i = 0; i < random.length; i += 10) {
      const statuses = await Promise.all(
        random.slice(i, i + 10).map(async (key) => {
          const res = await fetch(`${app.url}${requests[0].path}`, { headers: { authorization: `Bearer ${key}` } });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      assert.deepEqual([...new Set(statuses)], [401]);
    }
    proxy.setMode('down');
    try {
      // Neo4j gone: only a cached answer can authenticate, so the known key still being known shows it was
      // not evicted (the score read itself then fails: 503, not 401)
      const res = await app.request(requests[0].path, { role: 'lender' });
      assert.equal(res.status, 503, await res.text());
      // the latest unknown keys are remembered too: 401 without asking Neo4j
      const unknown = await fetch(`${app.url}${requests[0].path}`, { headers: { authorization: `Bearer ${random[random.length - 1]}` } });
      assert.equal(unknown.status, 401);
    } finally {
      proxy.setMode('pass');
    }
  });
});
