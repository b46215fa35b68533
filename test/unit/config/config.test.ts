import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import { DEV_IDENTIFIER_HMAC_KEY } from '../../../src/config/config.js';
import { parseEnvFile } from '../../../src/config/services-env.js';

describe('config', () => {
  it('applies defaults and groups settings', () => {
    const config = loadConfig({});
    assert.equal(config.http.port, 8080);
    assert.equal(config.neo4j.uri, 'bolt://127.0.0.1:7687');
    assert.equal(config.redis.url, 'redis://127.0.0.1:6379');
    assert.equal(config.metrics.cron, '0 2 * * *');
    assert.equal(config.metrics.timeZone, 'UTC');
  });

  it('coerces numbers and booleans', () => {
    const config = loadConfig({ PORT: '9090', METRICS_SCHEDULE_ENABLED: 'false' });
    assert.equal(config.http.port, 9090);
    assert.equal(config.metrics.scheduleEnabled, false);
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({});
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.neo4j));
    assert.throws(() => {
      (config.neo4j as { uri: string }).uri = 'x';
    }, TypeError);
  });

  it('names the bad variable, its value and what is allowed', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /PORT="eighty"/.test(err.message) &&
        /NEO4J_URI="http:\/\/x": a bolt:\/\/ or neo4j:\/\/ URI/.test(err.message),
    );
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL="loud"/);
  });

  it('refuses the development identifier key outside development and test, without showing secrets', () => {
    assert.equal(loadConfig({ NODE_ENV: 'test' }).identifiers.hmacKey, DEV_IDENTIFIER_HMAC_KEY);
    assert.equal(loadConfig({}).identifiers.maxGroup, 50);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (err: unknown) => err instanceof ConfigError && /IDENTIFIER_HMAC_KEY: the development default is refused/.test(err.message),
    );
    const secret = 'a-real-secret-of-32-characters!!';
    assert.equal(loadConfig({ NODE_ENV: 'production', IDENTIFIER_HMAC_KEY: secret }).identifiers.hmacKey, secret);
    assert.throws(
      () => loadConfig({ IDENTIFIER_HMAC_KEY: 'short-one' }),
      (err: unknown) =>
        err instanceof ConfigError && /IDENTIFIER_HMAC_KEY=\(hidden\): at least 16/.test(err.message) && !/short-one/.test(err.message),
    );
  });

  it('reads AUDIT_PURPOSES as a list (default: the five purposes) and names a bad one', () => {
    assert.deepEqual(loadConfig({}).audit.purposes, ['credit_decision', 'account_review', 'fraud_investigation', 'monitoring', 'testing']);
    assert.deepEqual(loadConfig({ AUDIT_PURPOSES: ' kyc , credit_decision,kyc' }).audit.purposes, ['kyc', 'credit_decision']);
    assert.throws(() => loadConfig({ AUDIT_PURPOSES: 'kyc,,x' }), (e: Error) => e instanceof ConfigError && /AUDIT_PURPOSES/.test(e.message));
    assert.throws(() => loadConfig({ AUDIT_PURPOSES: 'why not' }), /AUDIT_PURPOSES="why not": a comma-separated list/);
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).http.port, 8080);
  });

  it('parses the services env file', () => {
    assert.deepEqual(parseEnvFile('NEO4J_URI=bolt://127.0.0.1:7687\n# c\nREDIS_URL=redis://127.0.0.1:6380\n'), {
      NEO4J_URI: 'bolt://127.0.0.1:7687',
      REDIS_URL: 'redis://127.0.0.1:6380',
    });
  });
});
