/**
 * The Runs page of the web view in a real browser (Debian's Chromium) against the real API and Neo4j:
 * three real refreshes of a small graph of the test's own (scoped to its prefix), a run that failed in
 * the communities stage and one still running, as the metrics worker records them. The page lists the
 * runs, draws the stage-duration chart, shows a finished run's stages, counts and parameters, says where
 * and why the failed run failed, and polls while a run is running. Saves .local/screenshots/runs-view.png
 * (docs/runs-view.png too with UPDATE_SCREENSHOTS=1).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { failRun, startRun, updateRunProgress } from '../../src/db/metrics-repository.js';
import { analyticsOptions, REFRESH_STAGES, refreshMetrics } from '../../src/use-cases/refresh-metrics.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestGraph, deleteTestGraph } from '../helpers/metrics-fixture-repository.js';
import { smallGraph } from '../helpers/metrics-graph.js';
import { ensureUiBuilt } from '../helpers/ui-bundle.js';
import { launchChromium, type Browser } from './browser.js';

const SCREENSHOT = fileURLToPath(new URL('../../.local/screenshots/runs-view.png', import.meta.url));
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/runs-view.png', import.meta.url));
const WAIT = { timeout: 100_000 };
const STAGES: readonly string[] = REFRESH_STAGES;

interface RunsState {
  loads: number;
  polls: number;
  selected: string | null;
  error: string | null;
}
type Win = Window & { __creditgraphRuns: RunsState };

const runsState = (page: Page) => page.evaluate(() => ({ ...(window as unknown as Win).__creditgraphRuns }));

/** Does `action` and waits until the page has loaded the runs again (or shows why not). */
async function untilRunsLoaded(page: Page, action: () => Promise<void>): Promise<void> {
  const before = (await runsState(page)).loads;
  await action();
  await page.waitForFunction(
    (n) => {
      const s = (window as unknown as Win).__creditgraphRuns;
      return s.loads > n || s.error !== null;
    },
    before,
    WAIT,
  );
  assert.equal((await runsState(page)).error, null);
}

