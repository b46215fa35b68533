import assert from 'node:assert/strict';
import { ANALYTICS_DEFAULTS, prepareGraph, prepareWork } from '../../../src/analytics/analytics-pipeline.js';
import { privateSink, runTask, taskCounts } from '../../../src/analytics/analytics-work.js';
import { EDGE_KIND, EdgeListBuilder } from '../../../src/analytics/edge-list.js';
import { createRng } from '../../../src/analytics/rng.js';
import { awaitTasks, createControl, drainTasks, failPool, POOL } from '../../../src/use-cases/analytics-thread-pool.js';

function graph() {
  const rng = createRng(3);
  const n = 300;
  const b = new EdgeListBuilder(1500);
  for (let i = 0; i < 1500; i++) b.add({ src: Math.floor(rng() * n), dst: Math.floor(n * rng() ** 2), kind: EDGE_KIND.pays, amount: 100 + Math.floor(rng() * 1e4), first: 0, last: 1 });
  const bad = new Uint8Array(n);
  for (let v = 0; v < n; v++) bad[v] = rng() < 0.1 ? 1 : 0;
  return prepareGraph({ ids: Array.from({ length: n }, (_, v) => `E${v}`), bad, edges: b.finish(), identifierGroups: [] });
}

describe('use-cases/analytics-thread-pool', () => {
  it('splits the tasks between two claimants with the result of one', () => {
    const g = graph();
    const opts = { ...ANALYTICS_DEFAULTS, betweennessExactMaxNodes: 0, betweennessEpsilon: 0.1 };
    const work = prepareWork(g, opts, createRng(1));
    const counts = taskCounts(work);
    const total = counts.centrality + counts.risk;
    assert.ok(counts.centrality > 1 && counts.risk > 1, 'several tasks in each group');
    const alone = privateSink(work);
    for (let t = 0; t < total; t++) runTask(work, t, alone);

    const control = createControl();
    const a = privateSink(work);
    const b = { ...privateSink(work), walk: a.walk, walkInfo: a.walkInfo, self: a.self };
    // alternate claimants one task at a time, as two threads might
    for (let t = 0; t < total; t++) drainTasks(work, control, Math.min(total, Atomics.load(control, POOL.next) + 1), t % 2 ? a : b);
    awaitTasks(control, total, () => 'unused');
    const credit = a.credit.map((x, v) => x + b.credit[v]!);
    assert.deepEqual([...credit], [...alone.credit]);
    assert.deepEqual([...a.walk], [...alone.walk]);
    assert.deepEqual([...a.self], [...alone.self]);
  });

  it('stops claiming and reports the other thread\'s failure', () => {
    const control = createControl();
    failPool(control);
    assert.throws(() => awaitTasks(control, 5, () => 'RangeError: boom'), /analytics helper thread: RangeError: boom/);
  });
});
