import assert from 'node:assert/strict';
import {
  ANALYTICS_DEFAULTS,
  computeCentrality,
  computeCommunities,
  computeRisk,
  prepareGraph,
} from '../../../src/analytics/analytics-pipeline.js';
import { EDGE_KIND, EdgeListBuilder, type AnalyticsGraph } from '../../../src/analytics/edge-list.js';
import { createRng } from '../../../src/analytics/rng.js';
import { runAnalyticsInThread } from '../../../src/use-cases/run-analytics-thread.js';

/** A seeded random payment graph of n entities and m edges, 3 % bad. */
function snapshot(n: number, m: number, seed: number): AnalyticsGraph {
  const rng = createRng(seed);
  const b = new EdgeListBuilder(m);
  for (let i = 0; i < m; i++) {
    b.add({
      src: Math.floor(rng() * n),
      dst: Math.floor(n * rng() ** 2),
      kind: EDGE_KIND.pays,
      amount: 100 + Math.floor(rng() * 1e5),
      first: 1e12,
      last: 1e12 + i,
    });
  }
  const bad = new Uint8Array(n);
  for (let v = 0; v < n; v++) bad[v] = rng() < 0.03 ? 1 : 0;
  return {
    ids: Array.from({ length: n }, (_, v) => `E${v}`),
    bad,
    edges: b.finish(),
    identifierGroups: [[1, 2, 3]],
  };
}

describe('use-cases/run-analytics-thread', function () {
  this.timeout(60000);

  it('returns what the in-process pipeline computes, stage by stage, and detaches the edges', async () => {
    const opts = { ...ANALYTICS_DEFAULTS, betweennessExactMaxNodes: 100, betweennessEpsilon: 0.05 };
    const local = snapshot(400, 2000, 7);
    const g = prepareGraph(local);
    const expected = {
      c: computeCentrality(g, opts, createRng(5)),
      k: computeCommunities(g, opts, createRng(5 ^ 0x9e3779b9)),
      r: computeRisk(g, opts),
    };
    const sent = snapshot(400, 2000, 7);
    const stages: string[] = [];
    const out = await runAnalyticsInThread(sent, opts, 5, (done) => {
      stages.push(done.stage);
    });
    assert.deepEqual(stages, ['centrality', 'communities', 'risk']);
    assert.deepEqual([...out.centrality.pagerank], [...expected.c.pagerank]);
    assert.deepEqual([...out.centrality.betweenness], [...expected.c.betweenness]);
    assert.deepEqual([...out.communities.community], [...expected.k.community]);
    assert.equal(out.communities.modularity, expected.k.modularity);
    assert.deepEqual([...out.risk.exposure], [...expected.r.exposure]);
    assert.deepEqual([...out.risk.exposureNorm], [...expected.r.exposureNorm]);
    assert.deepEqual(out.centrality.stats, expected.c.stats);
    assert.ok(out.centrality.stats.betweennessSamples > 0, 'sampled betweenness, shared by two threads');
    assert.deepEqual([...out.risk.nearestBad.chosen], [...expected.r.nearestBad.chosen]);
    assert.deepEqual(out.risk.identifierRings, expected.r.identifierRings);
    assert.equal(sent.edges.src.length, 0, 'the edge arrays were transferred, not copied');
    assert.equal(sent.bad.length, 400, 'labels stay with the caller');
  });

  it('leaves the event loop free while the thread computes (timers fire during a stage)', async () => {
    // Counted in events, not measured in time: between the message that centrality is done and the one
    // that communities are done, the thread runs Louvain; timers of the main thread keep firing meanwhile.
    // Run on the main thread, the stage would block them (at most the one already due fires after it).
    // How long the loop may stall is measured by `npm run bench:analytics-thread`.
    const big = snapshot(30_000, 300_000, 3);
    const opts = { ...ANALYTICS_DEFAULTS, betweennessExactMaxNodes: 0, betweennessEpsilon: 0.05 };
    let ticks = 0;
    const ticksAt: Record<string, number> = {};
    const ticker = setInterval(() => ticks++, 1);
    try {
      await runAnalyticsInThread(big, opts, 1, (done) => {
        ticksAt[done.stage] = ticks;
      });
    } finally {
      clearInterval(ticker);
    }
    const duringCommunities = ticksAt.communities! - ticksAt.centrality!;
    const duringRisk = ticksAt.risk! - ticksAt.communities!;
    assert.ok(duringCommunities >= 3, `${duringCommunities} timer ticks while the thread ran Louvain`);
    assert.ok(duringRisk >= 3, `${duringRisk} timer ticks while the thread ran the risk stage`);
  });

  it('rejects with the thread error, and when a stage callback fails', async () => {
    const bad = {
      ...ANALYTICS_DEFAULTS,
      pagerank: { ...ANALYTICS_DEFAULTS.pagerank, personalization: new Float64Array(10) },
    };
    await assert.rejects(
      runAnalyticsInThread(snapshot(10, 20, 1), bad, 1),
      /analytics thread: personalization vector must have a positive entry/,
    );
    await assert.rejects(
      runAnalyticsInThread(snapshot(10, 20, 1), ANALYTICS_DEFAULTS, 1, () => {
        throw new Error('progress store down');
      }),
      /progress store down/,
    );
  });
});
