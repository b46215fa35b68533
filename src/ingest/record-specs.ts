/**
 * The columns of each record type and how a raw record becomes a normalised row. One spec per type;
 * `columns` is also the CSV column order for files without a header (ratings in SNAP format).
 */
import {
  currencyExponent,
  parseAmountMinor,
  parseCount,
  parseCurrency,
  parseEnum,
  parseNumberInRange,
  parseText,
  parseTimeMs,
} from './field-parsers.js';
import type { FieldReader } from './field-reader.js';
import { identifierKey, normaliseIdentifier } from './identifiers.js';
import {
  ENTITY_KINDS,
  IDENTIFIER_TYPES,
  LOAN_STATUSES,
  OWNERSHIP_ROLES,
  type RecordType,
  type RowByType,
} from './record-types.js';

export interface RecordSpec<T extends RecordType> {
  readonly type: T;
  /** Every allowed column, required ones first. */
  readonly columns: readonly string[];
  /** True when a CSV file may omit the header row (columns are then positional). */
  readonly headerOptional?: boolean;
  /** Reads a row from the fields; the caller discards it when the reader recorded problems. */
  build(r: FieldReader): RowByType[T];
  /** The identity of a row: two rows with the same key describe the same fact. */
  key(row: RowByType[T]): string;
  /** Entity ids the row touches (for the after-batch hook). */
  entities(row: RowByType[T]): string[];
  /**
   * For records that belong to one entity (a loan's borrower, a flag's entity): that entity. The same
   * key for another owner is a rejected row, in the file and against the graph.
   */
  owner?(row: RowByType[T]): string;
  /** The field that names the owner (`borrower`, `entity`). */
  readonly ownerField?: string;
}

const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

const entities: RecordSpec<'entities'> = {
  type: 'entities',
  columns: ['id', 'kind', 'sector', 'region', 'openedAt'],
  build: (r) => ({
    id: r.id('id'),
    kind: r.req('kind', (v) => parseEnum(v, ENTITY_KINDS)),
    sector: r.opt('sector', (v) => parseText(v)),
    region: r.opt('region', (v) => parseText(v)),
    openedAtMs: r.opt('openedAt', parseTimeMs),
  }),
  key: (row) => row.id,
  entities: (row) => [row.id],
};

/** The `amount` (a decimal in `currency`, > 0) of a payment or loan, in integer minor units. */
function readPositiveAmount(r: FieldReader): { currency: string; amountMinor: number } {
  const currency = r.req('currency', parseCurrency);
  const amountMinor = r.req('amount', (v) => parseAmountMinor(v, currency ?? 'XXX'));
  if (amountMinor === 0) r.fail('amount', 'must be greater than 0');
  return { currency, amountMinor };
}

const payments: RecordSpec<'payments'> = {
  type: 'payments',
  columns: ['id', 'payer', 'payee', 'amount', 'currency', 'at', 'channel'],
  build: (r) => {
    const { currency, amountMinor } = readPositiveAmount(r);
    const row = {
      id: r.id('id'),
      payer: r.id('payer'),
      payee: r.id('payee'),
      amountMinor,
      amount: major(amountMinor, currency),
      currency,
      scale: 10 ** currencyExponent(currency ?? 'XXX'),
      atMs: r.req('at', parseTimeMs),
      channel: r.opt('channel', (v) => parseText(v)),
    };
    if (row.payer !== undefined && row.payer === row.payee) r.fail('payee', 'is the same entity as payer');
    return row;
  },
  key: (row) => row.id,
  entities: (row) => [row.payer, row.payee],
};

const supplies: RecordSpec<'supplies'> = {
  type: 'supplies',
  columns: ['supplier', 'buyer', 'since', 'volume', 'currency', 'invoices'],
  build: (r) => {
    const currency = r.opt('currency', parseCurrency);
    const volumeMinor = r.opt('volume', (v) => parseAmountMinor(v, currency ?? 'XXX'));
    if (volumeMinor !== null && currency === null) r.fail('currency', 'is required when volume is given');
    const row = {
      supplier: r.id('supplier'),
      buyer: r.id('buyer'),
      sinceMs: r.req('since', parseTimeMs),
      volumeMinor,
      volume: volumeMinor === null || currency === null ? null : major(volumeMinor, currency),
      currency,
      invoices: r.opt('invoices', parseCount),
    };
    if (row.supplier !== undefined && row.supplier === row.buyer)
      r.fail('buyer', 'is the same entity as supplier');
    return row;
  },
  key: (row) => `${row.supplier}\u0000${row.buyer}`,
  entities: (row) => [row.supplier, row.buyer],
};

