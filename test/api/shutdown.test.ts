import assert from 'node:assert/strict';
import { Router } from 'express';
import { ROUTES } from '../../src/api/create-app.js';
import { startTestApp } from '../helpers/app.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const slow = () => Router().get('/slow', (_req, res) => void setTimeout(() => res.json({ done: true }), 400));
    const app = await startTestApp({}, [...ROUTES, slow]);
    const inFlight = fetch(`${app.url}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const closing = app.close();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    await closing;
    await assert.rejects(fetch(`${app.url}/healthz`));
  });
});
