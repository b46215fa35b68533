/**
 * Kill-and-rerun benchmark: the acceptance says that killing `creditgraph ingest` in the middle of a
 * file and running it again ends with exactly the graph of an uninterrupted load. This checks it at
 * any size (default m: 100,000 entities, 1,000,000 payments) with the real command:
 *
 *   1. `creditgraph ingest network <dir>` under prefix A, uninterrupted;
 *   2. the same under prefix B, SIGKILLed once its payments progress passes `--kill-at` (default 0.5);
 *   3. `creditgraph ingest network <dir>` under prefix B again;
 *   4. compares A and B: every count and sum, and every PAYS pair by pair (count, totalMinor, first,
 *      last, currency), plus PAYS against the PAID events; then deletes both prefixes (unless --keep).
 *
 *   node --import tsx bench/ingest-kill.ts --size m --seed 1
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import {
  comparePaysByPrefix,
  countIngested,
  countPaysMismatches,
  deleteByPrefix,
} from '../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { isNetworkSize, NETWORK_SIZES } from '../src/ingest/generator/sizes.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { findNetworkFiles } from '../src/use-cases/ingest-network.js';

const BIN = fileURLToPath(new URL('../bin/creditgraph.js', import.meta.url));

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'm' },
    seed: { type: 'string', default: '1' },
    'kill-at': { type: 'string', default: '0.5' },
    keep: { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size)) throw new Error('--size must be s, m or l');
const size = values.size;
const seed = Number(values.seed);
const killAt = Number(values['kill-at']);
if (!(killAt > 0 && killAt < 1)) throw new Error('--kill-at must be a fraction between 0 and 1');
const dir = join(PROJECT_ROOT, '.local', 'bench', `${size}-${seed}`);
const run = Date.now().toString(36);
const prefixA = `killa-${size}-${run}-`;
const prefixB = `killb-${size}-${run}-`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (findNetworkFiles(dir).length === 0 || !existsSync(join(dir, 'flags.csv'))) {
  const t = Date.now();
  await generateNetwork({ size, seed, outDir: dir });
  console.log(`generated ${size} (seed ${seed}) in ${seconds(Date.now() - t)} → ${dir}`);
}

interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
  readonly killedAtRows: number | null;
}

/**
 * Runs `creditgraph ingest network dir --id-prefix prefix` (progress lines every second); with
 * `killAtRows`, SIGKILLs it once a payments progress line reports at least that many rows.
 */
function ingestNetworkCli(prefix: string, killAtRows?: number): Promise<CliRun> {
  const args = ['ingest', 'network', dir, '--id-prefix', prefix, '--progress-interval', '1'];
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let killedAtRows: number | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const rows = Number(/^payments: (\d+) rows/.exec(line)?.[1] ?? Number.NaN);
    if (killAtRows !== undefined && killedAtRows === null && rows >= killAtRows) {
      killedAtRows = rows;
      child.kill('SIGKILL');
      console.log(`  SIGKILL at: ${line}`);
    } else if (/: (loaded|REJECTED)/.test(line)) console.log(`  ${line}`);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started, killedAtRows }));
  });
}

const config = configFromEnvironment();
const runtime = await openRuntime({ ...config, log: { level: 'warn' } });
try {
  const payments = NETWORK_SIZES[size].payments;
  console.log(`A (${prefixA}): uninterrupted load of ${dir}`);
  const a = await ingestNetworkCli(prefixA);
  console.log(`  exit ${a.code} in ${seconds(a.ms)}`);

  console.log(`B (${prefixB}): the same, killed after ${Math.round(killAt * 100)}% of the payments`);
  const killed = await ingestNetworkCli(prefixB, Math.round(payments * killAt));
  const partial = await countIngested(runtime.db, prefixB);
  const batch = config.ingest.batchRows;
  console.log(
    `  ${killed.signal ?? `exit ${killed.code}`} after ${seconds(killed.ms)}: ${partial.paid} of ${payments} payments in the graph ` +
      `(${partial.paid % batch === 0 ? 'whole batches only' : 'NOT a whole number of batches'}, batch ${batch})`,
  );
  console.log('B: run again');
  const rerun = await ingestNetworkCli(prefixB);
  console.log(`  exit ${rerun.code} in ${seconds(rerun.ms)}`);

  const t = Date.now();
  const [countsA, countsB] = [
    await countIngested(runtime.db, prefixA),
    await countIngested(runtime.db, prefixB),
  ];
  const sameCounts = JSON.stringify(countsA) === JSON.stringify(countsB);
  const pairs = await comparePaysByPrefix(runtime.db, prefixA, prefixB);
  const paysA = await countPaysMismatches(runtime.db, prefixA);
  const paysB = await countPaysMismatches(runtime.db, prefixB);
  const samePays = pairs.missing === 0 && pairs.different === 0 && countsA.pays === countsB.pays;
  console.log(`\ncompared in ${seconds(Date.now() - t)}`);
  console.log(`counts A: ${JSON.stringify(countsA)}`);
  console.log(`counts B: ${JSON.stringify(countsB)}`);
  console.log(`counts and sums equal: ${sameCounts ? 'yes' : 'NO'}`);
  console.log(
    `PAYS pair by pair equal: ${samePays ? 'yes' : 'NO'} (${pairs.checked} pairs, ${pairs.missing} missing, ${pairs.different} different)`,
  );
  console.log(
    `PAYS equal to PAID events: A ${paysA.mismatches === 0 ? 'yes' : 'NO'}, B ${paysB.mismatches === 0 ? 'yes' : 'NO'}`,
  );
  const verdict = sameCounts && samePays && paysA.mismatches === 0 && paysB.mismatches === 0;
  console.log(`\nkilled + rerun graph equals the uninterrupted one: ${verdict ? 'EQUAL' : 'NOT EQUAL'}`);
  console.log(
    `timings: uninterrupted ${seconds(a.ms)}; killed run ${seconds(killed.ms)} + rerun ${seconds(rerun.ms)}`,
  );
  if (!verdict) process.exitCode = 1;
} finally {
  if (!values.keep) {
    const t = Date.now();
    for (const p of [prefixA, prefixB]) await deleteByPrefix(runtime.db, p);
    console.log(`deleted ${prefixA}* and ${prefixB}* in ${seconds(Date.now() - t)}`);
  } else console.log(`kept ${prefixA}* and ${prefixB}*`);
  await runtime.close();
}
