/**
 * The record types creditgraph ingests and the normalised shapes handed to the loader.
 * Times are epoch milliseconds (UTC) here; the loader stores them as Neo4j DateTime.
 * Amounts are integer minor units (cents) plus an ISO 4217 currency; `amount` is the same value in
 * major units as a float, kept for convenience only (totals are always summed from minor units).
 */

/** Every record type, as used in `creditgraph ingest <type>` and `POST /v1/<type>`. */
export const RECORD_TYPES = [
  'entities',
  'payments',
  'supplies',
  'loans',
  'flags',
  'identifiers',
  'ownerships',
  'ratings',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

/** True when `value` names a record type. */
export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

export const ENTITY_KINDS = ['business', 'person'] as const;
export const LOAN_STATUSES = ['current', 'late', 'defaulted', 'repaid'] as const;
export const IDENTIFIER_TYPES = ['phone', 'device', 'address', 'account'] as const;
export const OWNERSHIP_ROLES = ['owns', 'directs'] as const;

export interface EntityRow {
  id: string;
  kind: (typeof ENTITY_KINDS)[number];
  sector: string | null;
  region: string | null;
  openedAtMs: number | null;
}

export interface PaymentRow {
  id: string;
  payer: string;
  payee: string;
  amountMinor: number;
  amount: number;
  currency: string;
  /** 10^exponent of the currency: major = minor / scale. */
  scale: number;
  atMs: number;
  channel: string | null;
}

export interface SupplyRow {
  supplier: string;
  buyer: string;
  sinceMs: number;
  volumeMinor: number | null;
  volume: number | null;
  currency: string | null;
  invoices: number | null;
}

export interface LoanRow {
  id: string;
  borrower: string;
  amountMinor: number;
  amount: number;
  currency: string;
  openedAtMs: number;
  dueAtMs: number;
  status: (typeof LOAN_STATUSES)[number];
  closedAtMs: number | null;
  /** The lending entity (optional): `(lender)-[:LENT]->(loan)`. */
  lender: string | null;
  /** When the money was paid out (optional; at or after openedAt). */
  disbursedAtMs: number | null;
}

export interface FlagRow {
  id: string;
  entity: string;
  reason: string;
  atMs: number;
  source: string;
}

export interface IdentifierRow {
  entity: string;
  type: (typeof IDENTIFIER_TYPES)[number];
  /** `<type>:<hex HMAC-SHA256 of the normalised value>`, the Identifier's unique key; the value itself is not kept. */
  key: string;
}

export interface OwnershipRow {
  person: string;
  business: string;
  role: (typeof OWNERSHIP_ROLES)[number];
  sinceMs: number | null;
}

export interface RatingRow {
  /** `<source>:<target>:<time as written>`; SNAP files carry no id. */
  id: string;
  source: string;
  target: string;
  rating: number;
  atMs: number;
}

/** The normalised row of each record type. */
export interface RowByType {
  entities: EntityRow;
  payments: PaymentRow;
  supplies: SupplyRow;
  loans: LoanRow;
  flags: FlagRow;
  identifiers: IdentifierRow;
  ownerships: OwnershipRow;
  ratings: RatingRow;
}

export type AnyRow = RowByType[RecordType];
