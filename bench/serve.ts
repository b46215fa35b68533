/**
 * Score serving as a lender's approval path would see it: `creditgraph serve` runs as its own process
 * (compiled JavaScript, rate limit raised), and a separate load process (bench/serve-load.ts, autocannon)
 * drives GET /v1/entities/:id/score with random ids of the whole network for 30 s at 1 and at 16
 * connections, then POST /v1/scores with 1,000 random ids. Prints requests/s, p50, p99, max and the
 * non-2xx count of each, and the first score's latency after start-up.
 *
 * The network: the m sample (100k entities, 1M payments) under the id prefix `m-`, generated and loaded
 * when missing; a metrics run is made when none is in service (or with --refresh).
 *
 *   npm run bench:serve [-- --size m --seed 1 --prefix m- --duration 30 --refresh]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { createApiKey, deleteApiKey } from '../src/db/api-key-repository.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { ms, prepareNetwork, runLoadProcess, startApi } from './serve-harness.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'm' },
    seed: { type: 'string', default: '1' },
    prefix: { type: 'string', default: 'm-' },
    duration: { type: 'string', default: '30' },
    port: { type: 'string', default: '8091' },
    refresh: { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size!)) throw new Error('--size must be s, m or l');
const size = values.size;
const prefix = values.prefix!;
const config = configFromEnvironment();
const rt = await openRuntime(config);
const work = join(PROJECT_ROOT, '.local', 'bench', `serve-${size}-${values.seed}`);
mkdirSync(work, { recursive: true });

// 1. the network (reused when its entities are there) and a run in service
const { ids, idsFile, runId } = await prepareNetwork(rt.db, config, {
  size, seed: Number(values.seed), prefix, work, scope: config.scoring.servingScope, refresh: values.refresh!,
});
console.log(`network: ${ids.length} entities under "${prefix}"; run in service ${runId}`);
const key = await createApiKey(rt.db, 'lender', 'bench-serve', new Date());

// 2. the API as its own process
const { api, url, readyAfterMs: readyAfter } = await startApi(Number(values.port), {});
const t0 = performance.now();
const first = await fetch(`${url}/v1/entities/${encodeURIComponent(ids[0]!)}/score`, { headers: { authorization: `Bearer ${key.key}`, 'x-purpose': 'testing' } });
const firstMs = performance.now() - t0;
await first.text();

// 3. the load, from a separate process
async function load(options: object): Promise<Record<string, number>> {
  return runLoadProcess<Record<string, number>>('serve-load.ts', { url, key: key.key, idsFile, seed: 7, ...options });
}
const duration = Number(values.duration);
const rows: Array<[string, Record<string, number>]> = [];
try {
  rows.push(['GET score, 1 connection', await load({ mode: 'single', connections: 1, durationS: duration })]);
  rows.push(['GET score, 16 connections', await load({ mode: 'single', connections: 16, durationS: duration })]);
  rows.push(['POST 1,000 ids, 1 connection', await load({ mode: 'batch', connections: 1, amount: 50, batchSize: 1000 })]);
} finally {
  api.kill('SIGTERM');
  await deleteApiKey(rt.db, key.id);
  await rt.close();
}
console.log(`\nAPI ready (warmed up) ${ms(readyAfter)} after start; first score ${firstMs.toFixed(1)} ms (HTTP ${first.status})`);
console.log('load                          requests/s      p50      p99      max   non-2xx  errors');
for (const [label, r] of rows)
  console.log(
    `${label.padEnd(29)} ${r.rps!.toFixed(0).padStart(10)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${`${r.max} ms`.padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.errors! + r.timeouts!).padStart(7)}`,
  );
