/**
 * Conflicts reported, not absorbed (issue 12.6) against the real Neo4j: a loan or flag id reused for
 * another entity is a rejected row, in one file and against the graph, and the stored record stays
 * where it was; amounts are aggregated per currency (one PAYS per payer, payee and currency, equal to
 * its PAID events); old-shape PAYS are migrated idempotently.
 */
import assert from 'node:assert/strict';
import { countIngested, countPaysMismatches } from '../../src/db/ingest-stats-repository.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { inspectMigrations, runMigrations } from '../../src/use-cases/ingest-migrate.js';
import { createOldShapePayments, listOwners, listPays } from '../helpers/ingest-fixture-repository.js';
import { useIngestContext } from '../helpers/ingest-context.js';

const ms = (iso: string) => Date.parse(iso);

describe('ingest conflicts and currencies (Neo4j)', function () {
  this.timeout(120000);
  const ctx = useIngestContext('conflicts');
  const { prefix, file } = ctx;

  it('rejects a loan id reused for another borrower, in the file and against the graph', async () => {
    const p = prefix('loan-reuse');
    const header = 'id,borrower,amount,currency,openedAt,dueAt,status,closedAt\n';
    const first = await ingestFile(
      ctx.runtime.db,
      'loans',
      file('loans-a.csv', `${header}L1,A,100.00,USD,2024-01-01,2024-06-01,current,\nL1,B,100.00,USD,2024-01-01,2024-06-01,current,\n`),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(first.loaded, 1);
    assert.equal(first.rejected, 1);
    assert.match(first.firstErrors[0] ?? '', /^loans-a\.csv:3: borrower: loan id ".*L1" appears earlier for another borrower/);

    const second = await ingestFile(
      ctx.runtime.db,
      'loans',
      file('loans-b.csv', `${header}L2,B,50.00,USD,2024-01-01,2024-06-01,current,\nL1,B,100.00,USD,2024-01-01,2024-06-01,defaulted,\n`),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(second.rejected, 1);
    assert.equal(second.loaded, 1);
    assert.match(
      second.firstErrors[0] ?? '',
      new RegExp(`^loans-b\\.csv:3: borrower: loan ".*L1" already belongs to "${p}A" in the graph; a loan id cannot move`),
    );
    const third = await ingestFile(
      ctx.runtime.db,
      'loans',
      file('loans-c.csv', `${header}L1,A,100.00,USD,2024-01-01,2024-06-01,repaid,2024-05-01\n`),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(third.rejected, 0);
    // the loan stayed with A, and A's own later record updated it
    assert.deepEqual(
      (await listOwners(ctx.runtime.db, p)).sort((a, b) => a.id.localeCompare(b.id)),
      [
        { kind: 'loan', id: 'L1', owners: ['A'], status: 'repaid', reason: null, lenders: [], lender: null, disbursedAtMs: null },
        { kind: 'loan', id: 'L2', owners: ['B'], status: 'current', reason: null, lenders: [], lender: null, disbursedAtMs: null },
      ],
    );
  });

  it('rejects a flag id reused for another entity, in the file and against the graph', async () => {
    const p = prefix('flag-reuse');
    const header = 'id,entity,reason,at,source\n';
    const first = await ingestFile(
      ctx.runtime.db,
      'flags',
      file('flags-a.csv', `${header}F1,A,fraud,2024-01-01,analyst\nF1,B,fraud,2024-01-01,analyst\nF2,B,mule,2024-01-02,analyst\n`),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(first.rejected, 1);
    assert.match(first.firstErrors[0] ?? '', /flags-a\.csv:3: entity: flag id .* appears earlier for another entity/);
    const second = await ingestFile(
      ctx.runtime.db,
      'flags',
      file('flags-b.ndjson', '{"id":"F2","entity":"C","reason":"mule","at":"2024-01-02","source":"analyst"}\n'),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(second.rejected, 1);
    assert.match(second.firstErrors[0] ?? '', /flags-b\.ndjson:1: entity: flag ".*F2" already belongs to ".*B" in the graph/);
    const owners = await listOwners(ctx.runtime.db, p);
    assert.deepEqual(
      owners.map((o) => [o.id, o.owners]).sort(),
      [
        ['F1', ['A']],
        ['F2', ['B']],
      ],
    );
  });

  it('stores a loan\'s lender (LENT, a minimal entity when new) and disbursedAt; refuses a second lender', async () => {
    const p = prefix('loan-lender');
    const header = 'id,borrower,amount,currency,openedAt,dueAt,status,closedAt,lender,disbursedAt\n';
    const csv = await ingestFile(
      ctx.runtime.db,
      'loans',
      file(
        'lent.csv',
        `${header}L1,A,100.00,USD,2024-01-01,2024-06-01,current,,BANK,2024-01-03T09:30:00Z\n` +
          `L2,B,50.00,USD,2024-01-01,2024-06-01,current,,,\n` +
          `L3,B,50.00,USD,2024-01-01,2024-06-01,current,,B,2023-12-01\n`,
      ),
      { ...ingestRules(ctx.runtime.config), idPrefix: p },
    );
    assert.equal(csv.rejected, 1);
    assert.deepEqual(csv.firstErrors, ['lent.csv:4: lender: is the same entity as borrower; disbursedAt: is before openedAt']);
    const ndjson = await ingestFile(
      ctx.runtime.db,
      'loans',
      file(
        'lent.ndjson',
        '{"id":"L2","borrower":"B","amount":"50.00","currency":"USD","openedAt":"2024-01-01","dueAt":"2024-06-01","status":"late","lender":"BANK2","disbursedAt":"2024-01-02"}\n' +
          '{"id":"L1","borrower":"A","amount":"100.00","currency":"USD","openedAt":"2024-01-01","dueAt":"2024-06-01","status":"late","lender":"BANK2"}\n' +
          '{"id":"L1","borrower":"A","amount":"100.00","currency":"USD","openedAt":"2024-01-01","dueAt":"2024-06-01","status":"late"}\n',
      ),
      { ...ingestRules(ctx.runtime.config), idPrefix: p, batchRows: 1 },
    );
    assert.equal(ndjson.rejected, 2, ndjson.firstErrors.join('\n'));
    assert.match(ndjson.firstErrors.join('\n'), /lent\.ndjson:2: lender: loan ".*L1" was already lent by ".*BANK"; a loan has one lender/);
    assert.match(ndjson.firstErrors.join('\n'), /lent\.ndjson:3: id: ".*L1" appears earlier with different values/);
    const loans = (await listOwners(ctx.runtime.db, p)).sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(
      loans.map(({ id, owners, status, lenders, lender, disbursedAtMs }) => ({ id, owners, status, lenders, lender, disbursedAtMs })),
      [
        { id: 'L1', owners: ['A'], status: 'current', lenders: ['BANK'], lender: 'BANK', disbursedAtMs: ms('2024-01-03T09:30:00Z') },
        { id: 'L2', owners: ['B'], status: 'late', lenders: ['BANK2'], lender: 'BANK2', disbursedAtMs: ms('2024-01-02') },
      ],
    );
    assert.equal((await countIngested(ctx.runtime.db, p)).minimalEntities, 4, 'A, B, BANK and BANK2 are minimal entities');
  });

  it('aggregates PAYS per currency: one per payer, payee and currency, equal to its PAID events', async () => {
    const p = prefix('currencies');
    const summary = await ingestFile(
      ctx.runtime.db,
      'payments',
      file(
        'mixed.csv',
        'id,payer,payee,amount,currency,at\n' +
          'P1,A,B,10.00,USD,2024-01-01T00:00:00Z\n' +
          'P2,A,B,5.50,EUR,2024-01-02T00:00:00Z\n' +
          'P3,A,B,1000,JPY,2024-01-03T00:00:00Z\n' +
          'P4,A,B,2.25,USD,2024-01-04T00:00:00Z\n' +
          'P5,A,B,1.000,KWD,2024-01-05T00:00:00Z\n',
      ),
      { ...ingestRules(ctx.runtime.config), idPrefix: p, batchRows: 2 },
    );
    assert.equal(summary.rejected, 0);
    const pays = await listPays(ctx.runtime.db, p);
    assert.deepEqual(
      pays.map(({ currency, count, totalMinor, total }) => ({ currency, count, totalMinor, total })),
      [
        { currency: 'EUR', count: 1, totalMinor: 550, total: 5.5 },
        { currency: 'JPY', count: 1, totalMinor: 1000, total: 1000 },
        { currency: 'KWD', count: 1, totalMinor: 1000, total: 1 },
        { currency: 'USD', count: 2, totalMinor: 1225, total: 12.25 },
      ],
    );
    const usd = pays.find((r) => r.currency === 'USD');
    assert.equal(usd?.firstMs, ms('2024-01-01T00:00:00Z'));
    assert.equal(usd?.lastMs, ms('2024-01-04T00:00:00Z'));
    for (const row of pays) assert.deepEqual([...row.keys].sort(), ['count', 'currency', 'first', 'last', 'total', 'totalMinor']);
    assert.deepEqual(await countPaysMismatches(ctx.runtime.db, p), { checked: 4, mismatches: 0 });
  });

  it('migrates old-shape PAYS to PAYS per currency, idempotently', async () => {
    const p = prefix('migrate-pays');
    await createOldShapePayments(ctx.runtime.db, p, [
      { id: 'P1', payer: 'A', payee: 'B', amountMinor: 1000, currency: 'USD', atMs: ms('2024-01-01') },
      { id: 'P2', payer: 'A', payee: 'B', amountMinor: 300, currency: 'EUR', atMs: ms('2024-01-02') },
      { id: 'P3', payer: 'A', payee: 'B', amountMinor: 200, currency: 'USD', atMs: ms('2024-01-03') },
      { id: 'P4', payer: 'B', payee: 'C', amountMinor: 700, currency: 'USD', atMs: ms('2024-01-04') },
    ]);
    // the mixed pair breaks the invariant twice: its PAYS is marked mixed, and its EUR events have no PAYS
    assert.equal((await countPaysMismatches(ctx.runtime.db, p)).mismatches, 2);
    assert.deepEqual((await inspectMigrations(ctx.runtime.db, { ...ingestRules(ctx.runtime.config), idPrefix: p })).pays, { oldShape: 2, mixed: 1 });

    const done = await runMigrations(ctx.runtime.db, { ...ingestRules(ctx.runtime.config), idPrefix: p });
    assert.deepEqual(done.pays, { oldShape: 2, mixed: 1 });
    const after = await listPays(ctx.runtime.db, p);
    assert.deepEqual(
      after.map(({ payer, payee, currency, count, totalMinor }) => [payer, payee, currency, count, totalMinor]),
      [
        ['A', 'B', 'EUR', 1, 300],
        ['A', 'B', 'USD', 2, 1200],
        ['B', 'C', 'USD', 1, 700],
      ],
    );
    for (const row of after) assert.ok(!row.keys.includes('scale') && !row.keys.includes('mixedCurrency'));
    assert.deepEqual(await countPaysMismatches(ctx.runtime.db, p), { checked: 3, mismatches: 0 });

    // a second run finds nothing and changes nothing
    assert.deepEqual((await runMigrations(ctx.runtime.db, { ...ingestRules(ctx.runtime.config), idPrefix: p })).pays, { oldShape: 0, mixed: 0 });
    assert.deepEqual(await listPays(ctx.runtime.db, p), after);
  });
});
