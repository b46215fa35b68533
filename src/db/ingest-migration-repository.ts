/**
 * Data migrations of ingested facts to the current record rules, each idempotent and resumable (batched
 * transactions; a second run finds nothing to do):
 * - PAYS per currency: the old one-PAYS-per-pair shape (`scale`, `mixedCurrency`) becomes one PAYS per
 *   payer, payee and currency, recomputed from the PAID events where the pair mixed currencies.
 * - Identifier keys: the old `type:<value>` keys with the clear value become `type:<HMAC>` (computed by the
 *   caller) without the value; identifiers linking more entities than the cap are marked overShared.
 */
import { currencyScales } from '../ingest/field-parsers.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  countOldPays: 'ingest/count-old-pays',
  migratePays: 'ingest/migrate-pays-per-currency',
  countClearIdentifiers: 'ingest/count-clear-identifiers',
  listClearIdentifiers: 'ingest/list-clear-identifiers',
  rekeyIdentifiers: 'ingest/migrate-identifier-keys',
  markOverShared: 'ingest/mark-overshared-identifiers',
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

/** Old-shape identifiers whose value starts with `prefix`, and unmarked over-shared identifiers under it. */
export async function countClearIdentifiers(
  db: Database,
  prefix: string,
  maxGroup: number,
): Promise<{ clear: number; unmarkedOverShared: number }> {
  const [row] = await db.readRows<{ clear: number; unmarkedOverShared: number }>(Q.countClearIdentifiers, {
    prefix,
    maxGroup,
  });
  return row ?? { clear: 0, unmarkedOverShared: 0 };
}

/** An identifier stored under the old rules: its key, type and clear value. */
export interface ClearIdentifier {
  readonly key: string;
  readonly type: string;
  readonly value: string;
}

/** One page of old-shape identifiers after key `after`, by ascending key. */
export async function listClearIdentifiers(
  db: Database,
  prefix: string,
  after: string,
  limit: number,
): Promise<ClearIdentifier[]> {
  return db.readRows<ClearIdentifier>(Q.listClearIdentifiers, { prefix, after, limit });
}

/** One identifier's new key (null: remove it, a placeholder or invalid value under the current rules). */
export interface IdentifierRekey {
  readonly oldKey: string;
  readonly newKey: string | null;
  readonly type: string;
}

/** Re-keys a batch of old identifiers in one transaction (moving their USES links). */
export async function rekeyIdentifiers(
  db: Database,
  rows: readonly IdentifierRekey[],
): Promise<{ rekeyed: number; removed: number; links: number }> {
  const [row] = await db.writeRows<{ rekeyed: number; removed: number; links: number }>(Q.rekeyIdentifiers, { rows });
  return row ?? { rekeyed: 0, removed: 0, links: 0 };
}

/** Marks overShared the identifiers used under `prefix` that link more than `maxGroup` entities. */
export async function markOverSharedIdentifiers(db: Database, prefix: string, maxGroup: number): Promise<number> {
  const [row] = await db.writeRows<{ marked: number }>(Q.markOverShared, { prefix, maxGroup });
  return row?.marked ?? 0;
}
