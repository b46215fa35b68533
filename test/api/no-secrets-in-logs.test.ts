/**
 * No secret in any log or error: the real API (`creditgraph serve`, compiled) runs as a child process at
 * LOG_LEVEL=trace against the real Neo4j, with a Redis URL that holds a password and where nothing listens
 * (so Redis errors and 503s are logged too); the test makes authenticated requests (Bearer and
 * X-API-Key, good and bad keys, a key in the query string, the dashboard's key cookie), then reads
 * everything the process wrote to stdout and stderr and finds no key, no password, no HMAC key in it.
 * The same for config errors (a bad password, the development password in production, credentials in a
 * URL): the process exits naming the variable, never the value.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createApiKey, deleteApiKey, type CreatedApiKey } from '../../src/db/api-key-repository.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { runCli, startCli } from '../helpers/cli.js';
import { openTestRuntime, testConfig } from '../helpers/runtime.js';

/** The secret part of a `cg_<id>_<secret>` key (the id is public and may be logged). */
const secretOf = (key: string) => key.slice(key.indexOf('_', 3) + 1);

describe('no secret in any log or error', function () {
  this.timeout(120_000);
  let runtime: Runtime;
  let keys: CreatedApiKey[] = [];
  let child: ChildProcess | undefined;
  let url = '';
  let output: () => string = () => '';
  const hmacKey = `hmac-${randomBytes(16).toString('hex')}`;
  const neo4jPassword = testConfig().neo4j.password;
  const badKeys = [`cg_0123456789ab_${randomBytes(24).toString('base64url')}`, `not-a-key-${randomBytes(12).toString('hex')}`];
  const querySecret = `qs-${randomBytes(12).toString('hex')}`;
  const redisPassword = `redispw-${randomBytes(8).toString('hex')}`;

  before(async () => {
    runtime = await openTestRuntime();
    const now = new Date();
    keys = [await createApiKey(runtime.db, 'lender', 't-logs-lender', now), await createApiKey(runtime.db, 'admin', 't-logs-admin', now)];
    const started = await startCli(['serve', '--port', '0'], /listening on (http:\/\/\S+)/, {
      LOG_LEVEL: 'trace',
      NODE_ENV: 'development',
      IDENTIFIER_HMAC_KEY: hmacKey,
      RATE_LIMIT_PER_MINUTE: '1000000',
      // nothing listens on port 1: every Redis call fails and is logged
      REDIS_URL: `redis://default:${redisPassword}@127.0.0.1:1`,
    }, 90_000);
    child = started.child;
    url = started.match[1]!;
    output = started.output;
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await Promise.all(keys.map((k) => deleteApiKey(runtime.db, k.id)));
    await runtime?.close();
  });

  it('request logs, error logs and start-up lines carry no API key, password or HMAC key', async () => {
    const [lender, admin] = keys as [CreatedApiKey, CreatedApiKey];
    const score = '/v1/entities/t-logs-none/score';
    const calls: Array<{ id: string; path: string; headers: Record<string, string>; method?: string; expect: (status: number) => boolean }> = [
      { id: 'bearer-good', path: score, headers: { authorization: `Bearer ${lender.key}` }, expect: (s) => s !== 401 },
      { id: 'x-api-key-good', path: score, headers: { 'x-api-key': lender.key }, expect: (s) => s !== 401 },
      { id: 'bearer-bad', path: score, headers: { authorization: `Bearer ${badKeys[0]}` }, expect: (s) => s === 401 },
      { id: 'x-api-key-bad', path: score, headers: { 'x-api-key': badKeys[1]! }, expect: (s) => s === 401 },
      { id: 'query-secret', path: `${score}?api_key=${querySecret}&token=${querySecret}`, headers: { 'x-api-key': badKeys[1]! }, expect: (s) => s === 401 },
      { id: 'wrong-role', path: '/v1/metrics/runs', method: 'POST', headers: { authorization: `Bearer ${lender.key}` }, expect: (s) => s === 403 },
      { id: 'session', path: '/admin/queues/session', method: 'POST', headers: { authorization: `Bearer ${admin.key}` }, expect: (s) => s === 204 },
      { id: 'cookie', path: '/admin/queues/api/queues', headers: { cookie: `creditgraph_queues_key=${encodeURIComponent(admin.key)}` }, expect: (s) => s === 503 },
      { id: 'enqueue', path: '/v1/metrics/runs', method: 'POST', headers: { 'x-api-key': admin.key }, expect: (s) => s === 503 },
    ];
    for (const call of calls) {
      const res = await fetch(url + call.path, { method: call.method ?? 'GET', headers: { ...call.headers, 'x-request-id': `t-logs-${call.id}` } });
      await res.arrayBuffer();
      assert.ok(call.expect(res.status), `${call.id}: status ${res.status}`);
    }
    await new Promise((r) => setTimeout(r, 300)); // let the last lines reach the pipe
    const logged = output();
    // the requests were logged (so the scan below reads real request logs) …
    for (const call of calls) assert.ok(logged.includes(`t-logs-${call.id}`), `request ${call.id} was not logged:\n${logged.slice(-2000)}`);
    assert.match(logged, /"url":"\/v1\/entities\/t-logs-none\/score\?api_key=\[redacted\]&token=\[redacted\]"/);
    assert.match(logged, /"level":50[^\n]*"reqId":"t-logs-enqueue"/, 'the 503 is logged as an error');
    assert.match(logged, /Redis connection lost/);
    // … and nothing secret is in them
    const secrets = {
      'lender key': secretOf(lender.key),
      'admin key': secretOf(admin.key),
      'bad Bearer key': secretOf(badKeys[0]!),
      'bad X-API-Key': badKeys[1]!,
      'query secret': querySecret,
      'Redis password': redisPassword,
      NEO4J_PASSWORD: neo4jPassword,
      IDENTIFIER_HMAC_KEY: hmacKey,
    };
    for (const [what, secret] of Object.entries(secrets)) assert.ok(!logged.includes(secret), `the ${what} appears in the logs`);
    assert.doesNotMatch(logged, /"(authorization|x-api-key|cookie|set-cookie|headers)"/i);
  });

  it('config errors name the variable, never its value', async () => {
    const redisSecret = `redis-${randomBytes(8).toString('hex')}`;
    const cases: Array<{ env: Record<string, string>; names: RegExp; secrets: string[] }> = [
      {
        env: { NEO4J_PASSWORD: 'pw-7chr', IDENTIFIER_HMAC_KEY: 'short-hmac', REDIS_URL: `http://user:${redisSecret}@cache:6379` },
        names: /NEO4J_PASSWORD=\(hidden\)[\s\S]*REDIS_URL="http:\/\/user:\[redacted\]@cache:6379"/,
        secrets: ['pw-7chr', 'short-hmac', redisSecret],
      },
      {
        env: { NODE_ENV: 'production', NEO4J_PASSWORD: 'creditgraph-dev', IDENTIFIER_HMAC_KEY: hmacKey },
        names: /NEO4J_PASSWORD: the development default is refused with NODE_ENV=production/,
        secrets: ['creditgraph-dev', hmacKey],
      },
    ];
    for (const { env, names, secrets } of cases) {
      const result = await runCli(['serve', '--port', '0'], { LOG_LEVEL: 'trace', ...env }, 60_000);
      const printed = result.stdout + result.stderr;
      assert.equal(result.code, 1, printed);
      assert.match(printed, names);
      for (const secret of secrets) assert.ok(!printed.includes(secret), `a config error shows a secret value:\n${printed}`);
    }
  });
});
