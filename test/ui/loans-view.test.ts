/**
 * The web view's Loans list in a real browser (Chromium via playwright-core) against the real API and
 * Neo4j: the list shows the monitored loans of a run, and choosing a loan draws where its money went
 * (amounts on the edges, the alert's path in red) with a chart of the borrower's weekly cash flow.
 * Saves a screenshot to .local/screenshots/loans-view.png.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { deleteFixtureGraph } from '../helpers/explore-fixture-repository.js';
import { createMonitoredNetwork } from '../helpers/monitoring-fixture.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { ensureUiBuilt } from '../helpers/ui-bundle.js';
import { launchChromium, type Browser } from './browser.js';

const SCREENSHOT = fileURLToPath(new URL('../../.local/screenshots/loans-view.png', import.meta.url));

type Win = Window & { __creditgraph: { state: { loans: number; error: string | null } } };

describe('web view: Loans list and use-of-funds drawing (Chromium)', function () {
  this.timeout(120000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const p = uniquePrefix('ui-loans');
  let runId = '';

  before(async () => {
    await ensureUiBuilt();
    app = await startTestApp();
    ({ runId } = await createMonitoredNetwork(app.runtime.db, p));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
  });
  after(async () => {
    await browser?.close();
    if (app) {
      await deleteFixtureGraph(app.runtime.db, p);
    }
    await app?.close();
  });

  it('lists the monitored loans of the run, alerted first', async () => {
    await page.goto(`${app.url}/ui/?run=${encodeURIComponent(runId)}`);
    await page.fill('#api-key', app.keys.analyst);
    await page.click('#save-key');
    await page.waitForFunction(() => document.getElementById('key-status')?.textContent === 'key accepted');
    await page.click('.tabs button[data-tab="loans"]');
    await page.waitForSelector(`#list-items li[data-kind="loan"][data-id="${p}L3"]`);
    const ids = await page.$$eval('#list-items li[data-kind="loan"]', (items) => items.map((li) => [li.getAttribute('data-id'), li.classList.contains('alerted')]));
    assert.deepEqual(ids, [[`${p}L1`, true], [`${p}L2`, true], [`${p}L3`, false]]);
  });

  it('choosing a loan draws where its money went, with amounts on the edges and the alert in red', async () => {
    await page.click(`#list-items li[data-id="${p}L1"]`);
    await page.waitForFunction(() => (window as unknown as Win).__creditgraph.state.loans === 1);
    assert.equal(await page.isVisible('#flow svg.flow'), true);
    const edges = await page.$$eval('#flow .flow-edge', (gs) =>
      gs.map((g) => [g.getAttribute('data-from'), g.getAttribute('data-to'), g.querySelector('text.amount')?.textContent, g.classList.contains('alert'), g.querySelector('path')?.getAttribute('stroke')]),
    );
    assert.deepEqual(edges, [
      [`${p}B`, `${p}X`, '90.00 USD', true, '#dc2626'],
      [`${p}X`, `${p}Bad`, '90.00 USD', true, '#dc2626'],
    ]);
    const nodes = await page.$$eval('#flow .flow-node', (gs) => gs.map((g) => [g.getAttribute('data-id'), g.classList.contains('alert')]));
    assert.deepEqual(nodes.sort(), [[`${p}B`, false], [`${p}Bad`, true], [`${p}X`, false]].sort());
    // the drawing is laid out left to right by hop: borrower, then X, then the flagged entity
    const xs = await page.$$eval('#flow .flow-node', (gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-id'), g.getBoundingClientRect().x])));
    assert.ok(xs[`${p}B`]! < xs[`${p}X`]! && xs[`${p}X`]! < xs[`${p}Bad`]!, JSON.stringify(xs));
    assert.equal(await page.textContent('#panel h2'), `loan ${p}L1`);
    assert.match((await page.textContent('#panel .loan-alert')) ?? '', /FUNDS_TO_BAD · high · 90\.00 USD \(90%\)/);
  });

  it('shows a chart of weekly inflow and outflow before and after the loan', async () => {
    const points = await page.$eval('#panel svg.cashflow polyline.inflow', (l) => l.getAttribute('points') ?? '');
    assert.ok(points.split(' ').length >= 12, `inflow line has ${points.split(' ').length} points`);
    assert.equal(await page.isVisible('#panel svg.cashflow polyline.outflow'), true);
    assert.equal(await page.textContent('#panel svg.cashflow text.chart-label'), 'loan');
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, type: 'png' });
  });

  it('a round trip is drawn back to the borrower; opening an entity shows the network again', async () => {
    await page.click(`#list-items li[data-id="${p}L2"]`);
    await page.waitForFunction(() => (window as unknown as Win).__creditgraph.state.loans === 2);
    const back = await page.$eval(`#flow .flow-edge[data-from="${p}Y"][data-to="${p}C"]`, (g) => [g.querySelector('text.amount')?.textContent, g.classList.contains('alert')]);
    assert.deepEqual(back, ['50.00 USD', true]);
    await page.click('.tabs button[data-tab="alerts"]');
    assert.equal(await page.evaluate(() => (window as unknown as Win).__creditgraph.state.error), null);
  });
});
