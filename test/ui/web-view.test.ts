/**
 * The analyst web view in a real browser (Debian's Chromium via playwright-core) against the real
 * API and Neo4j: enter the key, search an entity, see the network drawn, read a score, expand a node.
 * Saves a screenshot to .local/screenshots/web-view.png on every run; with UPDATE_SCREENSHOTS=1 it also
 * replaces docs/web-view.png (the README's picture), so ordinary runs leave the tracked file alone.
 */
import { ensureUiBuilt } from '../helpers/ui-bundle.js';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import {
  createFixtureGraph,
  createFixtureRun,
  deleteFixtureGraph,
} from '../helpers/explore-fixture-repository.js';
import { exploreGraph, exploreRuns } from '../fixtures/explore-graph.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchChromium, type Browser } from './browser.js';

const SCREENSHOT = fileURLToPath(new URL('../../.local/screenshots/web-view.png', import.meta.url));
const README_SCREENSHOT = fileURLToPath(new URL('../../docs/web-view.png', import.meta.url));

/** The handle main.ts exposes as window.__creditgraph. */
interface Handle {
  graph: { order: number; nodes(): string[]; getNodeAttributes(n: string): { x: number; y: number } };
  renderer: { graphToViewport(p: { x: number; y: number }): { x: number; y: number } };
  state: { loads: number; expansions: number; error: string | null };
}
type Win = Window & { __creditgraph: Handle };

async function nodeKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Win).__creditgraph.graph.nodes().sort());
}

/** Page coordinates of a drawn node. */
async function nodePoint(page: Page, key: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('#graph').boundingBox();
  assert.ok(box, '#graph has no box');
  const p = await page.evaluate((k) => {
    const { graph, renderer } = (window as unknown as Win).__creditgraph;
    return renderer.graphToViewport(graph.getNodeAttributes(k));
  }, key);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Waits bounded by the test's own timeout, not playwright's 30 s default (a loaded machine is slow). */
const WAIT = { timeout: 100_000 };

/**
 * Does `action` and waits for the graph load it starts to finish (the page's load counter moves past its
 * value before) or to fail (the page shows an error). A 503 (a dependency slow under load) is tried again,
 * as a person would; any other error fails with the page's message.
 */
async function untilGraphLoaded(page: Page, what: string, action: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await page.evaluate(() => {
      const { state } = (window as unknown as Win).__creditgraph;
      state.error = null;
      return state.loads;
    });
    await action();
    await page.waitForFunction(
      (n) => {
        const { state } = (window as unknown as Win).__creditgraph;
        return state.loads > n || state.error !== null;
      },
      before,
      WAIT,
    );
    const error = await page.evaluate(() => (window as unknown as Win).__creditgraph.state.error);
    if (error === null) return;
    if (!error.startsWith('503') || attempt === 3) assert.fail(`${what}: the page says ${error}`);
  }
}

/**
 * Clicks a node and waits until the panel shows that entity's score (or why there is none). A 503 is
 * clicked again, as a person would; any other "no score" fails with its text.
 */
async function openScorePanel(page: Page, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const point = await nodePoint(page, id);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(
      (entity) => {
        const panel = document.getElementById('panel');
        return (
          panel?.querySelector('h2')?.textContent === entity &&
          panel.querySelector('.score, .score-error') !== null
        );
      },
      id,
      WAIT,
    );
    const error = await page.evaluate(
      () => document.querySelector('#panel .score-error')?.textContent ?? null,
    );
    if (error === null) return;
    if (!/503|did not answer/.test(error) || attempt === 3) assert.fail(`score panel of ${id}: ${error}`);
  }
}

/**
 * How many pixels of the drawing differ from the white background: a screenshot of the graph area
 * (overlays hidden) decoded by the browser itself into a 2D canvas.
 */
