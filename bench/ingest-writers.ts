/**
 * Concurrent ingest writers compared on the same rows, in one run: for each writer count given, loads
 * the m network's 100,000 entities and its first `--payments` payments (default 100,000) under a fresh
 * prefix, and prints entities/s and payments/s; deletes what it loaded.
 *
 *   npx tsx bench/ingest-writers.ts [--payments N] 1 2
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { configFromEnvironment, PROJECT_ROOT } from '../src/config/index.js';
import { deleteByPrefix } from '../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../src/ingest/generator/generate-network.js';
import { openRuntime } from '../src/runtime/runtime.js';
import { ingestFile, ingestRules } from '../src/use-cases/ingest-file.js';

const { values, positionals } = parseArgs({ options: { payments: { type: 'string', default: '100000' } }, allowPositionals: true });
const variants = (positionals.length ? positionals : ['1', '2']).map(Number);
const netDir = join(PROJECT_ROOT, '.local', 'bench', 'm-1');
if (!existsSync(join(netDir, 'payments.csv'))) await generateNetwork({ size: 'm', seed: 1, outDir: netDir });
const dir = join(PROJECT_ROOT, '.local', 'bench', `writers-${values.payments}`);
const payments = join(dir, 'payments.csv');
if (!existsSync(payments)) {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(payments);
  let n = -1;
  for await (const line of createInterface({ input: createReadStream(join(netDir, 'payments.csv')) })) {
    if (n++ >= Number(values.payments)) break;
    out.write(`${line}\n`);
  }
  await new Promise((resolve) => out.end(resolve));
}

const config = configFromEnvironment();
const rt = await openRuntime({ ...config, log: { level: 'warn' } });
const tag = Date.now().toString(36);
try {
  for (const [i, writers] of variants.entries()) {
    const p = `bw${tag}${i}-`;
    const rules = { ...ingestRules(config), writers, idPrefix: p, batchRows: config.ingest.batchRows };
    const e = await ingestFile(rt.db, 'entities', join(netDir, 'entities.csv'), rules);
    const s = await ingestFile(rt.db, 'payments', payments, rules);
    console.log(`writers ${writers}: entities ${e.rowsPerSecond} rows/s (${(e.elapsedMs / 1000).toFixed(1)} s), payments ${s.rowsPerSecond} rows/s (${(s.elapsedMs / 1000).toFixed(1)} s, ${s.written} new, observers ${(s.observersMs / 1000).toFixed(1)} s)`);
    await deleteByPrefix(rt.db, p);
  }
} finally {
  await rt.close();
}
