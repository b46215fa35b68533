import assert from 'node:assert/strict';
import type { MetricsRun } from '../../../src/db/signals-repository.js';
import { withFailedStage } from '../../../src/use-cases/metrics-runs.js';
import { REFRESH_STAGES } from '../../../src/use-cases/refresh-metrics.js';

const base: MetricsRun = {
  id: 'run-1',
  scope: '',
  status: 'failed',
  stage: 'centrality',
  current: false,
  scopeCurrent: false,
  attempts: 1,
  jobId: 'j1',
  startedAt: '2025-01-01T02:00:00.000Z',
  snapshotAt: '2025-01-01T02:00:01.000Z',
  finishedAt: '2025-01-01T02:01:00.000Z',
  params: {},
  stages: [
    { stage: 'snapshot', ms: 1000 },
    { stage: 'centrality', ms: 2000 },
  ],
  counts: {},
  error: 'Louvain ran out of memory',
};

describe('use-cases/metrics-runs: the stage a failed run failed in', () => {
  it('is the first stage without a recorded timing', () => {
    assert.equal(withFailedStage(base).failedStage, 'communities');
    assert.equal(withFailedStage({ ...base, stages: [] }).failedStage, 'snapshot');
    const allButSwitch = REFRESH_STAGES.slice(0, -1).map((stage) => ({ stage, ms: 1 }));
    assert.equal(withFailedStage({ ...base, stages: allButSwitch }).failedStage, 'switch');
  });

  it('is null unless the run failed', () => {
    for (const status of ['running', 'writing', 'complete'] as const) {
      assert.equal(withFailedStage({ ...base, status }).failedStage, null, status);
    }
  });
});
