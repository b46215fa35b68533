/**
 * Resilience: with Neo4j unreachable, a score request answers 503 with Retry-After within 2 s (never hangs).
 */
import assert from 'node:assert/strict';
import { createApp } from '../../src/api/create-app.js';
import { listen, type RunningServer } from '../../src/api/server.js';
import { createDatabase } from '../../src/db/driver.js';
import { createRedis } from '../../src/queue/connection.js';
import { setLogLevel } from '../../src/logging/logger.js';
import { testConfig } from '../helpers/runtime.js';

describe('API /v1 scores when Neo4j is unreachable', () => {
  let server: RunningServer;
  const config = testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_TIMEOUT_MS: '300' });
  const db = createDatabase(config.neo4j);
  const redis = createRedis(config.redis);
  before(async () => {
    setLogLevel('silent');
    server = await listen(createApp({ config, db, redis }), '127.0.0.1', 0, 1000);
  });
  after(async () => {
    await server.close();
    await Promise.allSettled([db.close(), redis.quit()]);
  });

  for (const [method, path, body] of [
    ['GET', '/v1/entities/E-1/score', undefined],
    ['POST', '/v1/scores', JSON.stringify({ ids: ['E-1', 'E-2'] })],
  ] as const) {
    it(`${method} ${path} answers 503 with Retry-After in under 2 s`, async () => {
      const started = performance.now();
      const res = await fetch(server.url + path, {
        method,
        body,
        headers: {
          authorization: 'Bearer cg_000000000000_notarealsecret',
          'content-type': 'application/json',
        },
      });
      const elapsed = performance.now() - started;
      assert.equal(res.status, 503);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
    });
  }
});
