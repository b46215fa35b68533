/**
 * Privacy by role over HTTP: a lender key never sees another entity's id in a score, a batch, a profile
 * or an entity's signals, while an analyst does (the reasons' evidence, the path to the nearest bad
 * entity). Real app, real Neo4j and Redis, the small scored graph plus a metrics run of its scope.
 */
import assert from 'node:assert/strict';
import type { Role } from '../../src/auth/api-key.js';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { refreshMetrics } from '../../src/use-cases/refresh-metrics.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { loadScoreFixture } from '../helpers/score-fixture.js';

const NAMES = ['good', 'risky', 'bad', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

/** Every string anywhere in a JSON value (keys too). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('API privacy by role: lenders see no third party', () => {
  let app: TestApp;
  const p = uniquePrefix('privacy');
  const others = (self: string) => NAMES.map((n) => p + n).filter((id) => id !== self);
  /** The other fixture entities a value names (anywhere, even inside a sentence or a JSON string). */
  const thirdParties = (value: unknown, self: string) => {
    const text = strings(value);
    return others(self).filter((id) => text.some((s) => s.includes(id)));
  };
  const get = async (path: string, role: Role) => {
    const res = await app.request(path, { role, purpose: 'credit_decision' });
    assert.equal(res.status, 200, `${path} as ${role}`);
    return res.json();
  };

  before(async () => {
    app = await startTestApp({ SCORE_TIMEOUT_MS: '10000' });
    await loadScoreFixture(app.runtime.db, p);
    await refreshMetrics(app.runtime.db, app.runtime.config.metrics, { runId: `${p}run`, jobId: 'test', scope: p });
  });
  after(async () => {
    await deleteByPrefix(app.runtime.db, p);
    await deleteTestGraph(app.runtime.db, p);
    await app.close();
  });

  it('score: the analyst sees the third parties behind the reasons, the lender none of them', async () => {
    const self = `${p}risky`;
    const analyst = await get(`/v1/entities/${self}/score`, 'analyst');
    assert.ok(thirdParties(analyst, self).length > 0, 'the analyst sees who the reasons rest on');
    const lender = await get(`/v1/entities/${self}/score`, 'lender');
    assert.deepEqual(thirdParties(lender, self), []);
    assert.deepEqual(
      lender.reasons.map((r: { code: string }) => r.code),
      analyst.reasons.map((r: { code: string }) => r.code),
      'the same reasons, as codes',
    );
    assert.deepEqual([lender.score, lender.pd, lender.band, lender.limit], [analyst.score, analyst.pd, analyst.band, analyst.limit]);
    assert.ok(lender.reasons.every((r: { evidence: { entities: unknown[] } }) => r.evidence.entities.length === 0));
  });

  it('batch: no result names another entity for the lender', async () => {
    const ids = NAMES.map((n) => p + n);
    const res = await app.request('/v1/scores', { role: 'lender', purpose: 'credit_decision', method: 'POST', body: JSON.stringify({ ids }) });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.counts.ok, ids.length);
    for (const r of body.results) assert.deepEqual(thirdParties(r, r.id), [], r.id);
    const analyst = await (await app.request('/v1/scores', { role: 'analyst', method: 'POST', body: JSON.stringify({ ids }) })).json();
    assert.ok(analyst.results.some((r: { id: string }) => thirdParties(r, r.id).length > 0));
  });

  it('profile and signals: the lender gets the entity’s own facts, no nearest bad entity, path or community id', async () => {
    const self = `${p}risky`;
    const path = `/v1/metrics/entities/${self}`;
    const analyst = await get(path, 'analyst');
    assert.ok(thirdParties(analyst, self).length > 0, 'the analyst sees the path to the bad entity');
    const lender = await get(path, 'lender');
    assert.deepEqual(thirdParties(lender, self), []);
    assert.equal(lender.metrics.exposure, analyst.metrics.exposure, 'own numbers stay');
    assert.equal(lender.metrics.community, undefined);
    const { size, bad, defaultRate, risk } = analyst.community;
    assert.deepEqual(lender.community, { size, bad, defaultRate, risk }, 'its community’s numbers, not which one');
    const profile = await get(`/v1/entities/${self}`, 'lender');
    assert.deepEqual(thirdParties(profile, self), []);
    assert.equal(profile.counts.loans, 2);
  });
});
