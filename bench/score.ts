/**
 * Score latency and batch throughput over HTTP: the real app in-process (port 0) against the real Neo4j,
 * scoring entities of the loaded network. Prints p50/p95/p99 of GET /v1/entities/:id/score (sequential and
 * with concurrency) and the throughput of POST /v1/scores batches.
 *
 *   npx tsx bench/score.ts [--prefix otc-] [--requests 500] [--concurrency 8] [--batch 1000]
 * Needs a loaded network, e.g. `creditgraph ingest ratings ../shared/data/bitcoin-otc/soc-sign-bitcoinotc.csv.gz --id-prefix otc-`.
 */
import { parseArgs } from 'node:util';
import { searchEntities } from '../src/db/explore-repository.js';
import { startTestApp } from '../test/helpers/app.js';

const { values } = parseArgs({
  options: {
    prefix: { type: 'string', default: 'otc-' },
    requests: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '1000' },
  },
});

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summary(label: string, ms: number[], wallMs: number): void {
  const s = [...ms].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(34)} n=${String(s.length).padStart(5)}  p50 ${f(quantile(s, 0.5))} ms  p95 ${f(quantile(s, 0.95))} ms  p99 ${f(quantile(s, 0.99))} ms  ${(s.length / (wallMs / 1000)).toFixed(0)} req/s`,
  );
}

const app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'silent' });
try {
  const ids = (await searchEntities(app.runtime.db, values.prefix!, 5000)).map((e) => e.id);
  if (ids.length === 0) throw new Error(`no entities with prefix "${values.prefix}"; load a network first`);
  const n = Number(values.requests);
  const pick = (i: number) => ids[(i * 7919) % ids.length]!;
  const one = async (i: number) => {
    const t = performance.now();
    const res = await app.request(`/v1/entities/${encodeURIComponent(pick(i))}/score`, {
      role: 'lender',
      headers: { 'x-purpose': 'testing' },
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await one(i); // warm-up
  console.log(
    `scoring entities with prefix "${values.prefix}" (${ids.length} sampled); model and run as served`,
  );
  let t0 = performance.now();
  const seq: number[] = [];
  for (let i = 0; i < n; i++) seq.push(await one(i));
  summary('GET score, sequential', seq, performance.now() - t0);

  const c = Number(values.concurrency);
  const conc: number[] = [];
  t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) conc.push(await one(next++));
    }),
  );
  summary(`GET score, concurrency ${c}`, conc, performance.now() - t0);

  const size = Math.min(Number(values.batch), ids.length);
  const batches: number[] = [];
  t0 = performance.now();
  for (let b = 0; b < 5; b++) {
    const body = JSON.stringify({ ids: Array.from({ length: size }, (_, i) => pick(b * size + i)) });
    const t = performance.now();
    const res = await app.request('/v1/scores', { role: 'lender', method: 'POST', body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`batch status ${res.status}`);
    batches.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  summary(`POST /v1/scores (${size} ids)`, batches, total);
  console.log(`batch throughput: ${((5 * size) / (total / 1000)).toFixed(0)} entities/s`);
} finally {
  await app.close();
}
