/**
 * A private Neo4j a test may stop and start (never the shared one): `scripts/services.sh` with its state
 * in a temporary folder (CREDITGRAPH_LOCAL_DIR, jars shared) on a bolt port named by the test, with a
 * small heap. `remove` stops it and deletes the folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/index.js';

export interface PrivateNeo4j {
  readonly uri: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  remove(): Promise<void>;
}

export function privateNeo4j(boltPort: number): PrivateNeo4j {
  const dir = mkdtempSync(join(tmpdir(), 'cg-neo4j-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    CREDITGRAPH_LOCAL_DIR: dir,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
    // start a Neo4j (not reuse NEO4J_URI), and no Redis at all (REDIS_URL set: none is started)
    NEO4J_URI: undefined,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const services = (command: 'start' | 'stop') =>
    new Promise<void>((resolve, reject) => {
      const child = spawn('bash', [join(PROJECT_ROOT, 'scripts/services.sh'), command], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err += d));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`services.sh ${command} exited with ${code}:\n${err}`))));
    });
  return {
    uri: `bolt://127.0.0.1:${boltPort}`,
    start: () => services('start'),
    stop: () => services('stop'),
    remove: async () => {
      await services('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
