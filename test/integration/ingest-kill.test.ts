/**
 * Killing `creditgraph ingest` in the middle of a file and running it again ends with exactly the graph
 * of an uninterrupted load (batches are whole transactions; re-running skips what is there).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countIngested, countPaysMismatches, deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../../src/ingest/generator/generate-network.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { startCli, waitForExit } from '../helpers/cli.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

describe('ingest killed mid-file', function () {
  this.timeout(600000);
  let runtime: Runtime;
  let dir: string;
  const whole = uniquePrefix('ingest-whole');
  const killed = uniquePrefix('ingest-killed');

  before(async () => {
    runtime = await openTestRuntime();
    dir = mkdtempSync(join(tmpdir(), 'cg-kill-'));
  });
  after(async () => {
    for (const p of [whole, killed]) await deleteByPrefix(runtime.db, p);
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-running after SIGKILL gives the same graph as one uninterrupted load', async () => {
    const net = await generateNetwork({ size: 's', seed: 9, outDir: dir });
    const payments = join(dir, 'payments.csv');
    const entities = join(dir, 'entities.csv');
    for (const p of [whole, killed]) await ingestFile(runtime.db, 'entities', entities, { ...ingestRules(runtime.config), idPrefix: p });
    await ingestFile(runtime.db, 'payments', payments, { ...ingestRules(runtime.config), idPrefix: whole });

    const batch = 200;
    const args = [
      'ingest',
      'payments',
      payments,
      '--id-prefix',
      killed,
      '--batch',
      String(batch),
      '--progress-interval',
      '0',
      '--rejects',
      join(dir, 'r.ndjson'),
    ];
    const { child } = await startCli(args, /payments: [1-9]\d* rows/);
    child.kill('SIGKILL');
    await waitForExit(child);
    const partial = await countIngested(runtime.db, killed);
    const total = net.files.find((f) => f.type === 'payments')?.rows ?? 0;
    assert.ok(partial.paid > 0 && partial.paid < total, `killed after ${partial.paid} of ${total} payments`);
    assert.equal(partial.paid % batch, 0, 'only whole batches were written');

    const rerun = await ingestFile(runtime.db, 'payments', payments, { ...ingestRules(runtime.config), idPrefix: killed, batchRows: 1000 });
    assert.equal(rerun.written, total - partial.paid);
    const a = await countIngested(runtime.db, whole);
    const b = await countIngested(runtime.db, killed);
    assert.deepEqual(b, a);
    assert.equal((await countPaysMismatches(runtime.db, killed)).mismatches, 0);
  });
});