const loans: RecordSpec<'loans'> = {
  type: 'loans',
  columns: ['id', 'borrower', 'amount', 'currency', 'openedAt', 'dueAt', 'status', 'closedAt', 'lender', 'disbursedAt'],
  build: (r) => {
    const { currency, amountMinor } = readPositiveAmount(r);
    const row = {
      id: r.id('id'),
      borrower: r.id('borrower'),
      amountMinor,
      amount: major(amountMinor, currency),
      currency,
      openedAtMs: r.req('openedAt', parseTimeMs),
      dueAtMs: r.req('dueAt', parseTimeMs),
      status: r.req('status', (v) => parseEnum(v, LOAN_STATUSES)),
      closedAtMs: r.opt('closedAt', parseTimeMs),
      lender: r.opt('lender', (v) => `${r.options.idPrefix}${parseText(v)}`),
      disbursedAtMs: r.opt('disbursedAt', parseTimeMs),
    };
    if (row.dueAtMs < row.openedAtMs) r.fail('dueAt', 'is before openedAt');
    if (row.lender !== null && row.lender === row.borrower) r.fail('lender', 'is the same entity as borrower');
    if (row.disbursedAtMs !== null && row.disbursedAtMs < row.openedAtMs) r.fail('disbursedAt', 'is before openedAt');
    return row;
  },
  key: (row) => row.id,
  entities: (row) => (row.lender === null ? [row.borrower] : [row.borrower, row.lender]),
  owner: (row) => row.borrower,
  ownerField: 'borrower',
};

const flags: RecordSpec<'flags'> = {
  type: 'flags',
  columns: ['id', 'entity', 'reason', 'at', 'source'],
  build: (r) => ({
    id: r.id('id'),
    entity: r.id('entity'),
    reason: r.req('reason', (v) => parseText(v, 500, true)),
    atMs: r.req('at', parseTimeMs),
    source: r.req('source', (v) => parseText(v)),
  }),
  key: (row) => row.id,
  entities: (row) => [row.entity],
  owner: (row) => row.entity,
  ownerField: 'entity',
};

const identifiers: RecordSpec<'identifiers'> = {
  type: 'identifiers',
  columns: ['entity', 'type', 'value'],
  build: (r) => {
    const type = r.req('type', (v) => parseEnum(v, IDENTIFIER_TYPES));
    const value = r.req('value', (v) => (type === undefined ? parseText(v, 500) : normaliseIdentifier(type, v)));
    const entity = r.id('entity');
    if (type === undefined || value === undefined) return { entity, type, key: '' };
    const secret = r.options.identifierHmacKey;
    if (!secret) throw new Error('reading identifiers needs identifierHmacKey (IDENTIFIER_HMAC_KEY)');
    return { entity, type, key: identifierKey(type, value, secret, r.options.idPrefix) };
  },
  key: (row) => `${row.entity}\u0000${row.key}`,
  entities: (row) => [row.entity],
};

const ownerships: RecordSpec<'ownerships'> = {
  type: 'ownerships',
  columns: ['person', 'business', 'role', 'since'],
  build: (r) => ({
    person: r.id('person'),
    business: r.id('business'),
    role: r.req('role', (v) => parseEnum(v, OWNERSHIP_ROLES)),
    sinceMs: r.opt('since', parseTimeMs),
  }),
  key: (row) => `${row.person}\u0000${row.business}\u0000${row.role}`,
  entities: (row) => [row.person, row.business],
};

const ratings: RecordSpec<'ratings'> = {
  type: 'ratings',
  columns: ['source', 'target', 'rating', 'time'],
  headerOptional: true,
  build: (r) => {
    const row = {
      id: '',
      source: r.id('source'),
      target: r.id('target'),
      rating: r.req('rating', (v) => parseNumberInRange(v, -10, 10)),
      atMs: r.req('time', parseTimeMs),
    };
    row.id = `${row.source}:${row.target}:${row.atMs}`;
    if (row.source !== undefined && row.source === row.target)
      r.fail('target', 'is the same entity as source');
    return row;
  },
  key: (row) => row.id,
  entities: (row) => [row.source, row.target],
};

/** The spec of every record type. */
export const RECORD_SPECS: { readonly [T in RecordType]: RecordSpec<T> } = {
  entities,
  payments,
  supplies,
  loans,
  flags,
  identifiers,
  ownerships,
  ratings,
};
