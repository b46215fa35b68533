/**
 * Post-loan monitoring end to end: the worked example of docs/monitoring.md (CSV files in the documented
 * formats: one loan of each alert code and a clean one) is loaded under a private prefix, a scoped
 * metrics refresh runs, and GET /v1/monitoring/alerts names exactly the planted loans with the right
 * codes, amounts and paths. Then a later load (one more payment on the clean loan's path) updates that
 * loan's monitoring at once, without a new run, and `creditgraph monitor` shows it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { ingestFile, ingestRules } from '../../src/use-cases/ingest-file.js';
import { ingestNetwork } from '../../src/use-cases/ingest-network.js';
import { refreshMetrics } from '../../src/use-cases/refresh-metrics.js';
import { TouchedLoansObserver } from '../../src/use-cases/monitor-touched-loans.js';
import { MONITORING_DEFAULTS } from '../../src/monitoring/monitoring-options.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { uniquePrefix } from '../helpers/runtime.js';

const EXAMPLE = fileURLToPath(new URL('../../docs/monitoring-example/', import.meta.url));

interface Alert {
  loanId: string;
  code: string;
  severity: string;
  amountMinor: number;
  share: number;
  path: string[];
}

describe('post-loan monitoring of a loaded network (real Neo4j, scoped refresh)', function () {
  this.timeout(180000);
  let app: TestApp;
  const p = uniquePrefix('monitor');
  const runId = `${p}run`;
  const dir = mkdtempSync(join(tmpdir(), 'cg-monitor-'));
  const short = (id: string) => id.slice(p.length);
  const get = async (path: string) => {
    const res = await app.request(path, { role: 'analyst', headers: { 'x-purpose': 'monitoring' } });
    return { status: res.status, body: await res.json() };
  };
  const rows = (items: Alert[]) => items.map((a) => [short(a.loanId), a.code, a.severity, a.amountMinor, a.share, a.path.map(short).join('>')]);

  before(async () => {
    app = await startTestApp();
    const summaries = await ingestNetwork(app.runtime.db, EXAMPLE, { ...ingestRules(app.runtime.config), idPrefix: p });
    assert.ok(summaries.every((s) => s.rejected === 0), JSON.stringify(summaries.map((s) => [s.type, s.rejected])));
    await refreshMetrics(app.runtime.db, app.runtime.config.metrics, { runId, jobId: 'test', scope: p });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (app) {
      await deleteByPrefix(app.runtime.db, p);
      await deleteTestGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  it('GET /v1/monitoring/alerts names exactly the planted loans, with their codes, amounts and paths', async () => {
    const { status, body } = await get(`/v1/monitoring/alerts?runId=${runId}&sort=severity`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(rows(body.items).sort(), [
      ['L-BAD', 'FUNDS_TO_BAD', 'high', 900000, 0.9, 'B1>X1>FRAUD'],
      ['L-NEW', 'NO_PRIOR_RELATIONSHIP', 'medium', 900000, 0.9, 'B4>N1'],
      ['L-RT', 'ROUND_TRIP', 'high', 750000, 0.75, 'B2>X2>Y2>B2'],
      ['L-STACK', 'LOAN_STACKING', 'high', 600000, 0.6, 'B3>BANK2'],
    ]);
    const stacking = await get(`/v1/monitoring/alerts?runId=${runId}&code=LOAN_STACKING`);
    assert.deepEqual(stacking.body.items.map((a: Alert) => short(a.loanId)), ['L-STACK']);
  });

  it('the run monitored every open loan; the clean loan and the older loan raise nothing', async () => {
    const { body } = await get(`/v1/monitoring/loans?runId=${runId}`);
    const loans = Object.fromEntries(body.items.map((l: { loanId: string; alertCount: number }) => [short(l.loanId), l.alertCount]));
    assert.deepEqual(loans, { 'L-BAD': 1, 'L-RT': 1, 'L-STACK': 1, 'L-NEW': 1, 'L-CLEAN': 0, 'L-OLD': 0 });
    const clean = await get(`/v1/loans/${p}L-CLEAN/monitoring`);
    const m = clean.body.monitoring;
    assert.deepEqual([m.disbursement.source, m.disbursement.amountMinor], ['record', 1_000_000], 'the lender payment is the recorded disbursement, counted once');
    assert.deepEqual(m.flow.edges.map((e: { from: string; to: string; amountMinor: number }) => [short(e.from), short(e.to), e.amountMinor]), [['B5', 'S5', 700_000]]);
    assert.equal(m.retainedMinor, 300_000);
  });

  it('a later load on the clean loan’s path updates its monitoring at once (no new run)', async () => {
    const file = join(dir, 'payments.csv');
    writeFileSync(file, 'id,payer,payee,amount,currency,at\nP11,S5,FRAUD,6500.00,USD,2024-03-06T10:00:00Z\n');
    const summary = await ingestFile(app.runtime.db, 'payments', file, { ...ingestRules(app.runtime.config), idPrefix: p });
    assert.equal(summary.rejected, 0);
    const { body } = await get(`/v1/loans/${p}L-CLEAN/monitoring`);
    assert.equal(body.runId, runId);
    assert.ok(Date.parse(body.computedAt) > Date.parse(body.runFinishedAt), 'recomputed after the run');
    // S5 had no money of its own in the 30 days before the loan money came (its 500.00 is older), so the
    // whole 6500.00 is loan money
    assert.deepEqual(rows(body.monitoring.alerts), [['L-CLEAN', 'FUNDS_TO_BAD', 'high', 650000, 0.65, 'B5>S5>FRAUD']]);
    const alerts = await get(`/v1/monitoring/alerts?runId=${runId}`);
    assert.equal(alerts.body.total, 5);
  });

  it('creditgraph monitor shows the alerts and one loan', async () => {
    const env = { NEO4J_URI: app.runtime.config.neo4j.uri, QUEUE_PREFIX: app.runtime.config.redis.prefix };
    const list = await runCli(['monitor', '--run', runId], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /5 loan alerts in run/);
    assert.match(list.stdout, new RegExp(`LOAN_STACKING\\s+loan ${p}L-STACK\\s+6000\\.00 USD \\(60\\.0%\\)\\s+${p}B3 → ${p}BANK2`));
    const one = await runCli(['monitor', '--loan', `${p}L-BAD`], env);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /hop 2 {2}\S+X1 → \S+FRAUD {2}9000\.00 USD {2}\[FUNDS_TO_BAD\]/);
    assert.match(one.stdout, /limit 0\.00 USD of 10000\.00 USD/);
  });

  it('the update after a load stops when its time is up and leaves the rest to the next run', async () => {
    const t0 = Date.now();
    let calls = 0;
    const observer = new TouchedLoansObserver(app.runtime.db, { options: MONITORING_DEFAULTS, budgetFactor: 0, minBudgetMs: 1500, now: () => t0 + 1000 * calls++ });
    observer.batch({ type: 'payments', rows: 2, written: 2, touchedEntityIds: [`${p}B1`, `${p}B2`] });
    await observer.end();
    assert.deepEqual([observer.updated, observer.deferred], [1, 1]);
    const { body } = await get(`/v1/monitoring/alerts?runId=${runId}`);
    assert.equal(body.total, 5, 'the loan it updated has the same alert');
  });
});
