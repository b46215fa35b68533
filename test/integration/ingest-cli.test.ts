/** `creditgraph ingest` as a user runs it: summary, rejects file, exit codes, --strict. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countIngested, deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { MALFORMED_PAYMENTS, MALFORMED_REJECTED_LINES } from '../fixtures/ingest/malformed-payments.js';
import { runCli } from '../helpers/cli.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

describe('creditgraph ingest (CLI)', function () {
  this.timeout(180000);
  let runtime: Runtime;
  let dir: string;
  const p = uniquePrefix('ingest-cli');
  const strictPrefix = uniquePrefix('ingest-cli-strict');

  before(async () => {
    runtime = await openTestRuntime();
    dir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
    writeFileSync(join(dir, 'payments.csv'), MALFORMED_PAYMENTS);
  });
  after(async () => {
    for (const prefix of [p, strictPrefix]) await deleteByPrefix(runtime.db, prefix);
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the good rows, writes the rejects file and exits 2', async () => {
    const rejects = join(dir, 'rejects.ndjson');
    const r = await runCli([
      'ingest',
      'payments',
      join(dir, 'payments.csv'),
      '--id-prefix',
      p,
      '--rejects',
      rejects,
    ]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /loaded with rejects: 11 rows, 3 loaded/);
    assert.match(r.stdout, /payments\.csv:3: amount: "12,5x" is not a decimal/);
    const lines = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).line);
    assert.deepEqual(
      lines.sort((a, b) => a - b),
      MALFORMED_REJECTED_LINES,
    );
    assert.equal((await countIngested(runtime.db, p)).paid, 3);
  });

  it('with --strict writes nothing and exits 2', async () => {
    const r = await runCli([
      'ingest',
      'payments',
      join(dir, 'payments.csv'),
      '--id-prefix',
      strictPrefix,
      '--strict',
      '--rejects',
      join(dir, 's.ndjson'),
    ]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /REJECTED \(strict: nothing written\)/);
    assert.equal((await countIngested(runtime.db, strictPrefix)).entities, 0);
  });

  it('refuses an unknown type with exit 1', async () => {
    const r = await runCli(['ingest', 'invoices', join(dir, 'payments.csv')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown type "invoices"/);
  });
});
