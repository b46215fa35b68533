/**
 * The project's local Neo4j, as scripts/services.sh runs it from a state folder (`.local` or
 * CREDITGRAPH_LOCAL_DIR): whether a configured NEO4J_URI is that server, and stop / offline import /
 * start through the script (which knows the jars, NEO4J_HOME and the configuration).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type Config } from '../config/index.js';
import { parseEnvFile } from '../config/services-env.js';
import { createDatabase } from '../db/driver.js';
import type { BulkDeps } from '../use-cases/ingest-bulk.js';

const SERVER_MAIN = 'org.neo4j.server.CommunityEntryPoint';

/** Why `uri` is not the Neo4j that scripts/services.sh started from `localDir`, or null when it is. */
export function notLocalNeo4jReason(localDir: string, uri: string): string | null {
  const envFile = join(localDir, 'services.env');
  if (!existsSync(envFile))
    return `no local Neo4j state in ${localDir} (no services.env): start one with scripts/services.sh start`;
  const localUri = parseEnvFile(readFileSync(envFile, 'utf8')).NEO4J_URI;
  if (localUri !== uri)
    return `NEO4J_URI ${uri} is not the local Neo4j of ${localDir} (${localUri ?? 'none'})`;
  const pidFile = join(localDir, 'neo4j', 'neo4j.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : Number.NaN;
  if (!Number.isInteger(pid) || !isServer(pid))
    return `the Neo4j at ${uri} was not started by scripts/services.sh from ${localDir} (no live server pid)`;
  return null;
}

function isServer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(SERVER_MAIN);
  } catch {
    return false;
  }
}

/** Runs `scripts/services.sh <action> ...args` with `env`; rejects with the tail of its output on failure. */
export function runServicesScript(
  action: 'start' | 'stop' | 'import',
  args: readonly string[],
  env: Record<string, string | undefined>,
  onOutput: (text: string) => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(PROJECT_ROOT, 'scripts', 'services.sh'), action, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const take = (d: Buffer) => {
      const text = d.toString();
      onOutput(text);
      tail = (tail + text).slice(-4000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`scripts/services.sh ${action} failed (exit ${code}):\n${tail}`)),
    );
  });
}

/**
 * What `ingest network --bulk` needs for the local instance of `localDir`: `env` is the environment
 * scripts/services.sh runs with (NEO4J_URI is dropped so the script manages the local server; the bolt
 * port is the configured URI's).
 */
export function localBulkDeps(
  config: Config,
  localDir: string,
  env: Record<string, string | undefined>,
): BulkDeps {
  const serviceEnv: Record<string, string | undefined> = {
    ...env,
    CREDITGRAPH_LOCAL_DIR: localDir,
    NEO4J_BOLT_PORT: new URL(config.neo4j.uri).port || '7687',
  };
  delete serviceEnv.NEO4J_URI;
  return {
    localDir,
    notLocalReason: () => notLocalNeo4jReason(localDir, config.neo4j.uri),
    openDb: async () => {
      const db = createDatabase(config.neo4j);
      return { db, close: () => db.close() };
    },
    services: (action, args) => runServicesScript(action, args, serviceEnv),
  };
}
