import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { REDACT_PATHS, REDACTED, redactRequestUrl, redactUrlCredentials } from '../../../src/logging/redact.js';

describe('logging: redaction of secrets', () => {
  it('removes the values of secret-looking query parameters, keeping the rest', () => {
    assert.equal(redactRequestUrl('/v1/entities/e1/score'), '/v1/entities/e1/score');
    assert.equal(
      redactRequestUrl('/v1/entities?q=acme&api_key=cg_1_abc&Token=t&limit=5&password=pw&x-api-key=k'),
      `/v1/entities?q=acme&api_key=${REDACTED}&Token=${REDACTED}&limit=5&password=${REDACTED}&x-api-key=${REDACTED}`,
    );
    assert.equal(redactRequestUrl('/x?flag&%61pi_key=s'), `/x?flag&%61pi_key=${REDACTED}`);
  });

  it('replaces credentials inside URLs', () => {
    assert.equal(redactUrlCredentials('redis://default:s3cret@cache:6379/0'), `redis://default:${REDACTED}@cache:6379/0`);
    assert.equal(redactUrlCredentials('"rediss://:s3cret@cache"'), `"rediss://:${REDACTED}@cache"`);
    assert.equal(redactUrlCredentials('bolt://db:7687'), 'bolt://db:7687');
  });

  it('pino with REDACT_PATHS drops headers, passwords and the arguments of a failed Redis command', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const log = pino({ redact: { paths: [...REDACT_PATHS], censor: REDACTED } }, sink);
    const err = Object.assign(new Error('WRONGPASS invalid username-password pair'), { command: { name: 'auth', args: ['default', 'redis-pw'] } });
    log.info({ req: { headers: { authorization: 'Bearer cg_1_secret', 'x-api-key': 'cg_2_secret', cookie: 'k=cg_3_secret' } } }, 'request');
    log.info({ neo4j: { password: 'neo4j-pw' }, config: { identifiers: { hmacKey: 'hmac-secret' } } }, 'config');
    log.error({ err }, 'failed');
    const text = lines.join('');
    for (const secret of ['cg_1_secret', 'cg_2_secret', 'cg_3_secret', 'neo4j-pw', 'hmac-secret', 'redis-pw']) {
      assert.ok(!text.includes(secret), `${secret} logged: ${text}`);
    }
    assert.match(text, /WRONGPASS/);
  });
});
