/**
 * `creditgraph migrate`: brings facts loaded under older record rules to the current ones, idempotently
 * (a second run finds nothing to do) and resumably (batched transactions; a killed run is completed by
 * the next):
 * - PAYS per (payer, payee, currency), recomputed from PAID where a pair mixed currencies;
 * - identifiers stored with their clear value become `type:<HMAC of the normalised value>` (placeholders
 *   and values invalid under the current rules are removed), over-shared ones marked.
 * `inspectMigrations` counts what a run would change without changing anything.
 */
import type { Database } from '../db/driver.js';
import {
  countClearIdentifiers,
  countOldPays,
  listClearIdentifiers,
  markOverSharedIdentifiers,
  migratePaysPerCurrency,
  rekeyIdentifiers,
  type ClearIdentifier,
  type IdentifierRekey,
} from '../db/ingest-migration-repository.js';
import { FieldValueError } from '../ingest/field-parsers.js';
import { identifierKey, normaliseIdentifier, type IdentifierType } from '../ingest/identifiers.js';
import { IDENTIFIER_TYPES } from '../ingest/record-types.js';
import type { IngestRules } from './ingest-file.js';

export interface MigrationOptions extends IngestRules {
  /** The --id-prefix the facts were loaded with ('' = the whole graph, values taken as they are). */
  readonly idPrefix: string;
  /** Identifiers re-keyed per transaction (default 2000). */
  readonly batchRows?: number;
  /**
   * Remove old identifiers whose values are placeholders or invalid under the current rules (default
   * false: they are left as they are and reported, since a wrong `idPrefix` makes every value look invalid).
   */
  readonly removeInvalid?: boolean;
}

/** What is (or was) left to migrate. */
export interface MigrationReport {
  /** PAYS of the old shape (`scale` / `mixedCurrency`), and the mixed-currency pairs among them. */
  readonly pays: { readonly oldShape: number; readonly mixed: number };
  /**
   * Identifiers with their clear value (`clear`), of which `invalid` are placeholders or invalid under
   * the current rules (removed only with `removeInvalid`); over-shared ones not yet marked.
   */
  readonly identifiers: { readonly clear: number; readonly invalid: number; readonly unmarkedOverShared: number };
}

/** The new key of an old identifier under the current rules, or null when its value is not acceptable. */
export function rekeyOf(old: ClearIdentifier, rules: IngestRules, idPrefix: string): IdentifierRekey {
  const type = old.type as IdentifierType;
  const raw = idPrefix && old.value.startsWith(idPrefix) ? old.value.slice(idPrefix.length) : old.value;
  if (!(IDENTIFIER_TYPES as readonly string[]).includes(type)) return { oldKey: old.key, newKey: null, type: old.type };
  try {
    const normalised = normaliseIdentifier(type, raw);
    return { oldKey: old.key, newKey: identifierKey(type, normalised, rules.identifierHmacKey, idPrefix), type };
  } catch (error) {
    if (!(error instanceof FieldValueError)) throw error;
    return { oldKey: old.key, newKey: null, type };
  }
}

/** Pages through the old identifiers under the prefix, handing each page's re-keys to `visit`. */
async function forEachClearPage(
  db: Database,
  options: MigrationOptions,
  visit: (rows: IdentifierRekey[]) => Promise<void>,
): Promise<void> {
  const limit = options.batchRows ?? 2000;
  let after = '';
  for (;;) {
    const page = await listClearIdentifiers(db, options.idPrefix, after, limit);
    if (page.length === 0) return;
    await visit(page.map((old) => rekeyOf(old, options, options.idPrefix)));
    after = page[page.length - 1]!.key;
  }
}

/** Counts what `migrate` would change. */
export async function inspectMigrations(db: Database, options: MigrationOptions): Promise<MigrationReport> {
  const ids = await countClearIdentifiers(db, options.idPrefix, options.identifierMaxGroup);
  let invalid = 0;
  if (ids.clear > 0)
    await forEachClearPage(db, options, async (rows) => {
      invalid += rows.filter((r) => r.newKey === null).length;
    });
  return {
    pays: await countOldPays(db, options.idPrefix),
    identifiers: { clear: ids.clear, invalid, unmarkedOverShared: ids.unmarkedOverShared },
  };
}

/** Runs every migration; resolves with what there was to do (afterwards nothing is left). */
export async function runMigrations(db: Database, options: MigrationOptions): Promise<MigrationReport> {
  const pays = await countOldPays(db, options.idPrefix);
  if (pays.oldShape > 0) await migratePaysPerCurrency(db, options.idPrefix);
  let clear = 0;
  let invalid = 0;
  await forEachClearPage(db, options, async (rows) => {
    const invalidRows = rows.filter((r) => r.newKey === null).length;
    await rekeyIdentifiers(db, options.removeInvalid ? rows : rows.filter((r) => r.newKey !== null));
    clear += rows.length;
    invalid += invalidRows;
  });
  const unmarkedOverShared = await markOverSharedIdentifiers(db, options.idPrefix, options.identifierMaxGroup);
  return { pays, identifiers: { clear, invalid, unmarkedOverShared } };
}
