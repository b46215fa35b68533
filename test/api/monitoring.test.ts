import assert from 'node:assert/strict';
import { listAuditEvents } from '../../src/db/audit-repository.js';
import { deleteFixtureGraph } from '../helpers/explore-fixture-repository.js';
import { createMonitoredNetwork } from '../helpers/monitoring-fixture.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';

describe('monitoring API: loans, their use of funds and alerts (real Neo4j)', () => {
  let app: TestApp;
  const p = uniquePrefix('monitoring-api');
  let runId = '';
  const get = async (path: string, role: 'analyst' | 'admin' | 'lender' | 'none' = 'analyst') => {
    const res = await app.request(path, { role, headers: { 'x-purpose': 'monitoring' } });
    return { status: res.status, body: await res.json() };
  };
  const short = (id: string) => id.slice(p.length);

  before(async () => {
    app = await startTestApp();
    ({ runId } = await createMonitoredNetwork(app.runtime.db, p));
  });
  after(async () => {
    if (app) {
      await deleteFixtureGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  it('GET /v1/monitoring/alerts lists the run’s alerts newest first, with codes, amounts and paths', async () => {
    const { status, body } = await get(`/v1/monitoring/alerts?runId=${runId}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.runId, runId);
    assert.equal(body.total, 2);
    assert.deepEqual(
      body.items.map((a: { loanId: string; code: string; severity: string; amountMinor: number; path: string[]; at: string }) => [
        short(a.loanId),
        a.code,
        a.severity,
        a.amountMinor,
        a.path.map(short).join('>'),
        a.at,
      ]),
      [
        ['L2', 'ROUND_TRIP', 'high', 5000, 'C>Y>C', '2024-03-10T00:00:00.000Z'],
        ['L1', 'FUNDS_TO_BAD', 'high', 9000, 'B>X>Bad', '2024-03-04T00:00:00.000Z'],
      ],
    );
    assert.equal(body.items[1].share, 0.9);
    assert.equal(body.items[1].lender, `${p}L`);
  });

  it('filters by code and lender, sorts by severity, and limits', async () => {
    const bad = await get(`/v1/monitoring/alerts?runId=${runId}&code=FUNDS_TO_BAD`);
    assert.deepEqual(bad.body.items.map((a: { loanId: string }) => short(a.loanId)), ['L1']);
    assert.equal((await get(`/v1/monitoring/alerts?runId=${runId}&lender=${p}nobody`)).body.total, 0);
    assert.equal((await get(`/v1/monitoring/alerts?runId=${runId}&lender=${p}L`)).body.total, 2);
    const bySeverity = await get(`/v1/monitoring/alerts?runId=${runId}&sort=severity&limit=1`);
    assert.equal(bySeverity.body.total, 2);
    assert.equal(bySeverity.body.items.length, 1);
    assert.equal(bySeverity.body.items[0].code, 'ROUND_TRIP', 'equal severity: the newer first');
  });

  it('GET /v1/loans/:id/monitoring: the flow with amounts per hop, alerts, weekly behaviour and limit', async () => {
    const { status, body } = await get(`/v1/loans/${p}L1/monitoring`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.monitored, true);
    assert.equal(body.runId, runId, 'the scoped run in service that monitored it');
    const m = body.monitoring;
    assert.deepEqual([short(m.borrower), short(m.lender), m.disbursement.amountMinor, m.disbursement.source], ['B', 'L', 10000, 'lender-payment']);
    assert.deepEqual(m.flow.byHop, [9000, 9000, 0]);
    assert.deepEqual(
      m.flow.edges.map((e: { from: string; to: string; hop: number; amountMinor: number; alert: string | null }) => [short(e.from), short(e.to), e.hop, e.amountMinor, e.alert]),
      [['B', 'X', 1, 9000, 'FUNDS_TO_BAD'], ['X', 'Bad', 2, 9000, 'FUNDS_TO_BAD']],
    );
    assert.deepEqual(m.flow.nodes.find((n: { id: string }) => n.id === `${p}Bad`), { id: `${p}Bad`, hop: 2, receivedMinor: 9000, role: 'target', alerts: ['FUNDS_TO_BAD'] });
    assert.equal(m.retainedMinor, 1000);
    assert.deepEqual(m.alerts.map((a: { code: string }) => a.code), ['FUNDS_TO_BAD']);
    assert.equal(m.limit.amountMinor, 0, 'a high alert freezes the limit');
    assert.equal(m.behaviour.weeks[0].week, -12);
    assert.equal(m.behaviour.weeks.at(-1).limitMinor, 0);
  });

  it('a loan that no run monitored answers monitored: false; an unknown loan 404', async () => {
    const closed = await get(`/v1/loans/${p}L4/monitoring`);
    assert.equal(closed.status, 200);
    assert.deepEqual([closed.body.monitored, closed.body.monitoring], [false, null]);
    const unknown = await get(`/v1/loans/${p}nope/monitoring`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.detail, /loan/);
  });

  it('GET /v1/monitoring/loans lists the monitored loans, alerted first', async () => {
    const { body } = await get(`/v1/monitoring/loans?runId=${runId}`);
    assert.deepEqual(body.items.map((l: { loanId: string; alertCount: number }) => [short(l.loanId), l.alertCount]), [['L1', 1], ['L2', 1], ['L3', 0]]);
    assert.equal((await get(`/v1/monitoring/loans?runId=${runId}&alerted=true`)).body.total, 2);
  });

  it('validates parameters and roles', async () => {
    const bad = await get(`/v1/monitoring/alerts?runId=${runId}&code=FRAUD`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'code');
    assert.equal((await get(`/v1/monitoring/alerts?runId=${p}run-9`)).status, 404);
    assert.equal((await get(`/v1/monitoring/alerts?runId=${runId}`, 'lender')).status, 403);
    assert.equal((await get(`/v1/loans/${p}L1/monitoring`, 'none')).status, 401);
  });

  it('audits the reads: who read which borrower, with the purpose', async () => {
    const { events } = await listAuditEvents(app.runtime.db, { keyId: null, entityId: `${p}B`, fromMs: null, toMs: null, limit: 50 });
    const routes = events.map((e) => e.route);
    assert.ok(routes.includes('GET /v1/loans/:id/monitoring'), routes.join(', '));
    assert.ok(routes.includes('GET /v1/monitoring/alerts'));
    assert.ok(events.every((e) => e.purpose === 'monitoring'));
    assert.ok(events.some((e) => e.kind === 'loan-monitoring'));
  });
});
