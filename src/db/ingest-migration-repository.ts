/**
 * Data migrations of ingested facts to the current record rules, each idempotent and resumable (batched
 * transactions; a second run finds nothing to do):
 * - PAYS per currency: the old one-PAYS-per-pair shape (`scale`, `mixedCurrency`) becomes one PAYS per
 *   payer, payee and currency, recomputed from the PAID events where the pair mixed currencies.
 */
import { currencyScales } from '../ingest/field-parsers.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  countOldPays: 'ingest/count-old-pays',
  migratePays: 'ingest/migrate-pays-per-currency',
});

/** PAYS of the old shape under a prefix, and among them the mixed-currency ones. */
export async function countOldPays(db: Database, prefix: string): Promise<{ oldShape: number; mixed: number }> {
  const [row] = await db.readRows<{ oldShape: number; mixed: number }>(Q.countOldPays, { prefix });
  return row ?? { oldShape: 0, mixed: 0 };
}

/** Rewrites old-shape PAYS under `prefix` ('' = all) as PAYS per currency (auto-commit batches). */
export async function migratePaysPerCurrency(db: Database, prefix: string): Promise<void> {
  await db.autoCommit(Q.migratePays, { prefix, scales: currencyScales() });
}
