import assert from 'node:assert/strict';
import { createFixtureGraph, deleteFixtureGraph } from '../helpers/explore-fixture-repository.js';
import { exploreGraph } from '../fixtures/explore-graph.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';

interface Graph {
  attributes: Record<string, unknown> & { cut: { nodes: number; edges: number }; truncated: boolean };
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: { total: number; count: number; kind: string } }>;
}

describe('exploration API: ego network, paths, search (real Neo4j)', () => {
  let app: TestApp;
  const p = uniquePrefix('explore');
  const keys = (g: Graph) => g.nodes.map((n) => n.key.slice(p.length)).sort();
  const get = async (path: string, role: 'analyst' | 'admin' | 'lender' | 'none' = 'analyst') => {
    const res = await app.request(path, { role });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    app = await startTestApp();
    await createFixtureGraph(app.runtime.db, exploreGraph(p));
  });
  after(async () => {
    if (app) {
      await deleteFixtureGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  describe('GET /v1/entities/:id/network', () => {
    it('depth 1 answers the direct ties in graphology format, strongest first', async () => {
      const { status, body } = await get(`/v1/entities/${p}hub/network?depth=1`);
      assert.equal(status, 200, JSON.stringify(body));
      const g = body as Graph;
      assert.deepEqual(keys(g), ['a1', 'a2', 'a3', 'a4', 'a5', 'hub', 's1']);
      assert.equal(g.attributes.center, `${p}hub`);
      assert.equal(g.attributes.truncated, false);
      assert.deepEqual(g.attributes.cut, { nodes: 0, edges: 0 });
      assert.deepEqual(body.options, { type: 'directed', multi: true, allowSelfLoops: true });
      assert.deepEqual(g.edges.map((e) => e.attributes.total), [500, 400, 300, 250, 200, 100]);
      const supply = g.edges.find((e) => e.attributes.kind === 'supplies');
      assert.equal(supply?.source, `${p}s1`);
    });

    it('marks bad entities (flagged or defaulted) and the hop of each node', async () => {
      const { body } = await get(`/v1/entities/${p}hub/network?depth=2`);
      const byKey = new Map((body as Graph).nodes.map((n) => [n.key.slice(p.length), n.attributes]));
      assert.equal(byKey.get('b1')?.bad, true);
      assert.equal(byKey.get('a3')?.bad, true);
      assert.equal(byKey.get('a1')?.bad, false);
      assert.equal(byKey.get('hub')?.hop, 0);
      assert.equal(byKey.get('b3')?.hop, 2);
    });

    it('depth 2 and 3 reach further', async () => {
      assert.deepEqual(keys((await get(`/v1/entities/${p}hub/network?depth=2`)).body), ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'hub', 's1']);
      assert.equal((await get(`/v1/entities/${p}hub/network?depth=3`)).body.nodes.length, 11);
    });

    it('caps the nodes, keeps the strongest ties and says what was cut', async () => {
      const { body } = await get(`/v1/entities/${p}hub/network?depth=1&limit=3`);
      const g = body as Graph;
      assert.deepEqual(keys(g), ['a1', 'a2', 'hub']);
      assert.equal(g.attributes.truncated, true);
      assert.deepEqual(g.attributes.cut, { nodes: 4, edges: 4 });
      assert.equal(g.attributes.cap, 3);
    });

    it('filters ties by since and minAmount', async () => {
      assert.ok(!keys((await get(`/v1/entities/${p}hub/network?since=2023-01-01`)).body).includes('a5'));
      assert.deepEqual(keys((await get(`/v1/entities/${p}hub/network?minAmount=300`)).body), ['a1', 'a2', 'a3', 'hub']);
    });

    it('404 for an unknown entity', async () => {
      const { status, body } = await get(`/v1/entities/${p}nobody/network`);
      assert.equal(status, 404);
      assert.equal(body.code, 'not_found');
    });

    it('400 naming the bad parameter', async () => {
      for (const [query, field] of [
        ['depth=4', 'depth'],
        ['depth=x', 'depth'],
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['since=yesterday', 'since'],
        ['minAmount=-1', 'minAmount'],
      ] as const) {
        const { status, body } = await get(`/v1/entities/${p}hub/network?${query}`);
        assert.equal(status, 400, query);
        assert.deepEqual(body.errors.map((e: { field: string }) => e.field), [field], query);
        assert.match(body.detail, new RegExp(field));
      }
    });

    it('is audited before it answers, once for every entity it returns (who, purpose, which entity, status)', async () => {
      const requestId = `${p}net-audit`;
      const res = await app.request(`/v1/entities/${p}a2/network`, { role: 'analyst', purpose: 'fraud_investigation', headers: { 'x-request-id': requestId } });
      const graph = (await res.json()) as Graph;
      assert.equal(res.status, 200);
      assert.ok(graph.nodes.length > 1, 'the network names more than its centre');
      for (const node of graph.nodes) {
        const { body } = await get(`/v1/audit?entityId=${encodeURIComponent(node.key)}&limit=1000`, 'admin');
        const mine = body.events.filter((e: { requestId: string }) => e.requestId === requestId);
        assert.equal(mine.length, 1, `${node.key}: ${JSON.stringify(body.events)}`);
        assert.deepEqual(
          [mine[0].route, mine[0].kind, mine[0].role, mine[0].purpose, mine[0].status],
          ['GET /v1/entities/:id/network', 'network', 'analyst', 'fraud_investigation', 200],
        );
      }
    });

    it('requires X-Purpose from the configured list: 400 naming the header and the allowed values', async () => {
      for (const purpose of [null, 'curiosity']) {
        const res = await app.request(`/v1/entities/${p}a2/network`, { role: 'analyst', purpose });
        assert.equal(res.status, 400, String(purpose));
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        const body = await res.json();
        assert.equal(body.errors[0].field, 'header.x-purpose');
        assert.match(body.detail, /X-Purpose/);
        assert.match(body.detail, /credit_decision, account_review, fraud_investigation, monitoring, testing/);
      }
    });

    it('is for analysts and admins: 401 without a key, 403 for a lender', async () => {
      assert.equal((await get(`/v1/entities/${p}hub/network`, 'none')).status, 401);
      assert.equal((await get(`/v1/entities/${p}hub/network`, 'lender')).status, 403);
      assert.equal((await get(`/v1/entities/${p}hub/network`, 'admin')).status, 200);
    });
  });

  describe('GET /v1/paths', () => {
    it('answers the shortest paths first, then alternatives, with amounts', async () => {
      const { status, body } = await get(`/v1/paths?from=${p}hub&to=${p}b1&maxHops=3&k=3`);
      assert.equal(status, 200, JSON.stringify(body));
      const paths = body.attributes.paths as Array<{ nodes: string[]; length: number; bottleneck: number; total: number }>;
      assert.deepEqual(paths.map((x) => x.length), [2, 2, 3]);
      const via = paths.map((x) => x.nodes.map((n) => n.slice(p.length)).join('>'));
      assert.deepEqual(via.slice(0, 2).sort(), ['hub>a1>b1', 'hub>a4>b1']);
      assert.equal(via[2], 'hub>a2>b3>b1');
      const viaA1 = paths.find((x) => x.nodes[1] === `${p}a1`);
      assert.deepEqual([viaA1?.bottleneck, viaA1?.total], [500, 1500]);
      assert.deepEqual(keys(body as Graph), ['a1', 'a2', 'a4', 'b1', 'b3', 'hub']);
      assert.equal((body as Graph).edges.length, 7);
    });

    it('maxHops bounds the search; no path is an empty list', async () => {
      assert.equal((await get(`/v1/paths?from=${p}hub&to=${p}c1&maxHops=2`)).body.attributes.paths.length, 0);
      assert.equal((await get(`/v1/paths?from=${p}hub&to=${p}c1&maxHops=3&k=1`)).body.attributes.paths.length, 1);
      assert.equal((await get(`/v1/paths?from=${p}hub&to=${p}lonely`)).body.attributes.paths.length, 0);
    });

    it('404 for an unknown end, 400 naming a bad or missing parameter', async () => {
      const unknown = await get(`/v1/paths?from=${p}hub&to=${p}nobody`);
      assert.equal(unknown.status, 404);
      assert.match(unknown.body.detail, /nobody/);
      for (const [query, field] of [
        [`from=${p}hub`, 'to'],
        [`from=${p}hub&to=${p}b1&maxHops=7`, 'maxHops'],
        [`from=${p}hub&to=${p}b1&k=0`, 'k'],
        [`from=${p}hub&to=${p}hub`, 'to'],
      ] as const) {
        const { status, body } = await get(`/v1/paths?${query}`);
        assert.equal(status, 400, query);
        assert.equal(body.errors[0].field, field, query);
      }
    });

    it('403 for a lender', async () => {
      assert.equal((await get(`/v1/paths?from=${p}hub&to=${p}b1`, 'lender')).status, 403);
    });
  });

  describe('GET /v1/entities?search=', () => {
    it('finds entities by id prefix, in id order, up to limit', async () => {
      const { status, body } = await get(`/v1/entities?search=${p}a&limit=3`);
      assert.equal(status, 200);
      assert.deepEqual(body.items.map((i: { id: string }) => i.id.slice(p.length)), ['a1', 'a2', 'a3']);
      assert.equal(body.items[2].bad, true);
      assert.equal((await get(`/v1/entities?search=${p}zz`)).body.items.length, 0);
    });

    it('400 without search, 403 for a lender', async () => {
      const { status, body } = await get('/v1/entities');
      assert.equal(status, 400);
      assert.equal(body.errors[0].field, 'search');
      assert.equal((await get(`/v1/entities?search=${p}`, 'lender')).status, 403);
    });
  });
});
