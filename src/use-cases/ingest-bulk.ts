/**
 * `ingest network DIR --bulk`: a first load of a whole network into an empty local Neo4j with the
 * offline importer. Refuses (nothing changed) unless the database is the project's local one and empty;
 * then prepares the importer's files (bulk-prepare.ts), stops the server, imports, starts it, applies the
 * schema and checks that the graph holds exactly the counts and sums that were written.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/driver.js';
import { countIngested, countNodes, type IngestedCounts } from '../db/ingest-stats-repository.js';
import { applySchema } from '../db/schema-repository.js';
import { ConflictError } from '../errors/app-error.js';
import {
  prepareBulkImport,
  type BulkPrepareOptions,
  type BulkPrepared,
  type ImportInput,
} from './bulk-prepare.js';
import type { IngestSummary } from './ingest-file.js';

/** What the bulk load needs from its surroundings (wired by the CLI; tests use the real ones). */
export interface BulkDeps {
  /** Opens a connection to the configured Neo4j. */
  readonly openDb: () => Promise<{ readonly db: Database; close(): Promise<void> }>;
  /** Why the configured Neo4j is not the project's local one (null when it is). */
  readonly notLocalReason: () => string | null;
  /** Runs scripts/services.sh for the local instance. */
  readonly services: (action: 'start' | 'stop' | 'import', args: readonly string[]) => Promise<void>;
  /** The local state folder: the importer files are written under it. */
  readonly localDir: string;
}

export interface BulkOptions extends Omit<BulkPrepareOptions, 'workDir'> {
  /** Import nothing when any row was rejected. */
  readonly strict?: boolean;
  /** Importer threads (default: the importer's own, the number of cores). */
  readonly threads?: number;
  /** The importer's off-heap memory (`--max-off-heap-memory`, e.g. `2g`). */
  readonly maxOffHeap?: string;
  /** Keep the importer files (for inspection); default removed. */
  readonly keepFiles?: boolean;
}

export type BulkStage = 'check' | 'prepare' | 'stop' | 'import' | 'start' | 'schema' | 'verify';

export interface BulkResult {
  readonly summaries: readonly IngestSummary[];
  /** False when --strict found rejects (nothing imported). */
  readonly imported: boolean;
  readonly expected: IngestedCounts;
  /** What the graph holds after the import (equal to `expected`, else the load throws). */
  readonly actual: IngestedCounts | null;
  /** Milliseconds per stage. */
  readonly stages: Partial<Record<BulkStage, number>>;
}

/** Refuses unless the configured Neo4j is the local one and holds no node. */
async function checkTarget(deps: BulkDeps): Promise<void> {
  const reason = deps.notLocalReason();
  if (reason)
    throw new ConflictError(
      `ingest --bulk refused, nothing changed: ${reason}; the offline importer replaces the local database only`,
    );
  const { db, close } = await deps.openDb();
  try {
    const nodes = await countNodes(db);
    if (nodes > 0)
      throw new ConflictError(
        `ingest --bulk refused, nothing changed: the database is not empty (${nodes} nodes); --bulk is for a first load into an empty database, later loads use ingest without --bulk`,
      );
  } finally {
    await close();
  }
}

/** The importer's arguments for the prepared files. */
export function importArguments(
  inputs: readonly ImportInput[],
  prepared: BulkPrepared,
  options: BulkOptions,
  workDir: string,
): string[] {
  const args = [
    'neo4j',
    '--overwrite-destination=true',
    '--id-type=string',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--bad-tolerance=0',
    `--multiline-fields=${prepared.multiline}`,
    `--report-file=${join(workDir, 'import.report')}`,
  ];
  if (options.threads) args.push(`--threads=${options.threads}`);
  if (options.maxOffHeap) args.push(`--max-off-heap-memory=${options.maxOffHeap}`);
  for (const i of inputs) args.push(i.label ? `--${i.kind}=${i.label}=${i.path}` : `--${i.kind}=${i.path}`);
  return args;
}

/** The counts that differ between what was written and what the graph holds. */
export function countDifferences(expected: IngestedCounts, actual: IngestedCounts): string[] {
  return (Object.keys(expected) as (keyof IngestedCounts)[])
    .filter((k) => Number(expected[k]) !== Number(actual[k]))
    .map((k) => `${k}: wrote ${expected[k]}, graph holds ${actual[k]}`);
}

export async function ingestNetworkBulk(
  dir: string,
  options: BulkOptions,
  deps: BulkDeps,
  onStage: (stage: BulkStage) => void = () => {},
): Promise<BulkResult> {
  const stages: Partial<Record<BulkStage, number>> = {};
  const timed = async <T>(stage: BulkStage, work: () => Promise<T>): Promise<T> => {
    onStage(stage);
    const t = Date.now();
    const result = await work();
    stages[stage] = Date.now() - t;
    return result;
  };
  await timed('check', () => checkTarget(deps));
  const workDir = join(deps.localDir, 'bulk-import');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    const prepared = await timed('prepare', () => prepareBulkImport(dir, { ...options, workDir }));
    const rejected = prepared.summaries.some((s) => s.rejected > 0);
    if (options.strict && rejected)
      return {
        summaries: prepared.summaries,
        imported: false,
        expected: prepared.expected,
        actual: null,
        stages,
      };
    await checkTarget(deps); // again: the preparation may have taken a while
    await timed('stop', () => deps.services('stop', []));
    try {
      await timed('import', () =>
        deps.services('import', importArguments(prepared.inputs, prepared, options, workDir)),
      );
    } finally {
      await timed('start', () => deps.services('start', []));
    }
    const actual = await verify(deps, prepared.expected, stages, onStage);
    return { summaries: prepared.summaries, imported: true, expected: prepared.expected, actual, stages };
  } finally {
    if (!options.keepFiles) rmSync(workDir, { recursive: true, force: true });
  }
}

async function verify(
  deps: BulkDeps,
  expected: IngestedCounts,
  stages: Partial<Record<BulkStage, number>>,
  onStage: (stage: BulkStage) => void,
): Promise<IngestedCounts> {
  const { db, close } = await deps.openDb();
  try {
    onStage('schema');
    let t = Date.now();
    await applySchema(db);
    stages.schema = Date.now() - t;
    onStage('verify');
    t = Date.now();
    const actual = await countIngested(db, '');
    stages.verify = Date.now() - t;
    const differences = countDifferences(expected, actual);
    if (differences.length > 0)
      throw new Error(
        `bulk import finished but the graph differs from the files written: ${differences.join('; ')}`,
      );
    return actual;
  } finally {
    await close();
  }
}
