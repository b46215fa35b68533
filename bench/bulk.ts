/**
 * Bulk first-load benchmark: generates a network (`--size s|m|l`, `--seed N`; under .local/bench), starts a
 * private Neo4j with an empty store (`--local-dir`, default .local/bulk-neo4j; `--port`, default 7691),
 * bulk-loads the network (`ingest network --bulk` in this process) and prints payments/s end to end (files
 * in → Neo4j answering with the verified data), each stage's time, the loader's peak RSS and the importer
 * JVM's. Leaves the data in the private instance's folder and stops it (unless `--keep-running`).
 *
 *   npm run bench:bulk -- --size l
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentWithServices, loadConfig, PROJECT_ROOT } from '../src/config/index.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { localBulkDeps } from '../src/runtime/local-neo4j.js';
import { ingestRules } from '../src/use-cases/ingest-file.js';
import { ingestNetworkBulk } from '../src/use-cases/ingest-bulk.js';
import { findNetworkFiles } from '../src/use-cases/ingest-network.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
    'local-dir': { type: 'string', default: join(PROJECT_ROOT, '.local', 'bulk-neo4j') },
    port: { type: 'string', default: '7691' },
    threads: { type: 'string' },
    memory: { type: 'string' },
    'keep-running': { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size)) throw new Error('--size must be s, m or l');
const size = values.size;
const seed = Number(values.seed);
const dir = resolve(values.data ?? join(PROJECT_ROOT, '.local', 'bench', `${size}-${seed}`));
const localDir = resolve(values['local-dir']);
const port = values.port;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let generated = false;
if (findNetworkFiles(dir).length === 0 || !existsSync(join(dir, 'flags.csv'))) {
  generated = true;
  const t = Date.now();
  await generateNetwork({ size, seed, outDir: dir });
  console.log(`generated ${size} (seed ${seed}) in ${seconds(Date.now() - t)} → ${dir}`);
}

/** scripts/services.sh for the private instance only. */
function services(action: 'start' | 'stop'): void {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CREDITGRAPH_LOCAL_DIR: localDir,
    NEO4J_BOLT_PORT: port,
  };
  delete env.NEO4J_URI;
  const r = spawnSync('bash', [join(PROJECT_ROOT, 'scripts', 'services.sh'), action], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`services.sh ${action} failed: ${r.stderr}`);
}

// a fresh, empty store for the private instance (its folder only; the shared Neo4j is never touched)
services('stop');
rmSync(join(localDir, 'neo4j', 'data'), { recursive: true, force: true });
services('start');

/** Peak RSS of the importer JVM: a java AdminTool process whose arguments name our work folder. */
function importerRss(): number {
  let rss = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('org.neo4j.cli.AdminTool') || !cmd.includes(localDir)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss = Math.max(rss, Number(m[1]) * 1024);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return rss;
}

let loaderPeak = 0;
let importerPeak = 0;
const sampler = setInterval(() => {
  loaderPeak = Math.max(loaderPeak, process.memoryUsage().rss);
  importerPeak = Math.max(importerPeak, importerRss());
}, 500);

const config = loadConfig({
  LOG_LEVEL: 'warn',
  ...environmentWithServices(),
  NEO4J_URI: `bolt://127.0.0.1:${port}`,
});
try {
  const started = Date.now();
  const result = await ingestNetworkBulk(
    dir,
    {
      ...ingestRules(config),
      maxLineBytes: config.ingest.maxLineBytes,
      maxDecompressedBytes: config.ingest.maxDecompressedBytes,
      threads: values.threads === undefined ? undefined : Number(values.threads),
      maxOffHeap: values.memory,
      rejectsPathFor: (path) =>
        join(localDir, 'rejects', `${path.split('/').pop() ?? 'file'}.rejects.ndjson`),
      onFile: (s) =>
        console.log(
          `  ${s.type.padEnd(12)} ${String(s.rows).padStart(9)} rows  ${seconds(s.elapsedMs).padStart(8)}  ${String(s.rowsPerSecond).padStart(7)} rows/s  rejected ${s.rejected}`,
        ),
    },
    localBulkDeps(config, localDir, process.env),
    (stage) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  ${stage}`),
  );
  const elapsed = Date.now() - started;
  const c = result.actual;
  if (!c) throw new Error('nothing imported');
  console.log(
    `\nstages: ${Object.entries(result.stages)
      .map(([k, ms]) => `${k} ${seconds(ms ?? 0)}`)
      .join(', ')}`,
  );
  console.log(`counts checked (graph = files written): ${JSON.stringify(c)}`);
  console.log(
    `PAYS total ${c.paysMinor} = PAID total ${c.paidMinor}: ${c.paysMinor === c.paidMinor ? 'yes' : 'NO'}; ` +
      `PAYS counts ${c.paysCount} = PAID ${c.paid}: ${c.paysCount === c.paid ? 'yes' : 'NO'}`,
  );
  const prepareMs = result.stages.prepare ?? 0;
  console.log(
    `prepare (validate + write importer files): ${Math.round((c.paid * 1000) / prepareMs)} payments/s`,
  );
  console.log(
    `end to end: ${c.paid} payments in ${seconds(elapsed)} = ${Math.round((c.paid * 1000) / elapsed)} payments/s ` +
      `(${c.entities} entities); loader peak RSS ${mb(loaderPeak)} sampled, ${mb(process.resourceUsage().maxRSS * 1024)} ` +
      `process maximum${generated ? ' (includes the generation)' : ''}; importer JVM peak RSS ${mb(importerPeak)}`,
  );
  console.log(`data left in ${localDir} (bolt port ${port})`);
} finally {
  clearInterval(sampler);
  if (!values['keep-running']) services('stop');
}
