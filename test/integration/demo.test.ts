/**
 * The main job as a user runs it: `creditgraph demo` (what `npm start` runs) reaches "ready", the printed
 * URL answers, and the printed curl returns a score. Runs under a private prefix (a scoped refresh, so the
 * service's current run is untouched) and deletes what it loaded.
 */
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';
import { startCli, waitForExit } from '../helpers/cli.js';

describe('npm start (creditgraph demo)', function () {
  this.timeout(300000);
  const prefix = uniquePrefix('demo');
  let child: ChildProcess | undefined;

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await waitForExit(child, 30000).catch(() => child?.kill('SIGKILL'));
    }
    const rt = await openTestRuntime();
    try {
      await deleteByPrefix(rt.db, prefix);
    } finally {
      await rt.close();
    }
  });

  it('reaches ready, the URL answers, and the printed curl returns a score', async () => {
    const started = await startCli(['demo', '--prefix', prefix], /stop:\s+Ctrl-C/, { PORT: '0' }, 240000);
    child = started.child;
    const out = started.output();
    const url = /web view:\s+(http:\/\/\S+)\/ui/.exec(out)?.[1];
    assert.ok(url, `no URL in:\n${out}`);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    assert.equal((await fetch(`${url}/ui/`)).status, 200);
    const curl = /a score:\s+(curl .+)$/m.exec(out)?.[1];
    assert.ok(curl, `no curl in:\n${out}`);
    // the first score after start-up answers like every later one: the API warmed up before "ready"
    const answer = execSync(`${curl} -w '\n%{http_code}'`, { encoding: 'utf8' });
    const status = answer.slice(answer.lastIndexOf('\n') + 1);
    assert.equal(status, '200', answer);
    const body = JSON.parse(answer.slice(0, answer.lastIndexOf('\n')));
    assert.equal(body.entityId, `${prefix}E0001`, answer);
    assert.ok(body.score >= 350 && body.score <= 950, JSON.stringify(body));
    assert.ok(Array.isArray(body.reasons) && body.reasons.length > 0);
    assert.equal(typeof body.featuresAsOf, 'string', 'served from the demo run');
    child.kill('SIGINT');
    assert.equal(await waitForExit(child, 30000), 0);
  });
});
