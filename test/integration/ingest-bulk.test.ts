/**
 * `creditgraph ingest network DIR --bulk` against a real private Neo4j (port 7691, its own state folder,
 * started and removed here): the s network, with bad rows and ratings appended, bulk-loaded holds the same
 * counts and sums as the same files loaded through the driver path into the shared Neo4j under an id
 * prefix; rejects go to the rejects files with exit 2; a non-local NEO4J_URI and a non-empty database are
 * refused with nothing changed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/index.js';
import { createDatabase, type Database } from '../../src/db/driver.js';
import {
  countIngested,
  countNodes,
  countPaysMismatches,
  deleteByPrefix,
} from '../../src/db/ingest-stats-repository.js';
import { generateNetwork } from '../../src/ingest/generator/generate-network.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { ingestRules } from '../../src/use-cases/ingest-file.js';
import { ingestNetwork } from '../../src/use-cases/ingest-network.js';
import { runCli } from '../helpers/cli.js';
import { listPays } from '../helpers/ingest-fixture-repository.js';
import { openTestRuntime, testConfig, uniquePrefix } from '../helpers/runtime.js';

const PORT = '7691';
const PRIVATE_URI = `bolt://127.0.0.1:${PORT}`;

/** scripts/services.sh for the private instance (never the shared one: NEO4J_URI removed). */
function services(action: 'start' | 'stop', localDir: string): void {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CREDITGRAPH_LOCAL_DIR: localDir,
    NEO4J_BOLT_PORT: PORT,
  };
  delete env.NEO4J_URI;
  const r = spawnSync('bash', [join(PROJECT_ROOT, 'scripts', 'services.sh'), action], {
    env,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `services.sh ${action}: ${r.stderr}`);
}

const BAD_ENTITIES = [
  'E9001,alien,,R01,2020-01-01T00:00:00.000Z',
  'E0000,business,,R99,2020-01-01T00:00:00.000Z',
];
const BAD_PAYMENTS = [
  'PX1,E0001,E0002,12.5x,USD,2024-01-01T00:00:00.000Z,transfer', // not a decimal
  'P0,E0001,E0002,1.00,USD,2024-01-01T00:00:00.000Z,transfer', // P0 again, other values
  'PX2,E0003,N0001,7.00,EUR,2024-02-01T00:00:00.000Z,card', // a payee no file declares: minimal
];
const RATINGS = [
  'source,target,rating,time',
  'E0005,R0001,3,1700000000',
  'R0001,R0002,-2,1700000100',
  'R0002,E0006,1,1700000200',
];

