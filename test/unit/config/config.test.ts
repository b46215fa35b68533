import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import { DEV_IDENTIFIER_HMAC_KEY, DEV_NEO4J_PASSWORD } from '../../../src/config/config.js';
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
    const password = 'a-production-password';
    assert.equal(loadConfig({ NODE_ENV: 'production', IDENTIFIER_HMAC_KEY: secret, NEO4J_PASSWORD: password }).identifiers.hmacKey, secret);
    assert.throws(
      () => loadConfig({ IDENTIFIER_HMAC_KEY: 'short-one' }),
      (err: unknown) =>
        err instanceof ConfigError && /IDENTIFIER_HMAC_KEY=\(hidden\): at least 16/.test(err.message) && !/short-one/.test(err.message),
    );
  });

  it('refuses the development Neo4j password with NODE_ENV=production, naming the variable and not the value', () => {
    const secret = 'a-real-secret-of-32-characters!!';
    assert.equal(loadConfig({}).neo4j.password, DEV_NEO4J_PASSWORD);
    assert.equal(loadConfig({ NODE_ENV: 'test' }).neo4j.password, DEV_NEO4J_PASSWORD);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', IDENTIFIER_HMAC_KEY: secret }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /NEO4J_PASSWORD: the development default is refused with NODE_ENV=production/.test(err.message) &&
        !err.message.includes(DEV_NEO4J_PASSWORD) &&
        !err.message.includes(secret),
    );
    // both refusals at once, so an operator fixes them in one go
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /NEO4J_PASSWORD: [^\n]+\n\s+IDENTIFIER_HMAC_KEY: /);
  });

  it('never shows a secret value or URL credentials in a config error', () => {
    assert.throws(
      () => loadConfig({ NEO4J_PASSWORD: 'short', REDIS_URL: 'http://user:hunter2-secret@cache:6379', PORT: 'x' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /NEO4J_PASSWORD=\(hidden\): at least 8/.test(err.message) &&
        err.message.includes('REDIS_URL="http://user:[redacted]@cache:6379"') &&
        !err.message.includes('hunter2-secret') &&
        !err.message.includes('"short"'),
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