async function inkedPixels(page: Page): Promise<number> {
  await page.evaluate(() =>
    ['status', 'legend'].forEach((id) =>
      document.getElementById(id)?.style.setProperty('visibility', 'hidden'),
    ),
  );
  const png = await page.locator('#graph').screenshot({ type: 'png' });
  await page.evaluate(() =>
    ['status', 'legend'].forEach((id) => document.getElementById(id)?.style.removeProperty('visibility')),
  );
  return page.evaluate(
    async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 235) inked += 1;
      return inked;
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

describe('web view at /ui (Chromium)', function () {
  this.timeout(120000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  // A short readable prefix (the labels show in the README's screenshot), unique enough to clean up.
  const p = `ui-${randomBytes(2).toString('hex')}-`;

  before(async () => {
    await ensureUiBuilt();
    app = await startTestApp();
    await createFixtureGraph(app.runtime.db, exploreGraph(p));
    for (const run of exploreRuns(p)) await createFixtureRun(app.runtime.db, run);
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

  it('opens /ui and accepts an analyst key', async () => {
    const res = await page.goto(`${app.url}/ui`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.title(), 'creditgraph — network explorer');
    await page.fill('#api-key', app.keys.analyst);
    await page.click('#save-key');
    await page.waitForFunction(
      () => document.getElementById('key-status')?.textContent === 'key accepted',
      undefined,
      WAIT,
    );
  });

  it('searches an entity and draws its network (sigma has the nodes, the canvas is not blank)', async () => {
    await untilGraphLoaded(page, 'searching hu', async () => {
      await page.fill('#search', `${p}hu`);
      await page.press('#search', 'Enter');
      await page.click(`#search-results li[data-id="${p}hub"]`, WAIT);
    });
    const expected = ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'hub', 's1'].map((s) => p + s).sort();
    assert.deepEqual(await nodeKeys(page), expected);
    assert.equal(await page.evaluate(() => (window as unknown as Win).__creditgraph.state.error), null);
    const inked = await inkedPixels(page);
    assert.ok(inked > 800, `only ${inked} drawn pixels`);
  });

  it('clicking a node shows its score and at least one reason', async () => {
    await openScorePanel(page, `${p}a1`);
    assert.equal(await page.textContent('#panel h2'), `${p}a1`);
    assert.match((await page.textContent('#panel .score')) ?? '', /^\d{3}$/);
    assert.ok((await page.locator('#panel .reason').count()) >= 1, 'no reason shown');
    assert.ok((await page.locator('#panel .dimension').count()) >= 1, 'no dimension shown');
    const reasons = (await page.textContent('#panel .reasons')) ?? '';
    assert.doesNotMatch(reasons, /[{}]/, `evidence shown as JSON: ${reasons}`);
    const links = page.locator('#panel .reasons .entity-link');
    for (let i = 0; i < (await links.count()); i++) assert.match((await links.nth(i).getAttribute('href')) ?? '', /^#entity=/);
    // the fraud score's place beside the credit score (this app serves no fraud model)
    assert.equal(await page.textContent('#panel .fraud h3'), 'Fraud risk');
    assert.equal(await page.textContent('#panel .fraud .muted'), 'no fraud model in service');
  });

  it('double-clicking a node expands its neighbours', async () => {
    const before = (await nodeKeys(page)).length;
    const point = await nodePoint(page, `${p}b1`);
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForFunction(
      () => {
        const { state } = (window as unknown as Win).__creditgraph;
        return state.expansions === 1 || state.error !== null;
      },
      undefined,
      WAIT,
    );
    assert.equal(await page.evaluate(() => (window as unknown as Win).__creditgraph.state.error), null);
    const after = await nodeKeys(page);
    assert.ok(after.length > before, `${after.length} nodes after expanding, ${before} before`);
    assert.ok(after.includes(`${p}c1`));
  });

  it('saves a screenshot (docs/web-view.png too with UPDATE_SCREENSHOTS=1)', async () => {
    await untilGraphLoaded(page, `opening ${p}hub`, async () => {
      await page.fill('#search', `${p}hub`);
      await page.press('#search', 'Enter');
    });
    assert.deepEqual(
      await nodeKeys(page),
      ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'hub', 's1'].map((s) => p + s).sort(),
    );
    await openScorePanel(page, `${p}b1`);
    assert.ok((await page.locator('#panel .reason').count()) >= 1, 'no reason shown for b1');
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, type: 'png' });
    const { size } = await stat(SCREENSHOT);
    assert.ok(size > 10000 && size < 300 * 1024, `screenshot is ${size} bytes`);
    if (process.env.UPDATE_SCREENSHOTS === '1') await copyFile(SCREENSHOT, README_SCREENSHOT);
  });
});
