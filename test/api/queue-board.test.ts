/**
 * The queues dashboard (bull-board at /admin/queues) answers only to admin keys: 401 without a key, 403
 * for analysts and lenders, 200 for admins, by header or by the cookie POST /admin/queues/session sets.
 * It shows the creditgraph queues, with a job the test enqueued on a private queue prefix.
 */
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { bullConnection } from '../../src/queue/connection.js';
import { QUEUE_NAMES } from '../../src/queue/names.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/runtime.js';

describe('queues dashboard /admin/queues (bull-board)', () => {
  const queuePrefix = uniquePrefix('board').replace(/-$/, '');
  let app: TestApp;
  let health: Queue;
  before(async () => {
    app = await startTestApp({ QUEUE_PREFIX: queuePrefix });
    health = new Queue(QUEUE_NAMES.health, {
      connection: bullConnection(app.runtime.config.redis),
      prefix: queuePrefix,
    });
    await health.add('health', { echo: 'board-test', sentAt: new Date().toISOString() });
  });
  after(async () => {
    await health?.obliterate({ force: true });
    await health?.close();
    await app?.close();
  });

  for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
    it(`${path}: 401 without a key, 403 for lender and analyst, 200 for admin`, async () => {
      const none = await app.request(path, { role: 'none' });
      assert.equal(none.status, 401);
      assert.match(none.headers.get('content-type') ?? '', /problem\+json/);
      for (const role of ['lender', 'analyst'] as const) {
        const res = await app.request(path, { role });
        assert.equal(res.status, 403, role);
        assert.equal((await res.json()).code, 'forbidden');
      }
      const admin = await app.request(path, { role: 'admin' });
      assert.equal(admin.status, 200, await admin.clone().text());
    });
  }

  it('shows the dashboard page and every creditgraph queue with its jobs', async () => {
    const page = await app.request('/admin/queues', { role: 'admin' });
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /creditgraph queues/);
    const res = await app.request('/admin/queues/api/queues', { role: 'admin' });
    const body = (await res.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    assert.deepEqual(body.queues.map((q) => q.name).sort(), Object.values(QUEUE_NAMES).sort());
    const queue = body.queues.find((q) => q.name === QUEUE_NAMES.health);
    assert.equal(queue?.counts.waiting, 1, JSON.stringify(queue?.counts));
  });

  it('lets a browser in with the session cookie, which only an admin key gets', async () => {
    assert.equal(
      (await app.request('/admin/queues/session', { method: 'POST', role: 'analyst' })).status,
      403,
    );
    const session = await app.request('/admin/queues/session', { method: 'POST', role: 'admin' });
    assert.equal(session.status, 204);
    const cookie = session.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^creditgraph_queues_key=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const res = await fetch(`${app.url}/admin/queues/api/queues`, { headers: { cookie: pair } });
    assert.equal(res.status, 200);
    const forged = await fetch(`${app.url}/admin/queues/api/queues`, {
      headers: { cookie: 'creditgraph_queues_key=cg_x_nope' },
    });
    assert.equal(forged.status, 401);
  });
});
