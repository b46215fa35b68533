/**
 * Ingest benchmark: generates a network (`--size s|m|l`, `--seed N`), loads it twice under a private id
 * prefix, and prints rows/s per file, peak RSS, and the idempotency check (counts and PAYS totals equal
 * after the second load, PAYS consistent with PAID). Deletes what it loaded unless `--keep`.
 *
 *   npx tsx bench/ingest.ts --size m --seed 1
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { countIngested, countPaysMismatches, deleteByPrefix } from '../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { isNetworkSize } from '../src/ingest/generator/sizes.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { ingestRules } from '../src/use-cases/ingest-file.js';
import { findNetworkFiles, ingestNetwork } from '../src/use-cases/ingest-network.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
if (!isNetworkSize(values.size)) throw new Error('--size must be s, m or l');
const size = values.size;
const seed = Number(values.seed);
const dir = join(PROJECT_ROOT, '.local', 'bench', `${size}-${seed}`);
const prefix = `bench-${size}-${Date.now().toString(36)}-`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

if (findNetworkFiles(dir).length === 0 || !existsSync(join(dir, 'flags.csv'))) {
  const t = Date.now();
  await generateNetwork({ size, seed, outDir: dir });
  console.log(`generated ${size} (seed ${seed}) in ${((Date.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}

const config = configFromEnvironment();
const runtime = await openRuntime({ ...config, log: { level: 'warn' } });
try {
  const runs = [];
  for (const pass of [1, 2]) {
    const t = Date.now();
    const summaries = await ingestNetwork(runtime.db, dir, {
      ...ingestRules(config),
      idPrefix: prefix,
      batchRows: config.ingest.batchRows,
    });
    const seconds = (Date.now() - t) / 1000;
    console.log(`\npass ${pass}: ${seconds.toFixed(1)} s`);
    for (const s of summaries) {
      console.log(
        `  ${s.type.padEnd(12)} ${String(s.rows).padStart(9)} rows  ${String(s.rowsPerSecond).padStart(7)} rows/s  new ${s.written}  rejected ${s.rejected}  observers ${(s.observersMs / 1000).toFixed(1)} s`,
      );
    }
    runs.push(await countIngested(runtime.db, prefix));
  }
  const [once, twice] = runs;
  const same = JSON.stringify(once) === JSON.stringify(twice);
  const pays = await countPaysMismatches(runtime.db, prefix);
  console.log(`\ncounts after pass 1: ${JSON.stringify(once)}`);
  console.log(`idempotent (identical counts and PAYS totals after pass 2): ${same ? 'yes' : 'NO'}`);
  console.log(
    `PAYS equal to PAID events: ${pays.mismatches === 0 ? 'yes' : 'NO'} (${pays.checked} PAYS checked, ${pays.mismatches} mismatches)`,
  );
  console.log(
    `PAYS total ${once?.paysMinor} cents = PAID total ${once?.paidMinor} cents: ${once?.paysMinor === once?.paidMinor ? 'yes' : 'NO'}`,
  );
  console.log(`peak RSS ${mb(peakRss)}, batch ${config.ingest.batchRows} rows, ${config.ingest.writers} writers (INGEST_WRITERS)`);
  if (!values.keep) {
    await deleteByPrefix(runtime.db, prefix);
    console.log(`deleted ${prefix}*`);
  } else console.log(`kept under prefix ${prefix}`);
} finally {
  clearInterval(sampler);
  await runtime.close();
}
