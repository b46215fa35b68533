/**
 * What the serving benchmarks (bench/serve.ts, bench/soak.ts) share: a generated network loaded under an
 * id prefix (reused when its entities are there) with a metrics run in service, the API started as its
 * own process (`creditgraph serve`, compiled JavaScript), and load processes that print JSON lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../src/config/index.js';
import { PROJECT_ROOT } from '../src/config/index.js';
import type { Database } from '../src/db/driver.js';
import { readServingRun } from '../src/db/feature-store-repository.js';
import { searchEntities } from '../src/db/explore-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { NETWORK_SIZES, type NetworkSize } from '../src/ingest/generator/sizes.js';
import { newRunId } from '../src/queue/metrics-producer.js';
import { ingestNetwork } from '../src/use-cases/ingest-network.js';
import { ingestRules } from '../src/use-cases/ingest-file.js';
import { refreshMetrics } from '../src/use-cases/refresh-metrics.js';

export const ms = (t: number): string => `${(t / 1000).toFixed(1)} s`;

export interface NetworkOptions {
  readonly size: NetworkSize;
  readonly seed: number;
  readonly prefix: string;
  /** Folder for the generated files and the ids file. */
  readonly work: string;
  /** The scope of the metrics run ('' = the whole graph). */
  readonly scope: string;
  /** Make a new metrics run even when one is in service. */
  readonly refresh: boolean;
}

/** Loads the network when missing, makes a run when none serves `scope`; returns the ids and the ids file. */
export async function prepareNetwork(db: Database, config: Config, o: NetworkOptions): Promise<{ ids: string[]; idsFile: string; runId: string | undefined }> {
  let ids = (await searchEntities(db, o.prefix, 10_000_000)).map((e) => e.id);
  if (ids.length < NETWORK_SIZES[o.size].entities) {
    let t = performance.now();
    const dir = join(o.work, 'network');
    const today = new Date();
    const endMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    await generateNetwork({ size: o.size, seed: o.seed, outDir: dir, idPrefix: o.prefix, endMs });
    console.log(`generated ${o.size} in ${ms(performance.now() - t)}`);
    t = performance.now();
    await ingestNetwork(db, dir, ingestRules(config));
    console.log(`loaded in ${ms(performance.now() - t)}`);
    ids = (await searchEntities(db, o.prefix, 10_000_000)).map((e) => e.id);
  }
  if (o.refresh || !(await readServingRun(db, o.scope))) {
    const t = performance.now();
    const s = await refreshMetrics(db, config.metrics, { runId: newRunId(new Date()), jobId: 'bench-serve', scope: o.scope });
    console.log(`metrics run ${s.runId} in ${ms(performance.now() - t)} (${s.stages.map((x) => `${x.stage} ${ms(x.ms)}`).join(', ')})`);
  }
  const run = await readServingRun(db, o.scope);
  const idsFile = join(o.work, 'ids.txt');
  writeFileSync(idsFile, ids.join('\n'));
  return { ids, idsFile, runId: run?.id };
}

/**
 * `creditgraph serve --port P` as its own process; resolves once it listens. BENCH_API_NODE_ARGS adds
 * Node options to that process (e.g. `--cpu-prof --cpu-prof-dir=.local/profiles` to profile the API).
 */
export async function startApi(port: number, env: Record<string, string>): Promise<{ api: ChildProcess; url: string; readyAfterMs: number }> {
  const started = performance.now();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'bin/creditgraph.js'), 'serve', '--port', String(port)], {
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    api.stdout!.on('data', (d: Buffer) => /listening/.test(String(d)) && resolve());
    api.once('exit', (code) => reject(new Error(`creditgraph serve exited with ${code}`)));
  });
  api.stdout!.resume();
  return { api, url: `http://127.0.0.1:${port}`, readyAfterMs: performance.now() - started };
}

/** Resident set size of a process in bytes (Linux /proc), or NaN when it cannot be read. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs a load script (`bench/<script>`) as its own process with JSON options; calls `onLine` with every
 * JSON line it prints and resolves with the last one.
 */
export async function runLoadProcess<T>(script: string, options: object, onLine: (row: T) => void = () => {}): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench', script), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  let last: T | undefined;
  child.stdout.on('data', (d: Buffer) => {
    buffered += String(d);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim().startsWith('{'))) {
      last = JSON.parse(line) as T;
      onLine(last);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || last === undefined) throw new Error(`load process ${script} exited with ${code}`);
  return last;
}
