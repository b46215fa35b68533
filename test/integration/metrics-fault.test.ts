/**
 * Fault test against the real Neo4j and Redis: a worker process is killed (SIGKILL) during the
 * write-back of a refresh; a second worker recovers the stalled job and finishes it. Throughout, the
 * API serves the previous run's values, afterwards the new run's, and no entity ends up with values
 * from two runs (each entity has exactly one EntityMetrics of the new run, read through one run id).
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { startCli } from '../helpers/cli.js';
import { countMetricsPerEntity, createTestGraph, deleteTestGraph, type TestGraph } from '../helpers/metrics-fixture-repository.js';
import { createMetricsQueue } from '../../src/queue/metrics-producer.js';
import { requestRefresh } from '../../src/use-cases/metrics-runs.js';
import { refreshMetrics, type RefreshProgress } from '../../src/use-cases/refresh-metrics.js';
import { getRun } from '../../src/db/signals-repository.js';
import { createRng } from '../../src/analytics/rng.js';

const N = 3000;

function randomGraph(seed: number, bad: (i: number) => boolean): TestGraph {
  const rng = createRng(seed);
  const entities = Array.from({ length: N }, (_, i) => `e${i}`);
  const edges: TestGraph['edges'][number][] = [];
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < 3; k++) {
      const j = Math.floor(rng() * N);
      if (j !== i) edges.push({ src: `e${i}`, dst: `e${j}`, totalMinor: 100 + Math.floor(rng() * 1e6), firstMs: 1.7e12, lastMs: 1.7e12 + 1e9 });
    }
  }
  return { entities, edges, bad: entities.filter((_, i) => bad(i)) };
}

describe('metrics refresh survives a worker killed during write-back', function () {
  this.timeout(240_000); // a hang guard: two worker start-ups and a run on a loaded machine
  const prefix = uniquePrefix('mfault');
  const queuePrefix = prefix.replace(/-$/, '');
  const workerEnv = {
    QUEUE_PREFIX: queuePrefix,
    METRICS_LOCK_MS: '2000', // short, so the killed worker's job is recovered soon; renewed while the analytics thread runs
    METRICS_STALLED_MS: '1000',
    METRICS_WRITE_BATCH_ROWS: '50', // 60 batches: a kill lands mid-write
    METRICS_SCHEDULE_ENABLED: 'false',
  };
  const children: ChildProcess[] = [];
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ QUEUE_PREFIX: queuePrefix, METRICS_SCHEDULE_ENABLED: 'false' });
    await createTestGraph(app.runtime.db, prefix, randomGraph(1, (i) => i % 50 === 0));
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    const queue = createMetricsQueue(app.runtime.config.redis);
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteTestGraph(app.runtime.db, prefix);
    await app.close();
  });

  const servedRun = async (id: string): Promise<string | null> => {
    const res = await app.request(`/v1/metrics/entities/${prefix}${id}`, { role: 'lender' });
    assert.equal(res.status, 200);
    return ((await res.json()) as { runId: string | null }).runId;
  };

  it('keeps serving the previous run, then switches to the recovered one', async () => {
    const runA = `${prefix}run-a`;
    await refreshMetrics(app.runtime.db, app.runtime.config.metrics, { runId: runA, jobId: 'inline', scope: prefix });
    // new facts, so the next run's values differ
    await createTestGraph(app.runtime.db, prefix, { ...randomGraph(2, (i) => i % 40 === 1), entities: [] });

    const { jobId, runId: runB } = await requestRefresh(app.runtime.config, prefix, 'test', new Date());
    const seen: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const id of ['e0', 'e1', 'e2999']) seen.push(String(await servedRun(id)));
        await sleep(50);
      }
    })();

    const first = await startCli(['worker'], /consuming/, workerEnv);
    children.push(first.child);
    const queue = createMetricsQueue(app.runtime.config.redis);
    try {
      for (;;) {
        const p = (await queue.getJob(jobId))?.progress as RefreshProgress | undefined;
        if (p?.stage === 'write-back' && p.stageFraction > 0.2) break;
        await sleep(20);
      }
      first.child.kill('SIGKILL');
      const partial = await countMetricsPerEntity(app.runtime.db, prefix, runB);
      assert.equal(partial.minPerEntity, 0, 'the killed worker left run B half written');
      assert.equal(partial.maxPerEntity, 1);
      assert.equal((await getRun(app.runtime.db, runB))?.status, 'writing');
      assert.equal(await servedRun('e0'), runA, 'the half-written run is not served');

      const second = await startCli(['worker'], /consuming/, workerEnv);
      children.push(second.child);
      for (;;) {
        const state = await (await queue.getJob(jobId))?.getState();
        if (state === 'completed') break;
        assert.notEqual(state, 'failed');
        await sleep(100);
      }
      second.child.kill('SIGTERM');
    } finally {
      await queue.close();
    }
    // the poller goes on until it has seen the recovered run served a few times, then stops
    while (seen.filter((r) => r === runB).length < 3) await sleep(20);
    polling = false;
    await poller;

    const run = await getRun(app.runtime.db, runB);
    assert.equal(run?.status, 'complete');
    assert.ok((run?.attempts ?? 0) >= 2, 'the second worker resumed the same run');
    assert.deepEqual(await countMetricsPerEntity(app.runtime.db, prefix, runB), { entities: N, minPerEntity: 1, maxPerEntity: 1 });
    for (const id of ['e0', 'e1', 'e1500', 'e2999']) assert.equal(await servedRun(id), runB);

    const firstB = seen.indexOf(runB);
    assert.ok(seen.every((r) => r === runA || r === runB), `served runs: ${[...new Set(seen)].join(', ')}`);
    assert.ok(seen.slice(0, firstB).includes(runA), 'the previous run was served while B was written');
    assert.ok(seen.slice(firstB).every((r) => r === runB), 'once switched, never back');
  });
});