describe('creditgraph ingest network --bulk (private Neo4j on 7691)', function () {
  this.timeout(900000);
  const prefix = uniquePrefix('bulk');
  let localDir: string;
  let dataDir: string;
  let rejectsDir: string;
  let shared: Runtime;
  let db: Database;
  const cliEnv = () => ({ NEO4J_URI: PRIVATE_URI, CREDITGRAPH_LOCAL_DIR: localDir, NEO4J_BOLT_PORT: PORT });

  before(async () => {
    localDir = mkdtempSync(join(tmpdir(), 'cg-bulk-neo4j-'));
    dataDir = mkdtempSync(join(tmpdir(), 'cg-bulk-data-'));
    rejectsDir = join(dataDir, 'rejects');
    await generateNetwork({ size: 's', seed: 7, outDir: dataDir });
    appendFileSync(join(dataDir, 'entities.csv'), `${BAD_ENTITIES.join('\n')}\n`);
    const repeat = readFileSync(join(dataDir, 'payments.csv'), 'utf8').split('\n')[2]; // an exact repeat: skipped
    appendFileSync(join(dataDir, 'payments.csv'), `${[...BAD_PAYMENTS, repeat].join('\n')}\n`);
    writeFileSync(join(dataDir, 'ratings.csv'), `${RATINGS.join('\n')}\n`);
    services('start', localDir);
    shared = await openTestRuntime();
    db = createDatabase(testConfig({ NEO4J_URI: PRIVATE_URI }).neo4j);
  });

  after(async () => {
    await db?.close();
    if (shared) {
      await deleteByPrefix(shared.db, prefix);
      await shared.close();
    }
    if (localDir) {
      services('stop', localDir);
      rmSync(localDir, { recursive: true, force: true });
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a NEO4J_URI that is not the local instance, changing nothing', async () => {
    const r = await runCli(['ingest', 'network', dataDir, '--bulk'], {
      ...cliEnv(),
      NEO4J_URI: 'bolt://127.0.0.1:7687',
    });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /--bulk refused, nothing changed: NEO4J_URI bolt:\/\/127\.0\.0\.1:7687 is not the local Neo4j/,
    );
    assert.equal(existsSync(join(localDir, 'bulk-import')), false);
    assert.equal(await countNodes(db), 0);
  });

  it('bulk-loads the network: rejects file and exit 2, counts and sums equal to the driver path', async () => {
    const r = await runCli(
      ['ingest', 'network', dataDir, '--bulk', '--rejects', rejectsDir],
      cliEnv(),
      600000,
    );
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /bulk: loaded and verified/);
    assert.match(
      r.stdout,
      /payments payments\.csv: loaded with rejects: \d+ rows, \d+ loaded \(\d+ new\), 1 repeats skipped, 2 rejected/,
    );
    const messages = (file: string) =>
      readFileSync(join(rejectsDir, `${file}.rejects.ndjson`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { message: string }).message);
    const entityRejects = messages('entities.csv');
    assert.equal(entityRejects.length, 2);
    assert.match(entityRejects.join('\n'), /kind: "alien" is not one of business, person/);
    assert.match(entityRejects.join('\n'), /"E0000" appears earlier with different values/);
    const paymentRejects = messages('payments.csv');
    assert.equal(paymentRejects.length, 2);
    assert.match(paymentRejects.join('\n'), /amount: "12.5x" is not a decimal/);
    assert.match(paymentRejects.join('\n'), /"P0" appears earlier with different values/);

    const driverRejects = join(dataDir, 'driver-rejects');
    const summaries = await ingestNetwork(shared.db, dataDir, {
      ...ingestRules(shared.config),
      idPrefix: prefix,
      batchRows: 5000,
      rejectsDir: driverRejects,
    });
    assert.deepEqual(
      summaries.map((s) => [s.type, s.rejected]),
      [
        ['entities', 2],
        ['identifiers', 0],
        ['ownerships', 0],
        ['supplies', 0],
        ['payments', 2],
        ['loans', 0],
        ['flags', 0],
        ['ratings', 0],
      ],
    );

    const bulk = await countIngested(db, '');
    const driver = await countIngested(shared.db, prefix);
    assert.deepEqual(bulk, driver);
    assert.ok(
      bulk.paid > 20000 && bulk.pays > 0 && bulk.identifiers > 0 && bulk.rated === 3,
      JSON.stringify(bulk),
    );
    assert.equal(bulk.minimalEntities, 1); // N0001, named only by a payment
    assert.equal(bulk.entities, 2000 + 1 + 2); // + N0001, + R0001 and R0002 (persons, from ratings)

    const sortedKeys = (rows: Awaited<ReturnType<typeof listPays>>) =>
      rows.map((p) => ({ ...p, keys: [...p.keys].sort() }));
    const bulkPays = sortedKeys(await listPays(db, ''));
    const driverPays = sortedKeys(await listPays(shared.db, prefix));
    assert.equal(bulkPays.length, bulk.pays);
    assert.deepEqual(bulkPays, driverPays);
    const perCurrency = (rows: typeof bulkPays) =>
      rows.reduce<Record<string, [number, number]>>((acc, p) => {
        const [n, minor] = acc[p.currency] ?? [0, 0];
        acc[p.currency] = [n + p.count, minor + p.totalMinor];
        return acc;
      }, {});
    assert.deepEqual(perCurrency(bulkPays), perCurrency(driverPays));
    assert.deepEqual(await countPaysMismatches(db, ''), { checked: bulk.pays, mismatches: 0 });
  });

  it('refuses a database that is not empty, changing nothing', async () => {
    const before = await countIngested(db, '');
    const r = await runCli(['ingest', 'network', dataDir, '--bulk'], cliEnv());
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /--bulk refused, nothing changed: the database is not empty \(\d+ nodes\)/);
    assert.deepEqual(await countIngested(db, ''), before);
  });
});
