/**
 * Integration-test access to the real services: a Config from the environment (scripts/test.sh exports
 * NEO4J_URI / REDIS_URL; otherwise .local/services.env), quiet logs, and one shared runtime per test file.
 */
import { randomBytes } from 'node:crypto';
import { environmentWithServices, loadConfig, type Config } from '../../src/config/index.js';
import { openRuntime, type Runtime } from '../../src/runtime/runtime.js';

/** A test Config: the real services, quiet logs, plus overrides (e.g. a private QUEUE_PREFIX). */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...environmentWithServices(), ...overrides });
}

/** Opens a runtime (driver + Redis, schema applied) for a test file; close it in `after`. */
export async function openTestRuntime(overrides: Record<string, string> = {}): Promise<Runtime> {
  return openRuntime(testConfig(overrides));
}

/** A unique prefix for ids and queue names a test makes (so it cleans up only its own). */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}-`;
}
