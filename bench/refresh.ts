/**
 * Full-refresh benchmark against Neo4j: makes sure the generated network is loaded, runs a full refresh
 * as its own process (`creditgraph refresh --inline`, the compiled CLI: run `npm run build` first) and
 * prints each stage's time, the total and the refresh process's peak RSS (VmHWM, sampled from /proc);
 * then the same PageRank and Louvain on the graph the refresh read, timed here and with python-igraph
 * on the same edge list, as ratios.
 *
 *   npm run bench:refresh -- --size s|m|l [--seed N] [--uri bolt://…] [--keep] [--no-igraph]
 *
 * Without `--uri` it starts a Neo4j of its own (scripts/services.sh with CREDITGRAPH_LOCAL_DIR
 * .local/bench-refresh-<size> on BENCH_NEO4J_PORT, default 7694) and stops it at the end unless `--keep`.
 * An empty database is first loaded with the network through the driver (`ingest network`'s code path,
 * no prefix); a database that already holds entities (the bulk importer filled it, or an earlier run) is
 * refreshed as it is. Run it alone on the machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareGraph } from '../src/analytics/analytics-pipeline.js';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { readGraphSnapshot } from '../src/db/snapshot-repository.js';
import { countIngested } from '../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { ingestRules } from '../src/use-cases/ingest-file.js';
import { findNetworkFiles, ingestNetwork } from '../src/use-cases/ingest-network.js';
import { compareWithIgraph, timeOurs } from './igraph.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    seed: { type: 'string', default: '1' },
    uri: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-igraph': { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size)) throw new Error('--size must be s, m or l');
const size = values.size;
const seed = Number(values.seed);
const cli = join(PROJECT_ROOT, 'bin', 'creditgraph.js');
if (!existsSync(join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build` first: the refresh runs the compiled CLI');

/** Starts (or reuses) the benchmark's own Neo4j; returns its environment. */
function startPrivateNeo4j(): Record<string, string> {
  const dir = join(PROJECT_ROOT, '.local', `bench-refresh-${size}`);
  const port = process.env.BENCH_NEO4J_PORT ?? '7694';
  const env: NodeJS.ProcessEnv = { ...process.env, CREDITGRAPH_LOCAL_DIR: dir, NEO4J_BOLT_PORT: port };
  delete env.NEO4J_URI;
  const out = execFileSync('bash', [join(PROJECT_ROOT, 'scripts', 'services.sh'), 'start'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const vars = Object.fromEntries(out.trim().split('\n').map((l) => l.split('=', 2) as [string, string]));
  return { CREDITGRAPH_LOCAL_DIR: dir, NEO4J_BOLT_PORT: port, ...vars };
}

const own = values.uri ? null : startPrivateNeo4j();
const neo4jEnv: Record<string, string> = own ?? { NEO4J_URI: values.uri! };
Object.assign(process.env, neo4jEnv);
const config = configFromEnvironment();
console.log(`Neo4j ${config.neo4j.uri}${own ? ' (the benchmark\'s own)' : ''}`);

let runtime = await openRuntime({ ...config, log: { level: 'warn' } });
try {
  let counts = await countIngested(runtime.db, '');
  if (counts.entities === 0) {
    const dir = join(PROJECT_ROOT, '.local', 'bench', `${size}-${seed}`);
    if (findNetworkFiles(dir).length === 0) await generateNetwork({ size, seed, outDir: dir });
    const t = Date.now();
    const summaries = await ingestNetwork(runtime.db, dir, { ...ingestRules(config), batchRows: config.ingest.batchRows });
    const payments = summaries.find((s) => s.type === 'payments');
    console.log(`loaded ${dir} through the driver in ${((Date.now() - t) / 1000).toFixed(1)} s (payments ${payments?.rowsPerSecond ?? 0} rows/s)`);
    counts = await countIngested(runtime.db, '');
  }
  console.log(`graph: ${JSON.stringify(counts)}`);
} finally {
  await runtime.close();
}

/** Runs the refresh in a process of its own; returns its output, wall time and peak RSS. */
async function refreshProcess(): Promise<{ stdout: string; seconds: number; peakRssMb: number }> {
  const t = performance.now();
  const child = spawn(process.execPath, [cli, 'refresh', '--inline'], { env: { ...process.env, ...neo4jEnv, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  let peakKb = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      // the process is gone
    }
  };
  const sampler = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`creditgraph refresh --inline exited with ${code}:\n${stdout}`);
  return { stdout, seconds: (performance.now() - t) / 1000, peakRssMb: peakKb / 1024 };
}

const run = await refreshProcess();
const stagesLine = run.stdout.split('\n').find((l) => l.trim().startsWith('stages:')) ?? '';
const stages = [...stagesLine.matchAll(/([a-z-]+) ([\d.]+) s/g)].map((m) => ({ stage: m[1]!, seconds: Number(m[2]) }));
console.log(`\nfull refresh (creditgraph refresh --inline, a process of its own):`);
for (const s of stages) console.log(`  ${s.stage.padEnd(12)} ${s.seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${'stages'.padEnd(12)} ${stages.reduce((a, s) => a + s.seconds, 0).toFixed(1).padStart(7)} s`);
console.log(`  ${'total'.padEnd(12)} ${run.seconds.toFixed(1).padStart(7)} s (process start to exit)`);
console.log(`  peak RSS ${Math.round(run.peakRssMb)} MB (VmHWM of the refresh process)`);
const countsLine = run.stdout.split('\n').find((l) => l.trim().startsWith('counts:'));
if (countsLine) console.log(`  ${countsLine.trim()}`);

if (!values['no-igraph']) {
  runtime = await openRuntime({ ...configFromEnvironment(), log: { level: 'warn' } });
  try {
    const snapshot = await readGraphSnapshot(runtime.db, { idPrefix: '', maxIdentifierShare: config.metrics.identifierMaxGroup, asOfMs: Date.now() });
    const graph = prepareGraph(snapshot);
    console.log(`\nthe refresh's graph: ${snapshot.ids.length.toLocaleString()} entities, ${graph.directed.outTargets.length.toLocaleString()} directed pairs`);
    compareWithIgraph(graph, timeOurs(graph));
  } finally {
    await runtime.close();
  }
}

if (own && !values.keep) execFileSync('bash', [join(PROJECT_ROOT, 'scripts', 'services.sh'), 'stop'], { env: { ...process.env, ...own }, stdio: 'inherit' });
