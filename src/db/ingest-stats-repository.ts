/**
 * Read-backs of what ingest wrote under an id prefix (for tests, the benchmark and the idempotency
 * checks), and removal of everything under a prefix (tests clean up only what they loaded).
 */
import { ValidationError } from '../errors/app-error.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const Q = defineQueries({
  counts: 'ingest/count-graph-by-prefix',
  mismatches: 'ingest/count-pays-mismatches',
  comparePays: 'ingest/compare-pays-by-prefix',
  remove: 'ingest/delete-by-prefix',
  nodes: 'ingest/count-nodes',
});

/** Every node of the database (0 for an empty one). */
export async function countNodes(db: Database): Promise<number> {
  const [row] = await db.readRows<{ nodes: number }>(Q.nodes);
  return row?.nodes ?? 0;
}

/** Node and relationship counts under a prefix; `*Minor` are sums of integer minor units. */
export interface IngestedCounts {
  entities: number;
  minimalEntities: number;
  loans: number;
  flags: number;
  identifiers: number;
  paid: number;
  paidMinor: number;
  pays: number;
  paysCount: number;
  paysMinor: number;
  supplies: number;
  uses: number;
  owns: number;
  directs: number;
  borrowed: number;
  flagged: number;
  rated: number;
}

/** Counts everything whose id starts with `prefix` ('' counts the whole graph). */
export async function countIngested(db: Database, prefix: string): Promise<IngestedCounts> {
  const [row] = await db.readRows<IngestedCounts>(Q.counts, { prefix });
  if (!row) throw new Error('count-graph-by-prefix returned no row');
  return row;
}

/** How many PAYS aggregates under `prefix` disagree with their PAID events (0 when consistent). */
export async function countPaysMismatches(
  db: Database,
  prefix: string,
): Promise<{ checked: number; mismatches: number }> {
  const [row] = await db.readRows<{ checked: number; mismatches: number }>(Q.mismatches, { prefix });
  return row ?? { checked: 0, mismatches: 0 };
}

/** How the PAYS of a load under `prefixA` compare, pair by pair, with the same load under `prefixB`. */
export interface PaysComparison {
  /** PAYS under prefixA. */
  readonly checked: number;
  /** Pairs with no PAYS under prefixB. */
  readonly missing: number;
  /** Pairs whose count, totalMinor, first, last or currency differ. */
  readonly different: number;
}

/**
 * Compares the PAYS under two prefixes pair by pair (ids equal once the prefix is stripped). Equal
 * PAYS counts plus `missing = different = 0` mean the two loads have the same PAYS.
 */
export async function comparePaysByPrefix(
  db: Database,
  prefixA: string,
  prefixB: string,
): Promise<PaysComparison> {
  const [row] = await db.readRows<PaysComparison>(Q.comparePays, { prefixA, prefixB });
  return row ?? { checked: 0, missing: 0, different: 0 };
}

/** Deletes every node (and its relationships) whose id starts with `prefix`; refuses an empty prefix. */
export async function deleteByPrefix(db: Database, prefix: string): Promise<void> {
  if (prefix.length < 3)
    throw new ValidationError('refusing to delete by a prefix shorter than 3 characters', [
      { field: 'prefix', reason: 'too short' },
    ]);
  await db.autoCommit(Q.remove, { prefix });
}
