/**
 * The metrics endpoints end to end: the app in-process on port 0, a metrics worker in-process on a
 * private queue prefix, a scoped refresh of a small graph of the test's own.
 */
import assert from 'node:assert/strict';
import { QueueEvents } from 'bullmq';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { createTestGraph, deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { defaultWorkerSpecs, startWorkers, type RunningWorkers } from '../../workers/main.js';
import { createMetricsQueue } from '../../src/queue/metrics-producer.js';
import { bullConnection } from '../../src/queue/connection.js';
import { QUEUE_NAMES } from '../../src/queue/names.js';
import { smallGraph } from '../helpers/metrics-graph.js';

describe('metrics runs API', function () {
  this.timeout(60000);
  const prefix = uniquePrefix('mapi');
  const queuePrefix = prefix.replace(/-$/, '');
  let app: TestApp;
  let workers: RunningWorkers | undefined;

  before(async () => {
    app = await startTestApp({ QUEUE_PREFIX: queuePrefix, METRICS_SCHEDULE_ENABLED: 'false' });
    await createTestGraph(app.runtime.db, prefix, smallGraph());
  });
  after(async () => {
    await workers?.close();
    const queue = createMetricsQueue(app.runtime.config.redis);
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteTestGraph(app.runtime.db, prefix);
    await app.close();
  });

  it('refuses a refresh to non-admins and validates the body', async () => {
    assert.equal((await app.request('/v1/metrics/runs', { method: 'POST', role: 'analyst', body: '{}' })).status, 403);
    assert.equal((await app.request('/v1/metrics/runs', { method: 'POST', role: 'none', body: '{}' })).status, 401);
    const bad = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: 'a b' }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field, 'scope');
  });

  it('accepts a refresh with 202, deduplicates a second one, and a worker completes it', async () => {
    const res = await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: prefix }) });
    assert.equal(res.status, 202);
    const body = (await res.json()) as { jobId: string; runId: string; deduplicated: boolean };
    assert.equal(body.deduplicated, false);
    assert.equal(res.headers.get('location'), `/v1/jobs/${body.jobId}`);
    const again = (await (await app.request('/v1/metrics/runs', { method: 'POST', body: JSON.stringify({ scope: prefix }) })).json()) as typeof body;
    assert.deepEqual([again.jobId, again.deduplicated], [body.jobId, true]);

    const waiting = (await (await app.request(`/v1/jobs/${body.jobId}`, { role: 'analyst' })).json()) as { state: string; queue: string };
    assert.equal(waiting.queue, QUEUE_NAMES.metrics);
    assert.ok(['waiting', 'prioritized', 'active'].includes(waiting.state), waiting.state);

    const events = new QueueEvents(QUEUE_NAMES.metrics, { connection: bullConnection(app.runtime.config.redis), prefix: queuePrefix });
    await events.waitUntilReady();
    const spec = defaultWorkerSpecs(app.runtime).filter((s) => s.queue === QUEUE_NAMES.metrics);
    workers = await startWorkers(app.runtime.config, spec);
    const queue = createMetricsQueue(app.runtime.config.redis);
    const job = await queue.getJob(body.jobId);
    await job!.waitUntilFinished(events, 45000);
    await Promise.all([events.close(), queue.close()]);

    const done = (await (await app.request(`/v1/jobs/${body.jobId}`, { role: 'analyst' })).json()) as { state: string; progress: { stage: string; percent: number } };
    assert.equal(done.state, 'completed');
    assert.deepEqual([done.progress.stage, done.progress.percent], ['switch', 100]);

    const run = (await (await app.request(`/v1/metrics/runs/${body.runId}`, { role: 'analyst' })).json()) as {
      status: string; stages: { stage: string; ms: number }[]; counts: { entities: number }; params: { scope: string };
    };
    assert.equal(run.status, 'complete');
    assert.deepEqual(run.stages.map((s) => s.stage), ['snapshot', 'centrality', 'communities', 'risk', 'features', 'write-back', 'monitoring', 'switch']);
    assert.equal(run.counts.entities, 11);
    assert.equal(run.params.scope, prefix);

    const list = (await (await app.request(`/v1/metrics/runs?scope=${prefix}`, { role: 'analyst' })).json()) as { runs: { id: string }[] };
    assert.deepEqual(list.runs.map((r) => r.id), [body.runId]);
    const signals = (await (await app.request(`/v1/metrics/entities/${prefix}a3`, { role: 'lender' })).json()) as { runId: string; metrics: { pagerank: number } };
    assert.equal(signals.runId, body.runId);
    assert.ok(signals.metrics.pagerank > 0);
  });

  it('answers 404 for unknown runs, jobs and entities', async () => {
    assert.equal((await app.request('/v1/metrics/runs/nope', { role: 'analyst' })).status, 404);
    assert.equal((await app.request('/v1/jobs/nope', { role: 'analyst' })).status, 404);
    assert.equal((await app.request(`/v1/metrics/entities/${prefix}nope`, { role: 'analyst' })).status, 404);
  });
});
