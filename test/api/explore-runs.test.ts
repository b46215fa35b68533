import assert from 'node:assert/strict';
import { createFixtureGraph, createFixtureRun, deleteFixtureGraph } from '../helpers/explore-fixture-repository.js';
import { exploreGraph, exploreRuns } from '../fixtures/explore-graph.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';

describe('exploration API: communities, rings, alerts of a run (real Neo4j)', () => {
  let app: TestApp;
  const p = uniquePrefix('explore-runs');
  const run1 = `${p}run-1`;
  const run2 = `${p}run-2`;
  const short = (id: string) => id.slice(p.length);
  const get = async (path: string, role: 'analyst' | 'admin' | 'lender' | 'none' = 'analyst') => {
    const res = await app.request(path, { role });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    app = await startTestApp({ ALERT_EXPOSURE_THRESHOLD: '0.8', ALERT_COMMUNITY_RISK_THRESHOLD: '0.2' });
    await createFixtureGraph(app.runtime.db, exploreGraph(p));
    for (const run of exploreRuns(p)) await createFixtureRun(app.runtime.db, run);
  });
  after(async () => {
    if (app) await deleteFixtureGraph(app.runtime.db, p);
    await app?.close();
  });

  describe('GET /v1/communities', () => {
    it('ranks the communities of a run by risk (default) or size', async () => {
      const byRisk = await get(`/v1/communities?runId=${run2}`);
      assert.equal(byRisk.status, 200, JSON.stringify(byRisk.body));
      assert.equal(byRisk.body.runId, run2);
      assert.equal(byRisk.body.total, 3);
      assert.deepEqual(byRisk.body.items.map((c: { id: string }) => c.id), ['2', '1', '3']);
      assert.deepEqual(byRisk.body.items[0], { id: '2', size: 4, bad: 1, defaultRate: 0.25, risk: 0.3 });
      const bySize = await get(`/v1/communities?runId=${run2}&sort=size&limit=2`);
      assert.deepEqual(bySize.body.items.map((c: { id: string }) => c.id), ['1', '2']);
      assert.equal(bySize.body.total, 3);
      const big = await get(`/v1/communities?runId=${run2}&minSize=2`);
      assert.equal(big.body.total, 2);
    });

    it('without runId answers the service run (or an empty list before the first run)', async () => {
      const { status, body } = await get('/v1/communities?limit=1');
      assert.equal(status, 200);
      assert.ok(body.runId === null || typeof body.runId === 'string');
      assert.ok(Array.isArray(body.items) && body.items.length <= 1);
    });

    it('400 naming a bad parameter, 404 for an unknown run, 403 for a lender', async () => {
      const bad = await get(`/v1/communities?runId=${run2}&sort=name`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].field, 'sort');
      assert.equal((await get(`/v1/communities?runId=${run2}&limit=0`)).body.errors[0].field, 'limit');
      const unknown = await get(`/v1/communities?runId=${p}run-9`);
      assert.equal(unknown.status, 404);
      assert.match(unknown.body.detail, /metrics run/);
      assert.equal((await get(`/v1/communities?runId=${run2}`, 'lender')).status, 403);
      assert.equal((await get(`/v1/communities?runId=${run2}`, 'none')).status, 401);
    });
  });

  describe('GET /v1/communities/:id', () => {
    it('answers members (bad first), bad members, internal flows and risk as a graph', async () => {
      const { status, body } = await get(`/v1/communities/2?runId=${run2}`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(short(body.nodes[0].key), 'b1');
      assert.deepEqual(body.nodes.map((n: { key: string }) => short(n.key)).sort(), ['b1', 'b2', 'b3', 'c1']);
      assert.deepEqual(body.attributes.badMembers.map(short), ['b1']);
      assert.deepEqual(body.attributes.internal, { ties: 2, count: 6, totalMinor: 130 });
      assert.equal(body.attributes.risk, 0.3);
      assert.equal(body.attributes.truncated, false);
      assert.equal(body.edges.length, 2);
      assert.equal(body.nodes[0].attributes.community, '2');
      assert.equal(body.nodes[0].attributes.runId, run2);
    });

    it('caps the members and says how many were left out', async () => {
      const { body } = await get(`/v1/communities/1?runId=${run2}&limit=2`);
      assert.equal(body.nodes.length, 2);
      assert.equal(short(body.nodes[0].key), 'a3');
      assert.deepEqual([body.attributes.truncated, body.attributes.cut.nodes], [true, 5]);
    });

    it('404 for an unknown community, 400 for a bad limit', async () => {
      assert.equal((await get(`/v1/communities/99?runId=${run2}`)).status, 404);
      assert.equal((await get(`/v1/communities/2?runId=${run2}&limit=5000`)).body.errors[0].field, 'limit');
    });
  });

  describe('GET /v1/rings', () => {
    it('lists the rings of a run, riskiest first, filtered by kind', async () => {
      const { status, body } = await get(`/v1/rings?runId=${run2}`);
      assert.equal(status, 200);
      assert.deepEqual(body.items.map((r: { id: string }) => r.id), ['cycle-1', 'shared-1']);
      assert.equal(body.items[0].amountMinor, 60);
      const shared = await get(`/v1/rings?runId=${run2}&kind=shared-identifier`);
      assert.deepEqual(shared.body.items.map((r: { id: string }) => r.id), ['shared-1']);
      assert.equal((await get(`/v1/rings?runId=${run2}&kind=star`)).body.errors[0].field, 'kind');
      assert.equal((await get(`/v1/rings?runId=${run2}`, 'lender')).status, 403);
    });

    it('opens a ring: members, their ties, and the identifiers they share', async () => {
      const cycle = await get(`/v1/rings/cycle-1?runId=${run2}`);
      assert.equal(cycle.status, 200);
      assert.deepEqual(cycle.body.nodes.map((n: { key: string }) => short(n.key)).sort(), ['a2', 'b1', 'b3']);
      assert.equal(cycle.body.edges.length, 2);
      const shared = await get(`/v1/rings/shared-1?runId=${run2}`);
      const kinds = shared.body.nodes.map((n: { attributes: { kind: string } }) => n.attributes.kind).sort();
      assert.deepEqual(kinds, ['business', 'identifier', 'person']);
      assert.deepEqual(shared.body.edges.map((e: { attributes: { kind: string } }) => e.attributes.kind), ['uses', 'uses']);
      assert.equal((await get(`/v1/rings/nope?runId=${run2}`)).status, 404);
    });
  });

  describe('GET /v1/alerts', () => {
    it('lists entities that crossed a threshold since the previous run of the scope', async () => {
      const { status, body } = await get(`/v1/alerts?runId=${run2}`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.baseRunId, run1);
      assert.deepEqual(body.thresholds, { exposurePct: 0.8, communityRisk: 0.2, fraudRisk: 0.5 });
      assert.deepEqual(body.items.map((a: { entity: string }) => short(a.entity)), ['a3', 'b2', 'c1', 'b1', 'b3']);
      assert.deepEqual(body.items[0].crossed, ['fraudRisk'], 'ranked by fraudRisk first');
      assert.equal(body.items[0].fraudRisk, 0.7);
      assert.deepEqual(body.items[1].crossed, ['exposure', 'communityRisk']);
      assert.deepEqual(body.items[2].crossed, ['communityRisk']);
      assert.deepEqual(body.items[1].previous, { exposurePct: 0.5, communityRisk: 0.1, fraudRisk: null });
      assert.deepEqual(body.items.slice(1).map((a: { exposureNorm: number }) => a.exposureNorm), [3, 2.5, 0.9, 0.8], 'then by exposureNorm');
    });

    it('does not alert a hub whose raw exposure is the highest but whose normalised exposure is not', async () => {
      for (const run of [run1, run2]) {
        const { body } = await get(`/v1/alerts?runId=${run}`);
        assert.ok(!body.items.some((a: { entity: string }) => short(a.entity) === 'hub'), JSON.stringify(body.items));
      }
    });

    it('without a previous run, everything over a threshold is an alert', async () => {
      const { body } = await get(`/v1/alerts?runId=${run1}`);
      assert.equal(body.baseRunId, null);
      assert.deepEqual(body.items.map((a: { entity: string; crossed: string[] }) => [short(a.entity), a.crossed]), [['c1', ['exposure']]]);
    });

    it('compares with an explicit base run; limit caps the list', async () => {
      const { body } = await get(`/v1/alerts?runId=${run2}&baseRunId=${run2}`);
      assert.equal(body.total, 0);
      assert.equal((await get(`/v1/alerts?runId=${run2}&limit=1`)).body.items.length, 1);
    });

    it('400, 404 and role checks', async () => {
      assert.equal((await get(`/v1/alerts?runId=${run2}&limit=-3`)).body.errors[0].field, 'limit');
      assert.equal((await get(`/v1/alerts?runId=${run2}&baseRunId=${p}none`)).status, 404);
      assert.equal((await get(`/v1/alerts?runId=${run2}`, 'lender')).status, 403);
      assert.equal((await get(`/v1/alerts?runId=${run2}`, 'admin')).status, 200);
    });
  });
});
