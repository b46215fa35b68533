/**
 * How soon the API answers when Neo4j fails, the timing side of test/api/score-resilience.test.ts and of
 * the dead-Neo4j readiness test: the real app in-process against the real Neo4j behind a TCP proxy that
 * stalls (Neo4j stops answering) or cuts (Neo4j goes away) every connection. Prints, for each fault, the
 * time to the 503 of GET /v1/entities/:id/score and POST /v1/scores (p50 and max over --requests), and of
 * GET /readyz with Neo4j unreachable. The target (DESIGN.md): 503 with Retry-After in under 2 s.
 *
 *   npm run bench:resilience -- [--requests 10]
 */
import { createApp } from '../src/api/create-app.js';
import { listen } from '../src/api/server.js';
import { createDatabase } from '../src/db/driver.js';
import { createRedis } from '../src/queue/connection.js';
import { startTestApp } from '../test/helpers/app.js';
import { testConfig } from '../test/helpers/runtime.js';
import { startTcpProxy, type ProxyMode } from '../test/helpers/tcp-proxy.js';

const args = process.argv.slice(2);
const requests = Number(args[args.indexOf('--requests') + 1] ?? 10) || 10;

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)]!;
  return `p50 ${p50.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (n=${ms.length})`;
}

async function timed(run: () => Promise<Response>, expect: number): Promise<number> {
  const t = performance.now();
  const res = await run();
  await res.arrayBuffer();
  if (res.status !== expect) throw new Error(`expected ${expect}, got ${res.status}`);
  return performance.now() - t;
}

const target = new URL(testConfig().neo4j.uri);
const proxy = await startTcpProxy(target.hostname, Number(target.port || 7687));
const app = await startTestApp({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` });
const get = () => app.request('/v1/entities/bench-resilience-none/score', { role: 'lender' });
const post = () =>
  app.request('/v1/scores', {
    method: 'POST',
    role: 'lender',
    body: JSON.stringify({ ids: ['bench-resilience-none'] }),
  });
try {
  await timed(get, 404);
  await timed(post, 200);
  console.log(`SCORE_TIMEOUT_MS ${app.runtime.config.scoring.timeoutMs}, ${requests} requests per line`);
  for (const mode of ['stall', 'down'] as ProxyMode[]) {
    for (const [name, run] of [
      ['GET score', get],
      ['POST scores', post],
    ] as const) {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) {
        proxy.setMode(mode);
        ms.push(await timed(run, 503));
        proxy.setMode('pass');
        await timed(name === 'GET score' ? get : post, name === 'GET score' ? 404 : 200);
      }
      console.log(
        `neo4j ${mode === 'stall' ? 'stalled' : 'gone   '}  ${name.padEnd(12)} 503 after ${summary(ms)}`,
      );
    }
  }
} finally {
  proxy.setMode('pass');
  await app.close();
  await proxy.close();
}

const config = testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_TIMEOUT_MS: '500' });
const db = createDatabase(config.neo4j);
const redis = createRedis(config.redis);
const server = await listen(createApp({ config, db, redis }), '127.0.0.1', 0, 1000);
try {
  const ms: number[] = [];
  for (let i = 0; i < requests; i++) ms.push(await timed(() => fetch(`${server.url}/readyz`), 503));
  console.log(`neo4j refused  GET /readyz   503 after ${summary(ms)}`);
} finally {
  await server.close();
  await db.close();
  redis.disconnect();
}

// Redis: gone (nothing listens) and stalled (a TCP proxy pauses every connection to the shared Redis).
// Scores keep answering (per-process rate limit); queueing answers 503; /readyz answers 200 degraded.
const redisTarget = new URL(testConfig().redis.url);
const redisProxy = await startTcpProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
const prefix = `bench-resilience-${process.pid}`;
for (const fault of ['gone', 'stalled'] as const) {
  const redisApp = await startTestApp({
    REDIS_URL: fault === 'gone' ? 'redis://127.0.0.1:1' : `redis://127.0.0.1:${redisProxy.port}`,
    QUEUE_PREFIX: prefix,
  });
  try {
    await timed(() => redisApp.request('/v1/entities/bench-resilience-none/score', { role: 'lender' }), 404);
    if (fault === 'stalled') redisProxy.setMode('stall');
    const lines: Array<[string, () => Promise<Response>, number]> = [
      ['GET score', () => redisApp.request('/v1/entities/bench-resilience-none/score', { role: 'lender' }), 404],
      ['POST metrics/runs', () => redisApp.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: prefix }) }), 503],
      ['GET /readyz', () => fetch(`${redisApp.url}/readyz`), 200],
    ];
    for (const [name, run, expect] of lines) {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) ms.push(await timed(run, expect));
      console.log(`redis ${fault.padEnd(8)} ${name.padEnd(18)} ${expect} after ${summary(ms)}`);
    }
  } finally {
    redisProxy.setMode('pass');
    await redisApp.close();
  }
}
await redisProxy.close();
