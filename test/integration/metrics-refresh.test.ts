/**
 * A scoped metrics refresh against the real Neo4j: seeds a small graph under its own id prefix,
 * refreshes twice, and checks write-back, the switch, retention and the incremental update.
 */
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/runtime/runtime.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';
import { createTestGraph, deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { smallGraph } from '../helpers/metrics-graph.js';
import { refreshMetrics, type RefreshProgress } from '../../src/use-cases/refresh-metrics.js';
import { getCurrentRun, getEntitySignals, getRun, listRuns } from '../../src/db/signals-repository.js';
import { refreshFeatures } from '../../src/use-cases/refresh-touched-features.js';
import { readStoredFeatures } from '../../src/db/feature-store-repository.js';
import { fromStored } from '../../src/use-cases/entity-features.js';
import { binsFromCuts, MODEL_FORMAT, parseModel } from '../../src/scoring/model.js';
import { DEFAULT_SCALE, scaleFactor, scoreFromLogOdds } from '../../src/scoring/scale.js';

describe('metrics refresh (integration)', function () {
  this.timeout(60000);
  let rt: Runtime;
  const prefix = uniquePrefix('metrics');

  before(async () => {
    rt = await openTestRuntime({ METRICS_RUNS_KEEP: '1' });
    await createTestGraph(rt.db, prefix, smallGraph());
  });
  after(async () => {
    await deleteTestGraph(rt.db, prefix);
    await rt.close();
  });

  it('computes, writes back under the run, switches, and keeps the configured number of runs', async () => {
    const progress: RefreshProgress[] = [];
    const first = await refreshMetrics(rt.db, rt.config.metrics, { runId: `${prefix}run-1`, jobId: 'j1', scope: prefix }, (p) => {
      progress.push(p);
    });
    assert.equal(first.status, 'complete');
    assert.deepEqual([...new Set(progress.map((p) => p.stage))], ['snapshot', 'centrality', 'communities', 'risk', 'features', 'write-back', 'monitoring', 'switch']);
    assert.equal(progress.at(-1)?.percent, 100);
    assert.equal(first.counts.entities, 11);
    assert.equal(first.counts.cycles, 1);

    const current = await getCurrentRun(rt.db, prefix);
    assert.equal(current?.id, `${prefix}run-1`);
    assert.equal(await getCurrentRun(rt.db, `${prefix}nothing`), null);

    const a2 = await getEntitySignals(rt.db, `${prefix}a2`);
    const a3 = await getEntitySignals(rt.db, `${prefix}a3`);
    const b3 = await getEntitySignals(rt.db, `${prefix}b3`);
    assert.equal(a2?.runId, `${prefix}run-1`);
    assert.equal(a2?.stale, false);
    assert.equal(a3?.metrics?.community, a2?.metrics?.community);
    assert.notEqual(b3?.metrics?.community, a2?.metrics?.community);
    assert.ok(Number(a3?.metrics?.exposure) > Number(b3?.metrics?.exposure), 'a3 sits next to the defaulted a2');
    assert.equal(a2?.metrics?.exposure, 0, 'a2 is the only bad entity: its own label is excluded');
    assert.equal(a2?.community?.bad, 1);
    assert.equal((await getEntitySignals(rt.db, `${prefix}c1`))?.metrics?.ringCount, 1);
    assert.deepEqual([a3?.metrics?.badHops, a3?.metrics?.nearestBad, a3?.metrics?.viaBad], [1, `${prefix}a2`, [`${prefix}a3`, `${prefix}a2`]]);
    assert.deepEqual(b3?.metrics?.viaBad, [`${prefix}b3`, `${prefix}b1`, `${prefix}a1`, `${prefix}a2`], 'b3 is 3 hops away, via the bridge');
    assert.equal(a2?.metrics?.badHops ?? null, null, 'no other bad entity for a2');
    const stored = await readStoredFeatures(rt.db, `${prefix}run-1`, [`${prefix}b3`, `${prefix}a3`]);
    assert.ok(stored.every((r) => r.status === 'stored'), 'the run stores every entity\'s feature vector');
    const [b3f, a3f] = stored.map((r) => fromStored(r as Extract<typeof r, { status: 'stored' }>));
    assert.deepEqual(b3f?.evidence.nearestBad?.path, b3?.metrics?.viaBad, 'the stored evidence holds the path (3 hops)');
    assert.equal(b3f?.values.nearestBadHops, 3);
    assert.equal(a3f?.values.communitySize, a2?.community?.size, "the stored features hold the entity's community size");

    assert.equal(a3?.metrics?.fraudRisk ?? null, null, 'a run without a fraud model stores no fraudRisk');
    // the second run is scored with a fraud model: closeness to a bad entity pushes fraudRisk up
    const f = scaleFactor(DEFAULT_SCALE);
    const fraud = parseModel({
      format: MODEL_FORMAT,
      version: 'fraud-t',
      kind: 'trained',
      target: 'fraud',
      createdAt: '2025-01-01T00:00:00Z',
      scale: DEFAULT_SCALE,
      basePoints: scoreFromLogOdds(0, DEFAULT_SCALE),
      characteristics: [{ feature: 'nearestBadHops', bins: binsFromCuts([2, 3], [-2 * f, -f, 0]), missing: { points: f } }],
    });
    const second = await refreshMetrics(rt.db, rt.config.metrics, { runId: `${prefix}run-2`, jobId: 'j2', scope: prefix }, undefined, fraud);
    assert.equal(second.previousRunId, `${prefix}run-1`);
    assert.deepEqual(second.deletedRuns, [`${prefix}run-1`], 'METRICS_RUNS_KEEP=1 keeps only the new run');
    assert.equal(await getRun(rt.db, `${prefix}run-1`), null);
    const runs = await listRuns(rt.db, prefix);
    assert.deepEqual(runs.map((r) => [r.id, r.status, r.scopeCurrent, r.current]), [[`${prefix}run-2`, 'complete', true, false]]);
    assert.deepEqual(runs[0]!.stages.map((s) => s.stage), ['snapshot', 'centrality', 'communities', 'risk', 'features', 'write-back', 'monitoring', 'switch']);
    const a3After = await getEntitySignals(rt.db, `${prefix}a3`);
    assert.equal(a3After?.runId, `${prefix}run-2`);
    const b3After = await getEntitySignals(rt.db, `${prefix}b3`);
    assert.ok(Math.abs(Number(a3After?.metrics?.fraudRisk) - 1 / (1 + Math.exp(-2))) < 1e-9, String(a3After?.metrics?.fraudRisk));
    assert.ok(Number(a3After?.metrics?.fraudRisk) > Number(b3After?.metrics?.fraudRisk), 'one hop from a bad entity is riskier than three');
  });

  it('a retried run id that already completed does nothing', async () => {
    const again = await refreshMetrics(rt.db, rt.config.metrics, { runId: `${prefix}run-2`, jobId: 'j2', scope: prefix });
    assert.equal(again.alreadyComplete, true);
  });

  it('refreshes the features of touched entities between runs, keeping the run\'s network values', async () => {
    await createTestGraph(rt.db, prefix, { entities: [], edges: [{ src: 'c1', dst: 'a3', totalMinor: 5_000, firstMs: Date.now() - 60_000, lastMs: Date.now() - 60_000 }], bad: [] });
    const before = await getEntitySignals(rt.db, `${prefix}c1`);
    assert.equal(before?.stale, false);
    const written = await refreshFeatures(rt.db, prefix, [`${prefix}c1`, `${prefix}a3`]);
    assert.equal(written, 2);
    const c1 = await getEntitySignals(rt.db, `${prefix}c1`);
    assert.equal(c1?.stale, true, 'its facts changed after the run\'s snapshot');
    assert.ok(Date.parse(c1?.featuresAsOf ?? '') > Date.parse(c1?.snapshotAt ?? ''));
    assert.equal(c1?.metrics?.degreeOut, 1, 'the run keeps its own network values until the next refresh');
    const [stored] = await readStoredFeatures(rt.db, `${prefix}run-2`, [`${prefix}c1`]);
    assert.equal(stored?.status, 'stored');
    const f = fromStored(stored as Extract<typeof stored, { status: 'stored' }>);
    assert.equal(f.values.degree, 3, 'the features count the new counterparty at once (c2 out, c3 in, a3 out)');
    assert.equal(f.values.outCount30, 1);
  });
});
