/**
 * Streams the facts of a (scoped) graph out of Neo4j into typed arrays: entities and the identifiers
 * they use, payment events (packed per payer), ratings (packed per rater), supply links, loans, flags
 * and ownerships — one streaming read each, so memory holds the typed arrays plus one row at a time.
 * Nothing is derived in Cypher: trading edges, "bad" and every feature come from these facts in pure
 * code (src/analytics/snapshot.ts, src/features).
 */
import { FactsBuilder } from '../analytics/facts-builder.js';
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { LOAN_STATUS } from '../analytics/facts.js';
import { assembleSnapshot } from '../analytics/snapshot.js';
import type { Database } from './driver.js';
import { defineQueries } from './cypher-loader.js';

const Q = defineQueries({
  entities: 'snapshot/list-entities',
  payments: 'snapshot/list-payments',
  ratings: 'snapshot/list-ratings',
  supplies: 'snapshot/list-supplies',
  loans: 'snapshot/list-loans',
  flags: 'snapshot/list-flags',
  ownerships: 'snapshot/list-ownerships',
});

export interface SnapshotOptions {
  /** Only entities whose id starts with this ('' = all). */
  readonly idPrefix: string;
  /** Identifiers used by more entities than this are ignored (a shared office address is not a ring). */
  readonly maxIdentifierShare: number;
  /** The snapshot's time (epoch ms): facts at or after it are read but not counted. */
  readonly asOfMs: number;
  /** Called after each kind of fact with the rows read so far. */
  readonly onProgress?: (part: SnapshotPart, rows: number) => void;
}

export const SNAPSHOT_PARTS = ['entities', 'payments', 'ratings', 'supplies', 'loans', 'flags', 'ownerships'] as const;
export type SnapshotPart = (typeof SNAPSHOT_PARTS)[number];

interface EntityRow {
  id: string;
  kind: string | null;
  openedAtMs: number | null;
  identifiers: string[];
}

interface LoanRow {
  id: string;
  borrower: string;
  lender: string | null;
  amountMinor: number;
  currency: string;
  openedAtMs: number;
  dueAtMs: number;
  closedAtMs: number | null;
  disbursedAtMs: number | null;
  status: string;
}

const isLoanStatus = (s: string): s is keyof typeof LOAN_STATUS => Object.hasOwn(LOAN_STATUS, s);

/** Reads the (scoped) graph's facts and assembles its snapshot as of `asOfMs`. */
export async function readGraphSnapshot(db: Database, options: SnapshotOptions): Promise<GraphSnapshot> {
  const b = new FactsBuilder();
  const params = { prefix: options.idPrefix };
  const users = new Map<string, number[]>();
  const step = async <T>(part: SnapshotPart, onRow: (row: T) => void) => {
    const rows = await db.streamRows<T>(Q[part], params, onRow);
    options.onProgress?.(part, rows);
  };
  await step<EntityRow>('entities', (row) => {
    const v = b.entity(row.id, row.kind, row.openedAtMs);
    for (const key of row.identifiers) {
      const list = users.get(key);
      if (list) list.push(v);
      else users.set(key, [v]);
    }
  });
  await step<{ payer: string; payees: string[]; at: number[]; amount: number[]; currency: string[] }>('payments', (r) =>
    b.payments(r.payer, r.payees, r.at, r.amount, r.currency),
  );
  await step<{ rater: string; ratees: string[]; rating: number[]; at: number[] }>('ratings', (r) =>
    b.ratings(r.rater, r.ratees, r.rating, r.at),
  );
  await step<{ supplier: string; buyer: string; sinceMs: number | null; volumeMinor: number | null }>('supplies', (r) =>
    b.supply(r.supplier, r.buyer, r.sinceMs, r.volumeMinor),
  );
  await step<LoanRow>('loans', (r) => {
    if (!isLoanStatus(r.status)) return;
    b.loan({ ...r, status: r.status });
  });
  await step<{ entity: string; atMs: number; reason: string }>('flags', (r) => b.flagged(r.entity, r.atMs, r.reason));
  await step<{ person: string; business: string; sinceMs: number | null }>('ownerships', (r) =>
    b.ownership(r.person, r.business, r.sinceMs),
  );
  const facts = b.finish();
  const identifierGroups = [...users.values()].filter((g) => g.length >= 2 && g.length <= options.maxIdentifierShare);
  return assembleSnapshot(b.ids, facts, identifierGroups, options.asOfMs);
}
