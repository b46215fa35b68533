/**
 * `creditgraph migrate`: brings facts loaded under older record rules to the current ones, idempotently
 * (a second run finds nothing to do) and resumably (batched transactions; a killed run is completed by
 * the next). `inspect` counts what a run would change without changing anything.
 */
import type { Database } from '../db/driver.js';
import { countOldPays, migratePaysPerCurrency } from '../db/ingest-migration-repository.js';

export interface MigrationOptions {
  /** Only facts whose ids start with this ('' = the whole graph). */
  readonly prefix: string;
}

/** What is (or was) left to migrate. */
export interface MigrationReport {
  /** PAYS of the old shape (`scale` / `mixedCurrency`), and the mixed-currency pairs among them. */
  readonly pays: { readonly oldShape: number; readonly mixed: number };
}

/** Counts what `migrate` would change. */
export async function inspectMigrations(db: Database, options: MigrationOptions): Promise<MigrationReport> {
  return { pays: await countOldPays(db, options.prefix) };
}

/** Runs every migration; resolves with what there was to do (what is left afterwards is nothing). */
export async function runMigrations(db: Database, options: MigrationOptions): Promise<MigrationReport> {
  const before = await inspectMigrations(db, options);
  if (before.pays.oldShape > 0) await migratePaysPerCurrency(db, options.prefix);
  return before;
}
