/**
 * The node and relationship files of Neo4j's offline importer (`neo4j-admin database import full`) for a
 * bulk first load, written so the imported graph holds exactly what the driver path's cypher/ingest/merge-*
 * statements store: the same labels, relationship types, property names and property types (integers as
 * long, amounts as double, times as UTC datetime; a null property is an empty unquoted field, i.e. absent).
 * Pure: each function turns a normalised row into one CSV line.
 */
import type {
  EntityRow,
  FlagRow,
  LoanRow,
  OwnershipRow,
  PaymentRow,
  RatingRow,
  SupplyRow,
} from './record-types.js';

/** One importer input: `--nodes=<label>=<file>` or `--relationships=<type>=<file>`, header first. */
export interface ImportFileSpec {
  readonly kind: 'nodes' | 'relationships';
  /** Node label, or relationship type (empty when the file has a `:TYPE` column). */
  readonly label: string;
  readonly header: string;
}

const ENTITY_HEADER = 'id:ID(Entity),kind,sector,region,openedAt:datetime,minimal:boolean';

/** Every file of a bulk load, by name (`<name>.csv`). */
export const IMPORT_FILES = {
  entities: { kind: 'nodes', label: 'Entity', header: ENTITY_HEADER },
  minimalEntities: { kind: 'nodes', label: 'Entity', header: ENTITY_HEADER },
  identifiers: { kind: 'nodes', label: 'Identifier', header: 'key:ID(Identifier),type,overShared:boolean' },
  loans: {
    kind: 'nodes',
    label: 'Loan',
    header:
      'id:ID(Loan),amountMinor:long,amount:double,currency,openedAt:datetime,dueAt:datetime,status,' +
      'closedAt:datetime,disbursedAt:datetime,lender',
  },
  flags: { kind: 'nodes', label: 'Flag', header: 'id:ID(Flag),reason,at:datetime,source' },
  uses: { kind: 'relationships', label: 'USES', header: ':START_ID(Entity),:END_ID(Identifier)' },
  ownerships: {
    kind: 'relationships',
    label: '',
    header: ':START_ID(Entity),:END_ID(Entity),:TYPE,since:datetime',
  },
  supplies: {
    kind: 'relationships',
    label: 'SUPPLIES',
    header:
      ':START_ID(Entity),:END_ID(Entity),since:datetime,volumeMinor:long,volume:double,currency,invoices:long',
  },
  paid: {
    kind: 'relationships',
    label: 'PAID',
    header:
      ':START_ID(Entity),:END_ID(Entity),id,amountMinor:long,amount:double,currency,at:datetime,channel',
  },
  pays: {
    kind: 'relationships',
    label: 'PAYS',
    header:
      ':START_ID(Entity),:END_ID(Entity),currency,count:long,totalMinor:long,total:double,first:datetime,last:datetime',
  },
  borrowed: { kind: 'relationships', label: 'BORROWED', header: ':START_ID(Entity),:END_ID(Loan)' },
  lent: { kind: 'relationships', label: 'LENT', header: ':START_ID(Entity),:END_ID(Loan)' },
  flagged: { kind: 'relationships', label: 'FLAGGED', header: ':START_ID(Entity),:END_ID(Flag)' },
  rated: {
    kind: 'relationships',
    label: 'RATED',
    header: ':START_ID(Entity),:END_ID(Entity),id,rating:double,at:datetime',
  },
} as const satisfies Record<string, ImportFileSpec>;

export type ImportFileName = keyof typeof IMPORT_FILES;

/** A string field, always quoted (`"` doubled); null is an empty unquoted field (no property). */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** A time as the importer's datetime (UTC, millisecond precision, like `datetime({epochMillis})`). */
export function csvTime(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/** A number field (long or double); null is empty. */
export function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A declared entity (the entities file). */
export function entityLine(row: EntityRow): string {
  return `${csvText(row.id)},${csvText(row.kind)},${csvText(row.sector)},${csvText(row.region)},${csvTime(row.openedAtMs)},`;
}

/**
 * An entity only referred to: `unknown` and minimal when another file named it (what the merge
 * statements create), `person` when only ratings did (merge-ratings creates users as persons).
 */
export function referredEntityLine(id: string, onlyRatings: boolean): string {
  return onlyRatings ? `${csvText(id)},"person",,,,` : `${csvText(id)},"unknown",,,,true`;
}

export function identifierLine(key: string, type: string, overShared: boolean): string {
  return `${csvText(key)},${csvText(type)},${overShared ? 'true' : ''}`;
}

export function loanLine(row: LoanRow): string {
  return [
    csvText(row.id),
    csvNumber(row.amountMinor),
    csvNumber(row.amount),
    csvText(row.currency),
    csvTime(row.openedAtMs),
    csvTime(row.dueAtMs),
    csvText(row.status),
    csvTime(row.closedAtMs),
    csvTime(row.disbursedAtMs),
    csvText(row.lender),
  ].join(',');
}

export function flagLine(row: FlagRow): string {
  return `${csvText(row.id)},${csvText(row.reason)},${csvTime(row.atMs)},${csvText(row.source)}`;
}

/** A relationship without properties (USES, BORROWED, LENT, FLAGGED). */
export function linkLine(from: string, to: string): string {
  return `${csvText(from)},${csvText(to)}`;
}

export function ownershipLine(row: OwnershipRow): string {
  const type = row.role === 'owns' ? 'OWNS' : 'DIRECTS';
  return `${csvText(row.person)},${csvText(row.business)},${type},${csvTime(row.sinceMs)}`;
}

export function supplyLine(row: SupplyRow): string {
  return [
    csvText(row.supplier),
    csvText(row.buyer),
    csvTime(row.sinceMs),
    csvNumber(row.volumeMinor),
    csvNumber(row.volume),
    csvText(row.currency),
    csvNumber(row.invoices),
  ].join(',');
}

export function paidLine(row: PaymentRow): string {
  return (
    `${csvText(row.payer)},${csvText(row.payee)},${csvText(row.id)},${row.amountMinor},${row.amount},` +
    `${csvText(row.currency)},${csvTime(row.atMs)},${csvText(row.channel)}`
  );
}

/** One PAYS aggregate: what merge-payments accumulates for a payer, payee and currency. */
export interface PaysAggregate {
  readonly payer: string;
  readonly payee: string;
  readonly currency: string;
  readonly scale: number;
  readonly count: number;
  readonly totalMinor: number;
  readonly firstMs: number;
  readonly lastMs: number;
}

export function paysLine(p: PaysAggregate): string {
  // merge-payments: p.total = toFloat(p.totalMinor) / scale
  return (
    `${csvText(p.payer)},${csvText(p.payee)},${csvText(p.currency)},${p.count},${p.totalMinor},` +
    `${p.totalMinor / p.scale},${csvTime(p.firstMs)},${csvTime(p.lastMs)}`
  );
}

export function ratedLine(row: RatingRow): string {
  return `${csvText(row.source)},${csvText(row.target)},${csvText(row.id)},${row.rating},${csvTime(row.atMs)}`;
}

/** True when a text holds a line break (the importer then needs `--multiline-fields=true`). */
export function hasLineBreak(text: string | null): boolean {
  return text !== null && /[\r\n]/.test(text);
}
