/**
 * Ingest against the real Neo4j: the s network loaded twice is unchanged the second time (PAYS equal
 * to the PAID events), malformed files load their good rows only, --strict writes nothing, missing
 * payers become minimal entities. Every test loads under its own id prefix and deletes only that.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countIngested, countPaysMismatches } from '../../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../../src/ingest/generator/generate-network.js';
import { addBatchHook, type BatchEvent } from '../../src/use-cases/ingest-batch-loader.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { ingestNetwork } from '../../src/use-cases/ingest-network.js';
import {
  MALFORMED_GOOD_MINOR,
  MALFORMED_PAYMENTS,
  MALFORMED_REJECTED_LINES,
} from '../fixtures/ingest/malformed-payments.js';
import { useIngestContext } from '../helpers/ingest-context.js';

describe('ingest (Neo4j)', function () {
  this.timeout(600000);
  const ctx = useIngestContext('ingest');
  const { prefix } = ctx;

  it('loads the s network twice with identical counts and PAYS equal to the PAID events', async () => {
    const p = prefix('ingest-s');
    const net = await generateNetwork({ size: 's', seed: 3, outDir: join(ctx.dir, 's') });
    const touched = new Set<string>();
    const first = await ingestNetwork(ctx.runtime.db, net.dir, {
      ...ingestRules(ctx.runtime.config),
      idPrefix: p,
      onBatch: (e) => e.touchedEntityIds.forEach((id) => touched.add(id)),
    });
    assert.ok(
      first.every((s) => s.rejected === 0),
      JSON.stringify(first.map((s) => s.firstErrors)),
    );
    const once = await countIngested(ctx.runtime.db, p);
    const rows = Object.fromEntries(net.files.map((f) => [f.type, f.rows]));
    assert.equal(once.entities, 2000);
    assert.equal(once.minimalEntities, 0);
    assert.equal(once.paid, rows.payments);
    assert.equal(once.paysCount, rows.payments);
    assert.equal(once.paysMinor, once.paidMinor);
    assert.equal(once.loans, rows.loans);
    assert.equal(once.flags, rows.flags);
    assert.equal(once.supplies, rows.supplies);
    assert.equal(touched.size, 2000, 'the after-batch hook saw every entity');

    const second = await ingestNetwork(ctx.runtime.db, net.dir, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    assert.equal(second.find((s) => s.type === 'payments')?.written, 0, 'no payment is new the second time');
    assert.deepEqual(await countIngested(ctx.runtime.db, p), once);
    assert.deepEqual(await countPaysMismatches(ctx.runtime.db, p), { checked: once.pays, mismatches: 0 });

    // three concurrent writers (payments partitioned by payer, entities by id) load the same graph
    const q = prefix('ingest-s3');
    const parallel = await ingestNetwork(ctx.runtime.db, net.dir, { ...ingestRules(ctx.runtime.config), idPrefix: q, writers: 3, batchRows: 500 });
    assert.ok(parallel.every((s) => s.rejected === 0));
    assert.equal(parallel.find((s) => s.type === 'payments')?.written, rows.payments);
    assert.deepEqual(await countIngested(ctx.runtime.db, q), once);
    assert.deepEqual(await countPaysMismatches(ctx.runtime.db, q), { checked: once.pays, mismatches: 0 });
  });

  it('loads the good rows of a malformed file, rejecting every bad row with its line', async () => {
    const p = prefix('ingest-bad');
    const file = join(ctx.dir, 'payments.csv');
    writeFileSync(file, MALFORMED_PAYMENTS);
    const rejectsPath = join(ctx.dir, 'bad.rejects.ndjson');
    const summary = await ingestFile(ctx.runtime.db, 'payments', file, {
      ...ingestRules(ctx.runtime.config),
      idPrefix: p,
      rejectsPath,
      batchRows: 2,
    });
    assert.equal(summary.loaded, 3);
    assert.equal(summary.repeats, 1);
    assert.equal(summary.rejected, MALFORMED_REJECTED_LINES.length);
    assert.ok(
      summary.firstErrors.includes('payments.csv:3: amount: "12,5x" is not a decimal'),
      summary.firstErrors.join('\n'),
    );
    const rejects = readFileSync(rejectsPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      rejects.map((r) => r.line).sort((a, b) => a - b),
      MALFORMED_REJECTED_LINES,
    );
    assert.deepEqual(rejects.find((r) => r.line === 3)?.row?.amount, '12,5x');
    const counts = await countIngested(ctx.runtime.db, p);
    assert.equal(counts.paid, 3);
    assert.equal(counts.paidMinor, MALFORMED_GOOD_MINOR);
    assert.equal(counts.paysMinor, MALFORMED_GOOD_MINOR);
    assert.equal(counts.minimalEntities, 3, 'E1, E2, E3 were created as minimal entities');
  });

  it('with strict, rejects the malformed file at its first bad row and writes nothing', async () => {
    const p = prefix('ingest-strict');
    const file = join(ctx.dir, 'strict.csv');
    writeFileSync(file, MALFORMED_PAYMENTS);
    const summary = await ingestFile(ctx.runtime.db, 'payments', file, {
      ...ingestRules(ctx.runtime.config),
      idPrefix: p,
      strict: true,
      rejectsPath: null,
    });
    assert.equal(summary.strictFailed, true);
    assert.equal(summary.loaded, 0);
    assert.deepEqual(summary.firstErrors, ['strict.csv:3: amount: "12,5x" is not a decimal']);
    assert.equal((await countIngested(ctx.runtime.db, p)).entities, 0);
  });

  it('rejects a payment id reloaded with other values and leaves the stored one unchanged', async () => {
    const p = prefix('ingest-conflict');
    const a = join(ctx.dir, 'a.ndjson');
    const b = join(ctx.dir, 'b.ndjson');
    writeFileSync(
      a,
      '{"id":"P1","payer":"A","payee":"B","amount":"10.00","currency":"EUR","at":"2024-05-01T09:00:00Z"}\n',
    );
    writeFileSync(
      b,
      '{"id":"P1","payer":"A","payee":"B","amount":"11.00","currency":"EUR","at":"2024-05-01T09:00:00Z"}\n',
    );
    await ingestFile(ctx.runtime.db, 'payments', a, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    const summary = await ingestFile(ctx.runtime.db, 'payments', b, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    assert.equal(summary.rejected, 1);
    assert.match(
      summary.firstErrors[0] ?? '',
      /b\.ndjson:1: id: payment .* already exists in the graph with different values/,
    );
    assert.equal((await countIngested(ctx.runtime.db, p)).paysMinor, 1000);
  });

  it('replaces a minimal entity when its entity record arrives', async () => {
    const p = prefix('ingest-minimal');
    const pay = join(ctx.dir, 'm-payments.csv');
    const ent = join(ctx.dir, 'm-entities.csv');
    writeFileSync(pay, 'id,payer,payee,amount,currency,at\nP1,A,B,5.00,USD,2024-01-01\n');
    writeFileSync(ent, 'id,kind,sector,region,openedAt\nA,business,retail,R1,2020-01-01\n');
    const events: BatchEvent[] = [];
    const remove = addBatchHook((e) => void events.push(e));
    try {
      await ingestFile(ctx.runtime.db, 'payments', pay, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    } finally {
      remove();
    }
    assert.deepEqual(events, [
      { type: 'payments', rows: 1, written: 1, touchedEntityIds: [`${p}A`, `${p}B`] },
    ]);
    assert.equal((await countIngested(ctx.runtime.db, p)).minimalEntities, 2);
    await ingestFile(ctx.runtime.db, 'entities', ent, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    assert.equal((await countIngested(ctx.runtime.db, p)).minimalEntities, 1);
  });
});
