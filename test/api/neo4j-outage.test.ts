/**
 * Neo4j stopped and started under a running API: a private Neo4j (scripts/services.sh in a temporary
 * folder, bolt port 7692) serves a small scored graph; the test stops it (scores and /readyz answer 503
 * with Retry-After, naming no host or port), starts it again, and the same app answers again without a
 * restart. The shared Neo4j is never touched. How soon the 503 comes is measured by `npm run bench:resilience`.
 */
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { pollUntil } from '../helpers/poll.js';
import { privateNeo4j } from '../helpers/private-neo4j.js';
import { uniquePrefix } from '../helpers/runtime.js';
import { loadScoreFixture } from '../helpers/score-fixture.js';

const BOLT_PORT = 7692;

describe('API when Neo4j stops and starts again (private Neo4j)', function () {
  this.timeout(300_000);
  const neo4j = privateNeo4j(BOLT_PORT);
  const p = uniquePrefix('neo4j-outage');
  let app: TestApp | undefined;
  const purpose = { 'x-purpose': 'testing' };

  before(async () => {
    await neo4j.start();
    app = await startTestApp({ NEO4J_URI: neo4j.uri, SCORE_TIMEOUT_MS: '10000' });
    await loadScoreFixture(app.runtime.db, p);
  });
  after(async () => {
    try {
      await app?.close();
    } finally {
      await neo4j.remove();
    }
  });

  const score = () => app!.request(`/v1/entities/${p}good/score`, { role: 'lender', headers: purpose });
  const batch = () => app!.request('/v1/scores', { role: 'lender', method: 'POST', headers: purpose, body: JSON.stringify({ ids: [`${p}good`] }) });
  const readiness = async () => {
    const res = await fetch(`${app!.url}/readyz`);
    return { status: res.status, body: await res.json() };
  };

  it('while Neo4j answers: ready and scores answer', async () => {
    const ready = await readiness();
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.status, 'ready');
    const res = await score();
    assert.equal(res.status, 200, await res.clone().text());
  });

  it('Neo4j stopped: scores and /readyz answer 503 with Retry-After, naming no host or port', async () => {
    await neo4j.stop();
    for (const run of [score, batch]) {
      const res = await run();
      const text = await res.text();
      assert.equal(res.status, 503, text);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      assert.equal(JSON.parse(text).code, 'neo4j_unavailable');
      assert.doesNotMatch(text, new RegExp(`${BOLT_PORT}|127\\.0\\.0\\.1|ECONNREFUSED`));
    }
    const ready = await readiness();
    assert.equal(ready.status, 503);
    assert.equal(ready.body.status, 'unavailable');
    assert.deepEqual(ready.body.failed, ['neo4j']);
    assert.equal(ready.body.checks.neo4j.code, 'neo4j_unreachable');
    assert.doesNotMatch(JSON.stringify(ready.body), new RegExp(`${BOLT_PORT}|127\\.0\\.0\\.1|ECONNREFUSED|bolt:`));
  });

  it('Neo4j started again: the same app answers again, without a restart', async () => {
    await neo4j.start();
    await pollUntil('a score answers 200', async () => ((await score()).status === 200 ? true : undefined));
    const ready = await readiness();
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.status, 'ready');
    assert.equal((await batch()).status, 200);
  });
});
