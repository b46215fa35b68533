/** fraudRisk beside the credit score: a fraud model file served through FRAUD_MODEL_FILE, single and batch. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { binsFromCuts, MODEL_FORMAT, parseModel, type ScorecardModel } from '../../src/scoring/model.js';
import { DEFAULT_SCALE, scaleFactor, scoreFromLogOdds } from '../../src/scoring/scale.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { loadScoreFixture } from '../helpers/score-fixture.js';

/** A small fraud scorecard: adverse reports and defaults push fraud up (points down). */
function fraudModel(): ScorecardModel {
  const f = scaleFactor(DEFAULT_SCALE);
  return parseModel({
    format: MODEL_FORMAT,
    version: 'fraud-test-1',
    kind: 'trained',
    target: 'fraud',
    createdAt: '2025-01-01T00:00:00Z',
    scale: DEFAULT_SCALE,
    basePoints: scoreFromLogOdds(Math.log(9), DEFAULT_SCALE),
    characteristics: [
      { feature: 'reportedNegativeShare', bins: binsFromCuts([0.2, 0.5], [0, -1.5 * f, -3 * f]), missing: { points: 0 } },
      { feature: 'loansDefaulted', bins: binsFromCuts([1], [0, -2 * f]), missing: { points: 0 } },
    ],
  });
}

describe('API /v1 scores: fraudRisk', () => {
  let app: TestApp;
  const p = uniquePrefix('score-fraud');
  const dir = mkdtempSync(join(tmpdir(), 'creditgraph-fraud-'));
  before(async () => {
    const file = join(dir, 'fraud.json');
    writeFileSync(file, JSON.stringify(fraudModel()));
    app = await startTestApp({ SCORE_TIMEOUT_MS: '10000', FRAUD_MODEL_FILE: file });
    await loadScoreFixture(app.runtime.db, p);
  });
  after(async () => {
    await deleteByPrefix(app.runtime.db, p);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers fraudRisk with its own reasons beside the credit score', async () => {
    const risky = await (await app.request(`/v1/entities/${p}risky/score`, { role: 'analyst' })).json();
    const good = await (await app.request(`/v1/entities/${p}good/score`, { role: 'analyst' })).json();
    assert.equal(risky.fraudModelVersion, 'fraud-test-1');
    assert.ok(risky.fraudRisk > 0.5 && risky.fraudRisk <= 1, String(risky.fraudRisk));
    assert.ok(good.fraudRisk < risky.fraudRisk, `${good.fraudRisk} vs ${risky.fraudRisk}`);
    assert.ok(risky.fraudReasons.some((r: { code: string }) => r.code === 'LOAN_DEFAULTED'), JSON.stringify(risky.fraudReasons));
    assert.equal(risky.modelVersion, 'expert-1.0.0', 'the credit score keeps its own model');
    assert.ok(risky.pd > 0 && risky.pd < 1);
  });

  it('answers fraudRisk in a batch too', async () => {
    const res = await app.request('/v1/scores', { role: 'lender', method: 'POST', body: JSON.stringify({ ids: [`${p}good`, `${p}risky`] }) });
    const body = await res.json();
    const risks = body.results.map((r: { score: { fraudRisk: number } }) => r.score.fraudRisk);
    assert.ok(risks.every((x: number) => typeof x === 'number'));
    assert.ok(risks[1] > risks[0]);
  });
});
