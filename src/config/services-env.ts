/**
 * `npm run services` writes where it started Neo4j and Redis to `.local/services.env`. Entry points
 * merge it under the real environment, so a variable that is set always wins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.js';
import { PROJECT_ROOT } from './project-root.js';

export { PROJECT_ROOT };
export const SERVICES_ENV_FILE = join(PROJECT_ROOT, '.local', 'services.env');

/** Parses KEY=VALUE lines (no quoting rules beyond trimming). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m && m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2].trim();
  }
  return out;
}

/** The process environment over the services file (if any). */
export function environmentWithServices(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const file = existsSync(SERVICES_ENV_FILE) ? parseEnvFile(readFileSync(SERVICES_ENV_FILE, 'utf8')) : {};
  return { ...file, ...env };
}

/** The config of this process: the environment (over the services file), validated and frozen. */
export function configFromEnvironment(): Config {
  return loadConfig(environmentWithServices());
}
