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
import { updateTouchedEntitySignals } from '../../src/use-cases/update-touched-entities.js';
import { readEntitySignals } from '../../src/db/score-repository.js';

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
    assert.deepEqual([...new Set(progress.map((p) => p.stage))], ['snapshot', 'centrality', 'communities', 'risk', 'write-back', 'switch']);
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
    const [scored] = await readEntitySignals(rt.db, [`${prefix}b3`], { asOfMs: Date.now(), runId: `${prefix}run-1` });
    assert.deepEqual(scored?.raw.nearestBad?.path, b3?.metrics?.viaBad, 'scoring reads the stored path (3 hops)');
    const [scoredA3] = await readEntitySignals(rt.db, [`${prefix}a3`], { asOfMs: Date.now(), runId: `${prefix}run-1` });
    assert.equal(scoredA3?.raw.run?.communitySize, a2?.community?.size, "scoring finds the entity's community of the run");

    const second = await refreshMetrics(rt.db, rt.config.metrics, { runId: `${prefix}run-2`, jobId: 'j2', scope: prefix });
    assert.equal(second.previousRunId, `${prefix}run-1`);
    assert.deepEqual(second.deletedRuns, [`${prefix}run-1`], 'METRICS_RUNS_KEEP=1 keeps only the new run');
    assert.equal(await getRun(rt.db, `${prefix}run-1`), null);
    const runs = await listRuns(rt.db, prefix);
    assert.deepEqual(runs.map((r) => [r.id, r.status, r.scopeCurrent, r.current]), [[`${prefix}run-2`, 'complete', true, false]]);
    assert.deepEqual(runs[0]!.stages.map((s) => s.stage), ['snapshot', 'centrality', 'communities', 'risk', 'write-back', 'switch']);
    assert.equal((await getEntitySignals(rt.db, `${prefix}a3`))?.runId, `${prefix}run-2`);
  });

  it('a retried run id that already completed does nothing', async () => {
    const again = await refreshMetrics(rt.db, rt.config.metrics, { runId: `${prefix}run-2`, jobId: 'j2', scope: prefix });
    assert.equal(again.alreadyComplete, true);
  });

  it('updates touched entities at once and marks them stale', async () => {
    await createTestGraph(rt.db, prefix, { entities: [], edges: [{ src: 'c1', dst: 'a3', totalMinor: 5_000, firstMs: Date.now(), lastMs: Date.now() }], bad: [] });
    const event = { type: 'payments' as const, rows: 1, written: 1, touchedEntityIds: [`${prefix}c1`, `${prefix}a3`] };
    assert.equal(await updateTouchedEntitySignals(rt.db, { ...event, type: 'loans' }), 0, 'loans do not change degrees');
    assert.equal(await updateTouchedEntitySignals(rt.db, event), 2);
    const c1 = await getEntitySignals(rt.db, `${prefix}c1`);
    assert.equal(c1?.stale, true);
    assert.equal(c1?.live.degreeOut, 2);
    assert.equal(c1?.live.strengthOut, 99_000 + 5_000);
    assert.equal(c1?.metrics?.degreeOut, 1, 'the run keeps its own value until the next refresh');
  });
});
