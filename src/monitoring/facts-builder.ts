/**
 * Builds `Facts` (typed arrays, CSR-indexed per entity) from plain lists of facts whose entities are
 * dense indices. Used where facts arrive as rows rather than as a whole snapshot: the monitoring of
 * the loans one ingest load touched (a local neighbourhood read from Neo4j) and hand-built unit tests.
 * Ties in time keep the order of the input lists (stable sorts), so the same lists give the same Facts.
 */
import { ENTITY_KIND, LOAN_STATUS, type Facts, type LoanStatusCode } from '../analytics/facts.js';

export interface PaymentFact {
  readonly payer: number;
  readonly payee: number;
  /** Epoch ms. */
  readonly at: number;
  /** Minor units. */
  readonly amount: number;
  readonly currency: string;
}

export interface LoanFact {
  readonly id: string;
  readonly borrower: number;
  /** Lending entity index, or −1 / undefined when the record names none. */
  readonly lender?: number;
  readonly amount: number;
  readonly currency: string;
  readonly openedAt: number;
  readonly dueAt: number;
  readonly closedAt?: number;
  readonly disbursedAt?: number;
  readonly status: keyof typeof LOAN_STATUS;
}

export interface FactLists {
  /** Number of entities (indices 0 … n − 1). */
  readonly n: number;
  /** Entity kind codes (ENTITY_KIND) by index; unknown when absent. */
  readonly kind?: ArrayLike<number>;
  readonly openedAt?: ArrayLike<number>;
  readonly payments?: readonly PaymentFact[];
  readonly ratings?: readonly { rater: number; ratee: number; rating: number; at: number }[];
  readonly loans?: readonly LoanFact[];
  readonly flags?: readonly { entity: number; at: number; reason: string }[];
  readonly ownerships?: readonly { person: number; business: number; since?: number }[];
}

/** Stable order of `rows` by (key(row), time(row)). */
function orderBy<T>(rows: readonly T[], key: (r: T) => number, time: (r: T) => number): number[] {
  return rows.map((_, i) => i).sort((a, b) => key(rows[a]!) - key(rows[b]!) || time(rows[a]!) - time(rows[b]!) || a - b);
}

/** offsets[v] = first position whose key is ≥ v (length n + 1), for positions sorted by key. */
function offsetsOf(n: number, keys: ArrayLike<number>): Uint32Array {
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < keys.length; i++) offsets[keys[i]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  return offsets;
}

/** Interns strings into a list, returning each one's index. */
function interner(): { list: string[]; index(s: string): number } {
  const list: string[] = [];
  const map = new Map<string, number>();
  return {
    list,
    index(s) {
      let i = map.get(s);
      if (i === undefined) {
        i = list.length;
        map.set(s, i);
        list.push(s);
      }
      return i;
    },
  };
}

function checkIndex(n: number, v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`${what}: entity index ${v} is outside 0..${n - 1}`);
  return v;
}

export function buildFacts(lists: FactLists): Facts {
  const n = lists.n;
  const currencies = interner();
  const reasons = interner();
  const kind = new Uint8Array(n).fill(ENTITY_KIND.unknown);
  const openedAt = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) {
    if (lists.kind) kind[v] = lists.kind[v] ?? ENTITY_KIND.unknown;
    if (lists.openedAt) openedAt[v] = lists.openedAt[v] ?? NaN;
  }
  return {
    kind,
    openedAt,
    payments: buildPayments(n, lists.payments ?? [], currencies.index),
    ratings: buildRatings(n, lists.ratings ?? []),
    loans: buildLoans(n, lists.loans ?? [], currencies.index),
    flags: buildFlags(n, lists.flags ?? [], reasons.index),
    ownerships: buildOwnerships(n, lists.ownerships ?? []),
    currencies: currencies.list,
    reasons: reasons.list,
  };
}

