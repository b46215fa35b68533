/**
 * The demo's data: the s sample network under the `demo-` prefix (generated and loaded once; later runs
 * reuse it), a metrics refresh, and an analyst key kept in .local/demo so later runs reuse it too.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { createApiKey, findApiKey } from '../db/api-key-repository.js';
import type { Database } from '../db/driver.js';
import { countIngested } from '../db/ingest-stats-repository.js';
import { generateNetwork } from '../ingest/generator/generate-network.js';
import { NETWORK_SIZES } from '../ingest/generator/sizes.js';
import { newRunId } from '../queue/metrics-producer.js';
import type { IngestRules } from './ingest-file.js';
import { ingestNetwork } from './ingest-network.js';
import { refreshMetrics, type RefreshProgress, type RefreshSummary } from './refresh-metrics.js';
import { activeFraudModel } from './score-model.js';

export const DEMO_PREFIX = 'demo-';
export const DEMO_SEED = 42;

export interface DemoReporter {
  step(message: string): void;
  refresh(progress: RefreshProgress): void;
}

/** UTC midnight of `now`'s day, epoch ms: where the demo network's timeline ends. */
export function demoEndMs(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/**
 * Generates and loads the s network unless its entities are already there. Returns whether it loaded.
 * The network's two-year timeline ends today (UTC midnight of `now`), so "as of today" scores see recent
 * activity; it is written to `<workDir>/s-42-<YYYY-MM-DD>`. A network loaded on an earlier day is kept
 * as it is (its activity ages; delete the prefix to get a fresh one).
 */
export async function ensureSampleNetwork(
  db: Database,
  rules: IngestRules,
  workDir: string,
  report: DemoReporter,
  prefix = DEMO_PREFIX,
  now = new Date(),
): Promise<boolean> {
  const expected = NETWORK_SIZES.s.entities;
  const present = (await countIngested(db, prefix)).entities;
  if (present >= expected) {
    report.step(`sample network already loaded (${present} entities under "${prefix}")`);
    return false;
  }
  const endMs = demoEndMs(now);
  const end = new Date(endMs).toISOString().slice(0, 10);
  const dir = join(workDir, `s-${DEMO_SEED}-${end}${prefix === DEMO_PREFIX ? '' : `-${prefix}`}`);
  report.step(`generating the s sample network (seed ${DEMO_SEED}, ending ${end}) into ${dir}`);
  await generateNetwork({ size: 's', seed: DEMO_SEED, outDir: dir, endMs });
  report.step('loading it into Neo4j');
  // loaded under the prefix: ids prefixed, and identifier hashes namespaced by it
  const summaries = await ingestNetwork(db, dir, { ...rules, idPrefix: prefix, rejectsDir: dir });
  for (const s of summaries) report.step(`  ${s.type}: ${s.loaded} rows loaded, ${s.rejected} rejected`);
  return true;
}

/**
 * Runs a refresh in this process, reporting stage progress: of the whole graph (scope ''), or of the
 * entities under `scope` only (a scoped run, which never replaces the service's current run).
 */
export async function runDemoRefresh(
  db: Database,
  config: Config,
  report: DemoReporter,
  scope = '',
): Promise<RefreshSummary> {
  const runId = newRunId(new Date());
  report.step(`computing network metrics (run ${runId})`);
  return refreshMetrics(db, config.metrics, { runId, jobId: 'demo', scope }, (p) => report.refresh(p), activeFraudModel(config));
}

/** The demo analyst key: reused from `<workDir>/analyst.key` while it is valid, else created. */
export async function ensureDemoKey(db: Database, workDir: string): Promise<string> {
  const file = join(workDir, 'analyst.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key && (await findApiKey(db, key))?.role === 'analyst') return key;
  }
  const created = await createApiKey(db, 'analyst', 'demo analyst', new Date());
  mkdirSync(workDir, { recursive: true });
  writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  return created.key;
}
