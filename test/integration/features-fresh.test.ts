/**
 * The feature store against the real Neo4j: a metrics run materializes every entity's features equal to
 * what the as-of path computes from the facts at the run's snapshot time (parity, on the s network), and
 * an ingest load refreshes the touched entities' stored features — and so their scores — at once, without
 * a metrics run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/analytics/rng.js';
import { readStoredFeatures } from '../../src/db/feature-store-repository.js';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { getRun } from '../../src/db/signals-repository.js';
import { FEATURE_NAMES } from '../../src/features/schema.js';
import { generateNetwork } from '../../src/ingest/generator/generate-network.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { computeEntityFeatures, fromStored } from '../../src/use-cases/entity-features.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { ingestNetwork } from '../../src/use-cases/ingest-network.js';
import { refreshMetrics } from '../../src/use-cases/refresh-metrics.js';
import { refreshOrInvalidate, TouchedEntitiesObserver } from '../../src/use-cases/refresh-touched-features.js';
import { scoreEntities } from '../../src/use-cases/score-entities.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

const DAY = 86_400_000;

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('feature store: parity with the as-of path, and fresh after an ingest load', function () {
  this.timeout(180_000);
  let rt: Runtime;
  let dir: string;
  const p = uniquePrefix('features');
  const runId = `${p}run`;
  let snapshotAtMs = 0;

  before(async () => {
    // the served scope is this test's prefix, so its scoped run is the run in service
    rt = await openTestRuntime({ SERVING_SCOPE: p, RATE_LIMIT_PER_MINUTE: '1000000' });
    dir = mkdtempSync(join(tmpdir(), 'cg-features-'));
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    await generateNetwork({ size: 's', seed: 7, outDir: join(dir, 's'), idPrefix: p, endMs: today });
    await ingestNetwork(rt.db, join(dir, 's'), { ...ingestRules(rt.config), batchRows: 5000 });
    await refreshMetrics(rt.db, rt.config.metrics, { runId, jobId: 'test', scope: p });
    snapshotAtMs = Date.parse((await getRun(rt.db, runId))!.snapshotAt!);
  });
  after(async () => {
    await deleteByPrefix(rt.db, p);
    await rt.db.writeRows('MATCH (r:MetricsRun {scope: $p}) OPTIONAL MATCH (x) WHERE (x:Community OR x:Ring) AND x.runId = r.id DETACH DELETE x, r', { p });
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, for 500 random entities, the same features the as-of path computes at the snapshot time', async () => {
    const rng = createRng(11);
    const ids = new Set<string>();
    while (ids.size < 500) ids.add(`${p}E${String(Math.floor(rng() * 2000)).padStart(4, '0')}`);
    const list = [...ids];
    const stored = await readStoredFeatures(rt.db, runId, list);
    const computed = await computeEntityFeatures(rt.db, list, snapshotAtMs, runId);
    let withActivity = 0;
    for (const row of stored) {
      assert.equal(row.status, 'stored', `${row.id} has no stored features`);
      const a = fromStored(row as Extract<typeof row, { status: 'stored' }>);
      const b = computed.get(row.id);
      assert.ok(b, `${row.id} was not computed`);
      assert.equal(a.asOfMs, snapshotAtMs);
      for (const name of FEATURE_NAMES) assert.ok(close(a.values[name], b.values[name]), `${row.id} ${name}: stored ${a.values[name]}, as of ${b.values[name]}`);
      assert.deepEqual({ ...a.evidence, topPayer: null }, { ...b.evidence, topPayer: null }, `${row.id} evidence`);
      assert.equal(a.evidence.topPayer?.id, b.evidence.topPayer?.id);
      if ((a.values.inCount365 ?? 0) > 0) withActivity++;
    }
    assert.ok(withActivity > 250, `only ${withActivity} sampled entities had activity in the last year`);
  });

  it('a payment loaded after the run changes the payee\'s stored features and score at the end of the load, without a run', async () => {
    // an entity with no inflow in the last 90 days, so one payment moves its score
    const candidates = [...Array(2000).keys()].map((i) => `${p}E${String(i).padStart(4, '0')}`);
    const before = await scoreEntities(rt, candidates.slice(0, 400));
    const quiet = [...before.values()].find((s) => s.reasons.some((r) => r.code === 'LOW_RECENT_INFLOW'));
    assert.ok(quiet, 'no entity without recent inflow among the first 400');
    const id = quiet.entityId;
    assert.equal(Date.parse(quiet.featuresAsOf), snapshotAtMs, 'served from the run');
    const file = join(dir, 'payment.csv');
    // five payments ten days apart from a newcomer: inflow in the last 90 days moves up two bins
    const rows = [1, 2, 3, 4, 5].map((k) => `${p}late-${k},${p}newcomer,${id},2500.00,USD,${new Date(Date.now() - (k * 10 - 9) * DAY).toISOString()}`);
    writeFileSync(file, `id,payer,payee,amount,currency,at\n${rows.join('\n')}\n`);
    await ingestFile(rt.db, 'payments', file, ingestRules(rt.config));
    const [row] = await readStoredFeatures(rt.db, runId, [id]);
    assert.equal(row?.status, 'stored');
    const fresh = fromStored(row as Extract<typeof row, { status: 'stored' }>);
    assert.ok(fresh.asOfMs > snapshotAtMs, 'the stored features are newer than the run');
    assert.equal(fresh.values.inCount30, 3);
    assert.equal(fresh.values.inCount90, 5);
    const after = (await scoreEntities(rt, [id])).get(id)!;
    assert.ok(Date.parse(after.featuresAsOf) > snapshotAtMs);
    assert.ok(after.score > quiet.score, `score ${quiet.score} → ${after.score}: ${JSON.stringify(quiet.reasons)} → ${JSON.stringify(after.reasons)}`);
    assert.ok(!after.reasons.some((r) => r.code === 'LOW_RECENT_INFLOW'));
  });

  it('a flag loaded on a counterparty refreshes the features of the entities that trade with it', async () => {
    const [row] = await readStoredFeatures(rt.db, runId, [`${p}newcomer`]);
    const f = fromStored(row as Extract<typeof row, { status: 'stored' }>);
    assert.equal(f.values.flags, 0);
    const file = join(dir, 'flags.csv');
    writeFileSync(file, `id,entity,reason,at,source\n${p}F-late,${p}newcomer,synthetic_identity,${new Date(Date.now() - DAY).toISOString()},analyst\n`);
    await ingestFile(rt.db, 'flags', file, ingestRules(rt.config));
    const [flaggedRow] = await readStoredFeatures(rt.db, runId, [`${p}newcomer`]);
    const flagged = fromStored(flaggedRow as Extract<typeof flaggedRow, { status: 'stored' }>);
    assert.equal(flagged.values.flags, 1);
    // the payee of the payment above trades with the newcomer: its share of bad counterparties now counts it
    const payee = (await rt.db.readRows<{ id: string }>('MATCH (:Entity {id: $a})-[:PAID {id: $pid}]->(b) RETURN b.id AS id', { a: `${p}newcomer`, pid: `${p}late-1` }))[0]!.id;
    const [payeeRow] = await readStoredFeatures(rt.db, runId, [payee]);
    const payeeFeatures = fromStored(payeeRow as Extract<typeof payeeRow, { status: 'stored' }>);
    assert.ok((payeeFeatures.values.badCounterpartyShare ?? 0) > 0, 'the counterparty\'s features were refreshed');
    assert.ok(payeeFeatures.evidence.badCounterparties.includes(`${p}newcomer`));
  });

  it('gathers the ids of a load and refreshes them when enough are pending, then at the end', async () => {
    const calls: Array<{ ids: readonly string[]; labels: readonly string[] }> = [];
    const refresh = async (ids: readonly string[], labels: readonly string[]) => {
      calls.push({ ids, labels });
      return ids.length;
    };
    const event = (type: 'payments' | 'loans', ids: string[]) => ({ type, rows: 1, written: 1, touchedEntityIds: ids });
    const observer = new TouchedEntitiesObserver(rt.db, p, { maxPending: 3, maxAgeMs: 60_000, refresh });
    await observer.batch(event('payments', ['A', 'B']));
    await observer.batch(event('payments', ['A', 'B']));
    assert.equal(calls.length, 0, 'two distinct ids pending: nothing refreshed yet');
    await observer.batch(event('loans', ['C']));
    assert.deepEqual(calls, [{ ids: ['A', 'B', 'C'], labels: ['C'] }], 'three pending: refreshed at once; a loan may change C\'s label');
    await observer.batch(event('payments', ['B']));
    await observer.end();
    assert.deepEqual(calls[1], { ids: ['B'], labels: [] });
    await observer.end();
    assert.equal(calls.length, 2, 'nothing pending: nothing to do');
    assert.equal(observer.refreshed, 4);
  });

  it('refreshes once the oldest pending id is old enough, spacing refreshes by their duration', async () => {
    let now = 0;
    let refreshes = 0;
    // a refresh that "takes" 500 ms on the test's clock
    const refresh = async () => {
      refreshes++;
      now += 500;
      return 1;
    };
    const observer = new TouchedEntitiesObserver(rt.db, p, { maxAgeMs: 1000, dutyFactor: 4, now: () => now, refresh });
    const event = { type: 'payments' as const, rows: 1, written: 1, touchedEntityIds: ['A'] };
    await observer.batch(event);
    now = 999;
    await observer.batch(event);
    assert.equal(refreshes, 0);
    now = 1000;
    await observer.batch(event);
    assert.equal(refreshes, 1, 'pending for 1000 ms: refreshed (in 500 ms)');
    const after = now;
    await observer.batch(event);
    now = after + 1999;
    await observer.batch(event);
    assert.equal(refreshes, 1, 'the next refresh waits 4 × 500 ms, more than maxAgeMs');
    now = after + 2000;
    await observer.batch(event);
    assert.equal(refreshes, 2);
  });

  it('after a load touching more entities than the bound, drops their stored vectors: scores use the as-of path until stored again', async () => {
    const ids = [`${p}E0101`, `${p}E0102`, `${p}E0103`];
    assert.ok((await readStoredFeatures(rt.db, runId, ids)).every((r) => r.status === 'stored'));
    const observer = new TouchedEntitiesObserver(rt.db, p, { maxEntities: 2 });
    await observer.batch({ type: 'payments', rows: 3, written: 3, touchedEntityIds: ids });
    const t = Date.now();
    await observer.end();
    assert.equal(observer.invalidated, 3);
    assert.equal(observer.refreshed, 0);
    assert.deepEqual((await readStoredFeatures(rt.db, runId, ids)).map((r) => r.status), ['missing', 'missing', 'missing']);
    const scores = await scoreEntities(rt, ids);
    for (const id of ids) {
      const s = scores.get(id);
      assert.ok(s, `${id} is still scored`);
      assert.ok(Date.parse(s.featuresAsOf) >= t, `${id}: features computed as of now, not the run's ${new Date(snapshotAtMs).toISOString()}`);
    }
    // under the bound the same ids are recomputed and stored again
    assert.deepEqual(await refreshOrInvalidate(rt.db, p, ids, [], 3), { written: 3, invalidated: 0 });
    assert.ok((await readStoredFeatures(rt.db, runId, ids)).every((r) => r.status === 'stored'));
  });
});