function buildPayments(n: number, rows: readonly PaymentFact[], currency: (c: string) => number): Facts['payments'] {
  const order = orderBy(rows, (r) => r.payer, (r) => r.at);
  const m = rows.length;
  const payer = new Uint32Array(m);
  const payee = new Uint32Array(m);
  const at = new Float64Array(m);
  const amount = new Float64Array(m);
  const cur = new Uint16Array(m);
  order.forEach((i, k) => {
    const r = rows[i]!;
    payer[k] = checkIndex(n, r.payer, 'payment payer');
    payee[k] = checkIndex(n, r.payee, 'payment payee');
    at[k] = r.at;
    amount[k] = r.amount;
    cur[k] = currency(r.currency);
  });
  const inOrder = Uint32Array.from(
    Array.from({ length: m }, (_, k) => k).sort((a, b) => payee[a]! - payee[b]! || at[a]! - at[b]! || a - b),
  );
  const payeeOfIn = Uint32Array.from(inOrder, (k) => payee[k]!);
  return { length: m, payer, payee, at, amount, currency: cur, payerOffsets: offsetsOf(n, payer), inOrder, payeeOffsets: offsetsOf(n, payeeOfIn) };
}

function buildRatings(n: number, rows: NonNullable<FactLists['ratings']>): Facts['ratings'] {
  const order = orderBy(rows, (r) => r.rater, (r) => r.at);
  const m = rows.length;
  const rater = Uint32Array.from(order, (i) => checkIndex(n, rows[i]!.rater, 'rating rater'));
  const ratee = Uint32Array.from(order, (i) => checkIndex(n, rows[i]!.ratee, 'rating ratee'));
  const rating = Int8Array.from(order, (i) => rows[i]!.rating);
  const at = Float64Array.from(order, (i) => rows[i]!.at);
  const inOrder = Uint32Array.from(
    Array.from({ length: m }, (_, k) => k).sort((a, b) => ratee[a]! - ratee[b]! || at[a]! - at[b]! || a - b),
  );
  return { length: m, rater, ratee, rating, at, raterOffsets: offsetsOf(n, rater), inOrder, rateeOffsets: offsetsOf(n, Uint32Array.from(inOrder, (k) => ratee[k]!)) };
}

function buildLoans(n: number, rows: readonly LoanFact[], currency: (c: string) => number): Facts['loans'] {
  const order = orderBy(rows, (r) => r.borrower, (r) => r.openedAt);
  const pick = <T>(f: (r: LoanFact) => T) => order.map((i) => f(rows[i]!));
  const borrower = Uint32Array.from(pick((r) => checkIndex(n, r.borrower, `loan ${r.id} borrower`)));
  return {
    length: rows.length,
    ids: pick((r) => r.id),
    borrower,
    lender: Int32Array.from(pick((r) => (r.lender === undefined || r.lender < 0 ? -1 : checkIndex(n, r.lender, `loan ${r.id} lender`)))),
    amount: Float64Array.from(pick((r) => r.amount)),
    currency: Uint16Array.from(pick((r) => currency(r.currency))),
    openedAt: Float64Array.from(pick((r) => r.openedAt)),
    dueAt: Float64Array.from(pick((r) => r.dueAt)),
    closedAt: Float64Array.from(pick((r) => r.closedAt ?? NaN)),
    disbursedAt: Float64Array.from(pick((r) => r.disbursedAt ?? NaN)),
    status: Uint8Array.from(pick((r): LoanStatusCode => LOAN_STATUS[r.status])),
    borrowerOffsets: offsetsOf(n, borrower),
  };
}

function buildFlags(n: number, rows: NonNullable<FactLists['flags']>, reason: (r: string) => number): Facts['flags'] {
  const order = orderBy(rows, (r) => r.entity, (r) => r.at);
  const entity = Uint32Array.from(order, (i) => checkIndex(n, rows[i]!.entity, 'flag entity'));
  return {
    length: rows.length,
    entity,
    at: Float64Array.from(order, (i) => rows[i]!.at),
    reason: Uint16Array.from(order, (i) => reason(rows[i]!.reason)),
    entityOffsets: offsetsOf(n, entity),
  };
}

function buildOwnerships(n: number, rows: NonNullable<FactLists['ownerships']>): Facts['ownerships'] {
  const order = orderBy(rows, (r) => r.person, (r) => r.since ?? NaN);
  return {
    length: rows.length,
    person: Uint32Array.from(order, (i) => checkIndex(n, rows[i]!.person, 'ownership person')),
    business: Uint32Array.from(order, (i) => checkIndex(n, rows[i]!.business, 'ownership business')),
    since: Float64Array.from(order, (i) => rows[i]!.since ?? NaN),
  };
}
