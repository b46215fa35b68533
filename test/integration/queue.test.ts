import assert from 'node:assert/strict';
import { sendHealthJob } from '../../src/queue/health-producer.js';
import { startWorkers, type RunningWorkers } from '../../workers/main.js';
import { processHealthJob } from '../../workers/health.worker.js';
import { testConfig, uniquePrefix } from '../helpers/runtime.js';

describe('BullMQ on the real Redis', () => {
  const config = testConfig();
  const queue = uniquePrefix('health');
  let workers: RunningWorkers;
  before(async () => {
    workers = await startWorkers(config, [{ queue, processor: processHealthJob }]);
  });
  after(async () => {
    await workers?.close();
    const { Queue } = await import('bullmq');
    const q = new Queue(queue, { connection: { url: config.redis.url }, prefix: config.redis.prefix });
    await q.obliterate({ force: true });
    await q.close();
  });

  it('round-trips a health job through a worker', async () => {
    const result = await sendHealthJob(config.redis, 'hello', 50_000, queue);
    assert.equal(result.echo, 'hello');
    assert.match(result.worker, /:\d+$/);
    assert.ok(Number.isFinite(result.latencyMs) && result.latencyMs >= 0, `latencyMs ${result.latencyMs}`);
  });
});
