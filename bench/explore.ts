/**
 * Exploration benchmark: the depth-2 ego network around the highest-degree entity, over HTTP against the
 * real app (in-process, port 0) and Neo4j. Loads a generated network under a private prefix first
 * (deleted afterwards unless --keep), or uses one already loaded with --prefix. Prints p50 / p95 / max.
 *
 *   npx tsx bench/explore.ts --size s            # generate + load s, measure, delete
 *   npx tsx bench/explore.ts --size m --keep     # the acceptance figure (< 300 ms), keeps the load
 *   npx tsx bench/explore.ts --prefix bench-x-   # measure on a network already loaded under bench-x-
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/api/create-app.js';
import { listen } from '../src/api/server.js';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { createApiKey, deleteApiKey } from '../src/db/api-key-repository.js';
import { findHighestDegreeEntity } from '../src/db/explore-repository.js';
import { deleteByPrefix } from '../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { openRuntime, type Runtime } from '../src/runtime/runtime.js';
import { ingestRules } from '../src/use-cases/ingest-file.js';
import { findNetworkFiles, ingestNetwork } from '../src/use-cases/ingest-network.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    seed: { type: 'string', default: '1' },
    prefix: { type: 'string' },
    depth: { type: 'string', default: '2' },
    limit: { type: 'string', default: '200' },
    requests: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});

async function load(runtime: Runtime): Promise<string> {
  if (values.prefix !== undefined) return values.prefix;
  if (!isNetworkSize(values.size)) throw new Error('--size must be s, m or l');
  const dir = join(PROJECT_ROOT, '.local', 'bench', `${values.size}-${values.seed}`);
  if (findNetworkFiles(dir).length === 0 || !existsSync(join(dir, 'flags.csv'))) {
    await generateNetwork({ size: values.size, seed: Number(values.seed), outDir: dir });
  }
  const prefix = `bench-explore-${values.size}-${Date.now().toString(36)}-`;
  const t = Date.now();
  await ingestNetwork(runtime.db, dir, { ...ingestRules(runtime.config), idPrefix: prefix, batchRows: runtime.config.ingest.batchRows });
  console.log(`loaded ${values.size} (seed ${values.seed}) under ${prefix} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return prefix;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

const config = configFromEnvironment();
const runtime = await openRuntime({ ...config, log: { level: 'warn' }, http: { ...config.http, rateLimitPerMinute: 1_000_000 } });
const prefix = await load(runtime);
const key = await createApiKey(runtime.db, 'analyst', 'bench-explore', new Date());
const server = await listen(createApp({ config: runtime.config, db: runtime.db, redis: runtime.redis }), '127.0.0.1', 0, 2000);
try {
  const hub = await findHighestDegreeEntity(runtime.db, prefix);
  if (!hub) throw new Error(`no entity under prefix ${JSON.stringify(prefix)}`);
  const url = `${server.url}/v1/entities/${encodeURIComponent(hub.id)}/network?depth=${values.depth}&limit=${values.limit}`;
  const call = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${key.key}`, 'x-purpose': 'testing' } });
    const body = (await res.json()) as { nodes: unknown[]; edges: unknown[]; attributes: { cut: { nodes: number; edges: number } } };
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  let last;
  for (let i = 0; i < Number(values.requests); i++) {
    last = await call();
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`ego network depth ${values.depth}, cap ${values.limit}, around ${hub.id} (degree ${hub.degree})`);
  console.log(`  answer: ${last?.body.nodes.length} nodes, ${last?.body.edges.length} edges, cut ${JSON.stringify(last?.body.attributes.cut)}`);
  console.log(`  ${times.length} requests over HTTP: p50 ${f(percentile(times, 0.5))}, p95 ${f(percentile(times, 0.95))}, max ${f(times.at(-1) ?? NaN)}`);
  console.log(`  target < 300 ms (m network): ${percentile(times, 0.95) < 300 ? 'met' : 'NOT met'} at p95`);
} finally {
  await server.close();
  await deleteApiKey(runtime.db, key.id);
  if (values.prefix === undefined && !values.keep) {
    await deleteByPrefix(runtime.db, prefix);
    console.log(`deleted ${prefix}*`);
  } else if (values.prefix === undefined) console.log(`kept under prefix ${prefix} (re-run with --prefix ${prefix})`);
  await runtime.close();
}