describe('web view: the Runs page (Chromium)', function () {
  this.timeout(180000);
  const p = `runs-${randomBytes(3).toString('hex')}-`;
  const complete = [`${p}run-1`, `${p}run-2`, `${p}run-3`];
  const failed = `${p}run-failed`;
  const running = `${p}run-running`;
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await ensureUiBuilt();
    app = await startTestApp();
    const { db, config } = app.runtime;
    await createTestGraph(db, p, smallGraph());
    for (const runId of complete)
      await refreshMetrics(db, config.metrics, { runId, jobId: 'inline', scope: p });
    const params = { scope: p, ...analyticsOptions(config.metrics) };
    // as the worker records a run whose communities stage threw, and one still in its analytics
    await startRun(db, { id: failed, scope: p, jobId: 'inline-failed', params });
    await updateRunProgress(db, failed, {
      status: 'running',
      stage: 'centrality',
      stages: [
        { stage: 'snapshot', ms: 120 },
        { stage: 'centrality', ms: 340 },
      ],
      counts: { entities: 11 },
    });
    await failRun(db, failed, 'analytics thread: Louvain ran out of memory (heap limit reached)');
    await startRun(db, { id: running, scope: p, jobId: `${p}no-such-job`, params });
    await updateRunProgress(db, running, {
      status: 'running',
      stage: 'snapshot',
      stages: [{ stage: 'snapshot', ms: 90 }],
      counts: { entities: 11 },
    });
    browser = await launchChromium({ width: 1380, height: 860 });
    page = await browser.context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
  });

  after(async () => {
    await browser?.close();
    if (app) {
      await deleteTestGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  it('opens the Runs page and lists the runs of a scope, newest first', async () => {
    await page.goto(`${app.url}/ui/`);
    await page.fill('#api-key', app.keys.analyst);
    await page.click('#save-key');
    await page.waitForFunction(
      () => document.getElementById('key-status')?.textContent === 'key accepted',
      undefined,
      WAIT,
    );
    await untilRunsLoaded(page, () => page.click('#open-runs'));
    assert.equal(await page.isVisible('#runs-view'), true);
    assert.equal(await page.isVisible('#graph'), false);
    await untilRunsLoaded(page, async () => {
      await page.fill('#runs-scope', p);
      await page.press('#runs-scope', 'Enter');
    });
    const ids = await page.$$eval('#runs-table tbody tr', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.run),
    );
    assert.deepEqual(ids, [running, failed, ...[...complete].reverse()]);
    const statuses = await page.$$eval('#runs-table .run-status', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(statuses, ['running', 'failed', 'complete', 'complete', 'complete']);
  });

  it("shows a finished run's stages with timings, its counts and parameters", async () => {
    await page.click(`#runs-table tr[data-run="${complete[2]}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('#run-detail h3')?.textContent === id,
      complete[2],
      WAIT,
    );
    const stages = await page.$$eval('#run-detail .stage-row.done', (rows) =>
      rows.map((r) => r.children[0]?.textContent),
    );
    assert.deepEqual(stages, STAGES);
    const times = await page.$$eval('#run-detail .stage-row.done', (rows) =>
      rows.map((r) => r.children[2]?.textContent ?? ''),
    );
    for (const t of times) assert.match(t, /^\d+(\.\d+)? s$|^\d+ min \d{2} s$/);
    const facts = await page.$$eval('#run-detail dl.facts dt', (dts) =>
      dts.map((d) => `${d.textContent}=${d.nextElementSibling?.textContent}`),
    );
    assert.ok(facts.includes('entities=11'), facts.join(' '));
    assert.ok(facts.includes(`scope=${p}`), facts.join(' '));
    assert.ok(facts.includes('options.betweennessEpsilon=0.01'), facts.join(' '));
    assert.ok(facts.includes('options.pagerank.alpha=0.85'), facts.join(' '));
  });

  it('draws the stage durations of the last runs as a chart, one bar per run', async () => {
    const bars = await page.$$eval('#runs-chart svg .run-bar', (gs) =>
      gs.map((g) => (g as SVGGElement).dataset.run),
    );
    assert.deepEqual(bars, [...complete, failed]);
    const segments = await page.$$eval(
      `#runs-chart svg .run-bar[data-run="${complete[0]}"] rect[data-stage]`,
      (rs) => rs.map((r) => (r as SVGRectElement).dataset.stage),
    );
    assert.deepEqual(segments, STAGES);
    const heights = await page.$$eval('#runs-chart svg rect[data-stage]', (rs) =>
      rs.map((r) => Number(r.getAttribute('height'))),
    );
    assert.ok(
      heights.some((h) => h > 1),
      'some stage has a visible bar',
    );
    const legend = await page.$$eval('#runs-chart svg .legend', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(legend, STAGES);
    assert.match(
      (await page.textContent(`#runs-chart svg .run-bar[data-run="${failed}"] .failed-label`)) ?? '',
      /failed: communities/,
    );
  });

  it('says in which stage and why a failed run failed', async () => {
    await page.click(`#runs-table tr[data-run="${failed}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('#run-detail h3')?.textContent === id,
      failed,
      WAIT,
    );
    const error = (await page.textContent('#run-detail .run-error')) ?? '';
    assert.match(error, /^Failed in stage communities: analytics thread: Louvain ran out of memory/);
    assert.equal(await page.textContent('#run-detail .stage-row.failed span'), 'communities');
  });

  it("polls a running run's job while the page is open, and saves a screenshot", async () => {
    await page.click(`#runs-table tr[data-run="${running}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('#run-detail h3')?.textContent === id,
      running,
      WAIT,
    );
    const polls = (await runsState(page)).polls;
    // the page reloads the list and the run's job every few seconds while a run is running
    await page.waitForFunction(
      (n) => (window as unknown as Win).__creditgraphRuns.polls >= n + 2,
      polls,
      WAIT,
    );
    assert.ok(await page.isVisible('#run-detail .progress'));
    assert.match((await page.textContent('#runs-status')) ?? '', /1 running/);
    await page.click(`#runs-table tr[data-run="${complete[2]}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('#run-detail h3')?.textContent === id,
      complete[2],
      WAIT,
    );
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, type: 'png' });
    if (process.env.UPDATE_SCREENSHOTS === '1') await copyFile(SCREENSHOT, DOCS_SCREENSHOT);
  });
});
