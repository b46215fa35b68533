/**
 * Reads the facts around a few entities — everything their features need — into a small snapshot, in
 * one read transaction: their own events (payments, ratings, supply links), their flags and loans,
 * what decides whether each of their counterparties is bad (the counterparties' flags, loans and the
 * reports they received) and when each counterparty was first active. The same pure feature code then runs on it as on a metrics run's full
 * snapshot, so a score as of a past date, or the refresh after an ingest load, computes exactly what
 * the nightly run would.
 */
import type { GraphSnapshot } from '../analytics/edge-list.js';
import { FactsBuilder } from '../analytics/facts-builder.js';
import { LOAN_STATUS } from '../analytics/facts.js';
import { assembleSnapshot } from '../analytics/snapshot.js';
import { defineQueries } from './cypher-loader.js';
import type { Database, Tx } from './driver.js';
import { recordToObject } from './neo4j-values.js';

const Q = defineQueries({
  entities: 'features/list-local-entities',
  payments: 'features/list-local-payments',
  ratings: 'features/list-local-ratings',
  reports: 'features/list-counterparty-reports',
  supplies: 'features/list-local-supplies',
  labels: 'features/list-local-labels',
  firstEvents: 'features/list-counterparty-first-events',
});

export interface LocalSnapshot {
  readonly snapshot: GraphSnapshot;
  /** Snapshot index of each requested id that exists (unknown ids are absent). */
  readonly focus: ReadonlyMap<string, number>;
}

interface LoanMap {
  id: string;
  lender: string | null;
  amountMinor: number;
  currency: string;
  openedAtMs: number;
  dueAtMs: number;
  closedAtMs: number | null;
  disbursedAtMs: number | null;
  status: string;
}

async function rows<T>(tx: Tx, statement: string, params: Record<string, unknown>): Promise<T[]> {
  return (await tx.run(statement, params)).records.map((r) => recordToObject<T>(r));
}

/** The small snapshot of `ids` and their surroundings, as of `asOfMs`. */
export async function readLocalSnapshot(db: Database, ids: readonly string[], asOfMs: number, timeoutMs?: number): Promise<LocalSnapshot> {
  return db.read(async (tx) => {
    const b = new FactsBuilder();
    const focus = new Map<string, number>();
    for (const e of await rows<{ id: string; kind: string | null; openedAtMs: number | null }>(tx, Q.entities, { ids })) {
      focus.set(e.id, b.entity(e.id, e.kind, e.openedAtMs));
    }
    const present = [...focus.keys()];
    for (const p of await rows<{ payer: string; payee: string; at: number; amount: number; currency: string }>(tx, Q.payments, { ids: present })) {
      b.payment(b.indexOf(p.payer), b.indexOf(p.payee), p.at, p.amount, p.currency);
    }
    for (const r of await rows<{ rater: string; ratee: string; rating: number; at: number }>(tx, Q.ratings, { ids: present })) {
      b.rating(b.indexOf(r.rater), b.indexOf(r.ratee), r.rating, r.at);
    }
    const counterparties = b.ids.filter((id) => !focus.has(id));
    for (const r of await rows<{ rater: string; ratee: string; rating: number; at: number }>(tx, Q.reports, { ids: counterparties, focus: present })) {
      b.rating(b.indexOf(r.rater), b.indexOf(r.ratee), r.rating, r.at);
    }
    for (const f of await rows<{ id: string; firstMs: number | null }>(tx, Q.firstEvents, { ids: counterparties })) {
      if (f.firstMs !== null) b.firstActive(f.id, f.firstMs);
    }
    for (const s of await rows<{ supplier: string; buyer: string; sinceMs: number | null; volumeMinor: number | null }>(tx, Q.supplies, { ids: present })) {
      b.supply(s.supplier, s.buyer, s.sinceMs, s.volumeMinor);
    }
    const labelled = [...present, ...counterparties];
    for (const l of await rows<{ kind: string; entity: string; atMs: number | null; reason: string | null; loan: LoanMap | null }>(tx, Q.labels, { ids: labelled })) {
      if (l.kind === 'flag' && l.atMs !== null) b.flagged(l.entity, l.atMs, l.reason ?? '');
      else if (l.loan && Object.hasOwn(LOAN_STATUS, l.loan.status)) {
        b.loan({ ...l.loan, borrower: l.entity, status: l.loan.status as keyof typeof LOAN_STATUS });
      }
    }
    return { snapshot: assembleSnapshot(b.ids, b.finish(), [], asOfMs), focus };
  }, timeoutMs);
}
