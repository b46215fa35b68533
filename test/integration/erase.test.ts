/**
 * Erasure end to end (real Neo4j, real Redis): the monitoring example network plus an entity X2 with
 * everything an entity can have — payments both ways in two currencies, ratings, supplies, an owner,
 * identifiers (one shared with B2, one its own), a loan it borrowed (monitored) and one it lent, a flag,
 * a payment-cycle ring and a shared-identifier ring, a community, a metrics run with features, alerts
 * whose paths name it, audit events of its lookups, a rejects file and stored uploads (plain and gzip).
 * DELETE /v1/entities/:id erases it; then no node or relationship in the database and no file under the
 * data folders names it, the other pairs' PAYS still equal their PAID events, the others are intact and
 * a tombstone with a hash of the id is in the audit. `creditgraph erase` does the same for another entity.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { countPaysMismatches, deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { hashEntityId } from '../../src/erasure/tombstone.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { ingestNetwork } from '../../src/use-cases/ingest-network.js';
import { refreshMetrics } from '../../src/use-cases/refresh-metrics.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { countErasureGraph, deleteTombstones, listValuesNaming } from '../helpers/erasure-fixture-repository.js';
import { deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { uniquePrefix } from '../helpers/runtime.js';

const EXAMPLE = fileURLToPath(new URL('../../docs/monitoring-example/', import.meta.url));

const EXTRA: Record<string, string[]> = {
  'entities.csv': ['OWNER1,person,,R02,2000-01-01'],
  'payments.csv': [
    'XE1,X2,B1,50.00,EUR,2023-07-01T10:00:00Z,transfer',
    'XE2,B1,X2,70.00,EUR,2023-08-01T10:00:00Z,card',
    'XE3,X2,B1,20.00,USD,2023-08-02T10:00:00Z,transfer',
    'XD1,BANK,X2,2000.00,USD,2024-03-01T14:00:00Z,transfer',
    'XP1,X2,N2,1500.00,USD,2024-03-02T15:00:00Z,transfer',
  ],
  'supplies.csv': ['X2,Y2,2022-01-01,1200.00,USD,12'],
  'identifiers.csv': ['X2,phone,+15550100002', 'X2,device,dev-x2-only'],
  'loans.csv': ['L-X2,X2,2000.00,USD,2024-03-01,2030-03-01,current,,BANK,', 'L-BYX2,N3,500.00,USD,2024-01-01,2030-01-01,current,,X2,'],
  'flags.csv': ['F-X2,X2,late_payments,2024-02-01,analyst'],
  'ownerships.csv': ['person,business,role,since', 'OWNER1,X2,owns,2016-01-01'],
  'ratings.csv': ['source,target,rating,time', 'B1,X2,3,2023-05-01T00:00:00Z', 'X2,B2,-2,2023-05-02T00:00:00Z', 'B1,B2,1,2023-05-03T00:00:00Z'],
};

/** Every file under `dir` as text (gzip files decompressed). */
function filesText(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const raw = readFileSync(path);
      return [path, (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')];
    });
}

