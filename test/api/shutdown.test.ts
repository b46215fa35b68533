import assert from 'node:assert/strict';
import { Router } from 'express';
import { ROUTES } from '../../src/api/create-app.js';
import { startTestApp } from '../helpers/app.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = () =>
      Router().get('/slow', (_req, res) => {
        arrived();
        void released.then(() => res.json({ done: true }));
      });
    const app = await startTestApp({}, [...ROUTES, slow]);
    const inFlight = fetch(`${app.url}/slow`);
    await requestArrived;
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    // while the request is held: new connections are refused, and closing waits for it
    await assert.rejects(fetch(`${app.url}/healthz`));
    assert.equal(closed, false);
    release();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    await closing;
    await assert.rejects(fetch(`${app.url}/healthz`));
  });
});
