/** Test-only: seeds facts in the shapes older record rules stored, and reads back what ingest wrote. */
import type { Database } from '../../src/db/driver.js';
import { fixtureCypher } from './fixture-cypher.js';

const Q = {
  oldPayments: fixtureCypher('create-old-shape-payments'),
  pays: fixtureCypher('list-pays-by-prefix'),
  owners: fixtureCypher('list-owners-by-prefix'),
  oldIdentifiers: fixtureCypher('create-old-shape-identifiers'),
  identifiers: fixtureCypher('list-identifiers-by-prefix'),
};

export interface OldPayment {
  readonly id: string;
  readonly payer: string;
  readonly payee: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly atMs: number;
}

/** Payments stored as the old rules did: one PAYS per pair, `scale`, `mixedCurrency` when mixed. */
export async function createOldShapePayments(db: Database, prefix: string, payments: readonly OldPayment[]): Promise<void> {
  await db.writeRows(Q.oldPayments, { prefix, payments });
}

export interface PaysRow {
  payer: string;
  payee: string;
  currency: string;
  count: number;
  totalMinor: number;
  total: number;
  firstMs: number;
  lastMs: number;
  keys: string[];
}

/** Every PAYS under `prefix` (ids without the prefix), by payer, payee and currency. */
export async function listPays(db: Database, prefix: string): Promise<PaysRow[]> {
  return db.readRows<PaysRow>(Q.pays, { prefix });
}

export interface OwnerRow {
  kind: 'loan' | 'flag';
  id: string;
  owners: string[];
  status: string | null;
  reason: string | null;
  lenders: string[];
  lender: string | null;
  disbursedAtMs: number | null;
}

/** Who each loan and flag under `prefix` belongs to (ids without the prefix). */
export async function listOwners(db: Database, prefix: string): Promise<OwnerRow[]> {
  return db.readRows<OwnerRow>(Q.owners, { prefix });
}

/** Identifiers stored as the old rules did: key `<type>:<prefix><value>`, the clear value in `id`. */
export async function createOldShapeIdentifiers(
  db: Database,
  prefix: string,
  rows: readonly { entity: string; type: string; value: string }[],
): Promise<void> {
  await db.writeRows(Q.oldIdentifiers, { prefix, rows });
}

export interface IdentifierLinkRow {
  entity: string;
  key: string;
  type: string;
  overShared: boolean | null;
  /** Every property of the identifier and of the USES link, as `name=value`. */
  props: string[];
}

/** Every identifier used under `prefix`, one row per (entity, identifier). */
export async function listIdentifierLinks(db: Database, prefix: string): Promise<IdentifierLinkRow[]> {
  return db.readRows<IdentifierLinkRow>(Q.identifiers, { prefix });
}