describe('erasure: DELETE /v1/entities/:id and creditgraph erase (real Neo4j and Redis)', function () {
  this.timeout(300000);
  let app: TestApp;
  const p = uniquePrefix('erase');
  const runId = `${p}run`;
  const X2 = `${p}X2`;
  const root = mkdtempSync(join(tmpdir(), 'cg-erase-'));
  const net = join(root, 'network');
  const rejectsDir = join(root, 'rejects');
  const uploadDir = join(root, 'uploads');
  const env = { REJECTS_DIR: rejectsDir, UPLOAD_DIR: uploadDir };
  const get = (path: string, role: 'analyst' | 'admin' = 'analyst') => app.request(path, { role, headers: { 'x-purpose': 'testing' } });

  before(async () => {
    app = await startTestApp(env);
    cpSync(EXAMPLE, net, { recursive: true });
    for (const [file, lines] of Object.entries(EXTRA)) appendFileSync(join(net, file), `${lines.join('\n')}\n`);
    const rules = { ...ingestRules(app.runtime.config), idPrefix: p };
    const summaries = await ingestNetwork(app.runtime.db, net, rules);
    assert.ok(summaries.every((s) => s.rejected === 0), JSON.stringify(summaries.map((s) => [s.type, s.rejected])));
    // A rejects file naming X2 (a bad amount), beside a good row of another entity.
    const bad = join(root, 'late-payments.csv');
    const id = (name: string) => p + name;
    writeFileSync(bad, `id,payer,payee,amount,currency,at,channel\n${id('R1')},${X2},${id('B1')},abc,USD,2024-04-01,transfer\n${id('R2')},${id('B1')},${id('B2')},1,USD,2024-04-01,transfer\n${id('R3')},${id('B1')},${X2},-5,USD,2024-04-01,transfer\n`);
    const s = await ingestFile(app.runtime.db, 'payments', bad, { ...rules, idPrefix: '', rejectsPath: join(rejectsDir, 'late-payments.csv.rejects.ndjson') });
    assert.equal(s.rejected, 2);
    // Stored uploads, as startImport leaves them: a CSV and a gzip NDJSON, each with X2 and others.
    mkdirSync(uploadDir, { recursive: true });
    writeFileSync(join(uploadDir, 'imp-1.csv'), `id,entity,reason,at,source\nF9,${X2},x,2024-01-01,a\nF8,${id('B1')},y,2024-01-01,a\n`);
    writeFileSync(join(uploadDir, 'imp-2.ndjson.gz'), gzipSync(`{"supplier":"${X2}","buyer":"${id('Y2')}","since":"2020-01-01"}\n{"supplier":"${id('S5')}","buyer":"${id('B5')}","since":"2020-01-01"}\n`));
    await refreshMetrics(app.runtime.db, app.runtime.config.metrics, { runId, jobId: 'test', scope: p });
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    if (app) {
      await deleteByPrefix(app.runtime.db, p);
      await deleteTestGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  it('before: X2 is named by its facts, metrics, rings, alerts, audit events and files', async () => {
    assert.equal((await get(`/v1/entities/${X2}/score`)).status, 200);
    assert.equal((await get(`/v1/entities/${p}B2/network?depth=1`)).status, 200);
    const named = new Set((await listValuesNaming(app.runtime.db, X2, p)).flatMap((r) => r.what));
    for (const label of ['Entity', 'EntityMetrics', 'Ring', 'LoanAlert', 'LoanMonitoring', 'AuditEvent', 'RATED', 'Loan'])
      assert.ok(named.has(label), `${label} names X2 before erasure: ${[...named].join(', ')}`);
    const files = [...filesText(rejectsDir), ...filesText(uploadDir)];
    assert.equal(files.filter(([, text]) => text.includes(X2)).length, 3);
  });

  it('lender and analyst keys may not erase (403); an unknown id is 404 problem+json', async () => {
    for (const role of ['lender', 'analyst'] as const) {
      const res = await app.request(`/v1/entities/${X2}`, { method: 'DELETE', role, headers: { 'x-purpose': 'testing' } });
      assert.equal(res.status, 403);
    }
    const res = await app.request(`/v1/entities/${p}nobody`, { method: 'DELETE', headers: { 'x-purpose': 'testing' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('DELETE erases X2: nothing in the database or the data folders names it; the rest is intact', async () => {
    const db = app.runtime.db;
    const hash = hashEntityId(X2, app.runtime.config.identifiers.hmacKey);
    const before = await countErasureGraph(db, { prefix: p, runId, hash, survivor: `${p}B2` });
    const res = await app.request(`/v1/entities/${X2}`, {
      method: 'DELETE',
      headers: { 'x-purpose': 'testing', 'x-erasure-reason': `data subject request for ${X2}` },
    });
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.entityHash, hash);
    assert.ok(body.relationshipsDeleted >= 10, JSON.stringify(body));
    assert.equal(body.files.linesRemoved, 4, JSON.stringify(body.files));

    assert.deepEqual(await listValuesNaming(db, X2, p), []);
    for (const [path, text] of [...filesText(rejectsDir), ...filesText(uploadDir)]) assert.ok(!text.includes(X2), `${path} names X2`);
    const uploads = filesText(uploadDir).map(([, t]) => t).join('');
    assert.ok(uploads.includes(`F8,${p}B1`) && uploads.includes(`"${p}S5"`), 'the other rows of the uploads stay');

    const after = await countErasureGraph(db, { prefix: p, runId, hash, survivor: `${p}B2` });
    assert.equal(after.entities, before.entities - 1);
    assert.equal(after.identifiers, before.identifiers - 1, 'only the identifier X2 alone used is gone');
    assert.equal(after.survivorUses, before.survivorUses, 'B2 keeps its phone');
    assert.ok(after.rings < before.rings, 'the cycle through X2 is dissolved');
    assert.ok(after.ringMembers.every((m) => !m.includes(X2)));
    assert.equal(after.communitySize, before.communitySize - 1);
    assert.equal(after.tombstones, 1);
    assert.deepEqual(await countPaysMismatches(db, p).then((r) => r.mismatches), 0);

    const again = await app.request(`/v1/entities/${X2}/score`, { role: 'analyst', headers: { 'x-purpose': 'testing' } });
    assert.equal(again.status, 404);
    const b1 = await get(`/v1/entities/${p}B1/score`);
    assert.equal(b1.status, 200);
    const alerts = await get(`/v1/monitoring/alerts?runId=${runId}`);
    assert.equal(alerts.status, 200);
  });

  it('creditgraph erase removes another entity the same way and refuses an unknown id', async () => {
    const N1 = `${p}N1`;
    const r = await runCli(['erase', N1, '--reason', 'test', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.equal(summary.entityHash, hashEntityId(N1, app.runtime.config.identifiers.hmacKey));
    assert.deepEqual(await listValuesNaming(app.runtime.db, N1, p), []);
    const unknown = await runCli(['erase', `${p}nobody`], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no entity with id/);
    await deleteTombstones(app.runtime.db, summary.entityHash);
  });
});
