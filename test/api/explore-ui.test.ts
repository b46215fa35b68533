import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ensureUiBuilt } from '../helpers/ui-bundle.js';

describe('web view assets at /ui', () => {
  let app: TestApp;
  before(async () => {
    await ensureUiBuilt();
    app = await startTestApp();
  });
  after(async () => app?.close());

  it('redirects /ui to /ui/ and serves the page, the bundle and the styles (built by npm run build)', async () => {
    const redirect = await fetch(`${app.url}/ui`, { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), '/ui/');
    const page = await fetch(`${app.url}/ui/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /<script type="module" src="app.js">/);
    const bundle = await fetch(`${app.url}/ui/app.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await bundle.text()).length > 50_000, 'the bundle should contain sigma and graphology');
    assert.equal((await fetch(`${app.url}/ui/styles.css`)).status, 200);
  });

  it('unknown assets are 404 problems', async () => {
    const res = await fetch(`${app.url}/ui/nope.js`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });
});
