/**
 * Builds `Facts` (typed arrays, CSR-indexed per entity) from rows as they stream out of the database
 * or from hand-written lists in tests. Entities get dense indices in order of first mention; a fact
 * naming an id not seen before adds it (kind unknown).
 */
import {
  ENTITY_KIND,
  LOAN_STATUS,
  type Facts,
  type FlagFacts,
  type LoanFacts,
  type OwnershipFacts,
  type PaymentEvents,
  type RatingEvents,
  type SupplyFacts,
} from './facts.js';
import { argsortByTime, countingSortBy, permute } from './sort-order.js';

type Numeric = Uint32Array | Uint16Array | Uint8Array | Int8Array | Int32Array | Float64Array;

/** An append-only typed column that doubles when full. */
class Column<T extends Numeric> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(64);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const u32 = () => new Column((n) => new Uint32Array(n));
const u16 = () => new Column((n) => new Uint16Array(n));
const f64 = () => new Column((n) => new Float64Array(n));

const num = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : Number(x));

export interface LoanInput {
  readonly id: string;
  readonly borrower: string;
  readonly lender?: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly openedAtMs: number;
  readonly dueAtMs: number;
  readonly closedAtMs?: number | null;
  readonly disbursedAtMs?: number | null;
  readonly status: keyof typeof LOAN_STATUS;
}

export class FactsBuilder {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly kinds = new Map<number, number>();
  private readonly opened = new Map<number, number>();
  private readonly currencyIndex = new Map<string, number>();
  private readonly reasonIndex = new Map<string, number>();
  private readonly pay = { payer: u32(), payee: u32(), at: f64(), amount: f64(), currency: u16() };
  private readonly rate = { rater: u32(), ratee: u32(), at: f64(), rating: new Column((n) => new Int8Array(n)) };
  private readonly sup = { supplier: u32(), buyer: u32(), since: f64(), volume: f64() };
  private readonly own = { person: u32(), business: u32(), since: f64() };
  private readonly flag = { entity: u32(), at: f64(), reason: u16() };
  private readonly loanRows: Array<LoanInput & { b: number; l: number; c: number }> = [];
  private readonly firstSeen = new Map<number, number>();

  /** The dense index of an id, adding it when new. */
  indexOf(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  /** The index of an id already seen, or undefined. */
  find(id: string): number | undefined {
    return this.index.get(id);
  }

  private code(map: Map<string, number>, value: string): number {
    let c = map.get(value);
    if (c === undefined) {
      c = map.size;
      map.set(value, c);
    }
    return c;
  }

  entity(id: string, kind: string | null, openedAtMs: number | null): number {
    const v = this.indexOf(id);
    this.kinds.set(v, kind === 'business' ? ENTITY_KIND.business : kind === 'person' ? ENTITY_KIND.person : ENTITY_KIND.unknown);
    if (openedAtMs !== null && Number.isFinite(openedAtMs)) this.opened.set(v, openedAtMs);
    return v;
  }

  /** Payments of one payer (parallel lists). */
  payments(payer: string, payees: readonly string[], at: readonly number[], amount: readonly number[], currency: readonly string[]): void {
    const a = this.indexOf(payer);
    for (let i = 0; i < payees.length; i++) this.payment(a, this.indexOf(payees[i]!), at[i]!, amount[i]!, currency[i]!);
  }

  payment(payer: number, payee: number, atMs: number, amountMinor: number, currency: string): void {
    this.pay.payer.push(payer);
    this.pay.payee.push(payee);
    this.pay.at.push(atMs);
    this.pay.amount.push(amountMinor);
    this.pay.currency.push(this.code(this.currencyIndex, currency));
  }

  /** Ratings given by one rater (parallel lists). */
  ratings(rater: string, ratees: readonly string[], rating: readonly number[], at: readonly number[]): void {
    const a = this.indexOf(rater);
    for (let i = 0; i < ratees.length; i++) this.rating(a, this.indexOf(ratees[i]!), rating[i]!, at[i]!);
  }

  rating(rater: number, ratee: number, rating: number, atMs: number): void {
    this.rate.rater.push(rater);
    this.rate.ratee.push(ratee);
    this.rate.rating.push(rating);
    this.rate.at.push(atMs);
  }

  supply(supplier: string, buyer: string, sinceMs: number | null, volumeMinor: number | null): void {
    this.sup.supplier.push(this.indexOf(supplier));
    this.sup.buyer.push(this.indexOf(buyer));
    this.sup.since.push(num(sinceMs));
    this.sup.volume.push(num(volumeMinor));
  }

  ownership(person: string, business: string, sinceMs: number | null): void {
    this.own.person.push(this.indexOf(person));
    this.own.business.push(this.indexOf(business));
    this.own.since.push(num(sinceMs));
  }

  flagged(entity: string, atMs: number, reason: string): void {
    this.flag.entity.push(this.indexOf(entity));
    this.flag.at.push(atMs);
    this.flag.reason.push(this.code(this.reasonIndex, reason));
  }

  /** When an entity was first active, as the source knows beyond the events given here (Facts.firstSeenAt). */
  firstActive(id: string, atMs: number): void {
    this.firstSeen.set(this.indexOf(id), atMs);
  }

  loan(input: LoanInput): void {
    const b = this.indexOf(input.borrower);
    const l = input.lender ? this.indexOf(input.lender) : -1;
    this.loanRows.push({ ...input, b, l, c: this.code(this.currencyIndex, input.currency) });
  }

  finish(): Facts {
    const n = this.ids.length;
    const kind = new Uint8Array(n);
    for (const [v, k] of this.kinds) kind[v] = k;
    const openedAt = new Float64Array(n).fill(NaN);
    for (const [v, t] of this.opened) openedAt[v] = t;
    return {
      kind,
      openedAt,
      payments: this.finishPayments(n),
      ratings: this.finishRatings(n),
      loans: this.finishLoans(n),
      flags: this.finishFlags(n),
      ownerships: this.finishOwnerships(),
      supplies: this.finishSupplies(),
      currencies: [...this.currencyIndex.keys()],
      reasons: [...this.reasonIndex.keys()],
      ...(this.firstSeen.size ? { firstSeenAt: this.firstSeenArray(n) } : {}),
    };
  }

  private firstSeenArray(n: number): Float64Array {
    const out = new Float64Array(n).fill(NaN);
    for (const [v, t] of this.firstSeen) out[v] = t;
    return out;
  }

  private finishPayments(n: number): PaymentEvents {
    const payer = this.pay.payer.finish();
    const payee = this.pay.payee.finish();
    const at = this.pay.at.finish();
    const byTime = argsortByTime(at);
    const out = countingSortBy(byTime, payer, n);
    const p = { payer: permute(payer, out.order), payee: permute(payee, out.order), at: permute(at, out.order) };
    const inn = countingSortBy(argsortByTime(p.at), p.payee, n);
    return {
      length: payer.length,
      ...p,
      amount: permute(this.pay.amount.finish(), out.order),
      currency: permute(this.pay.currency.finish(), out.order),
      payerOffsets: out.offsets,
      inOrder: inn.order,
      payeeOffsets: inn.offsets,
    };
  }

  private finishRatings(n: number): RatingEvents {
    const rater = this.rate.rater.finish();
    const ratee = this.rate.ratee.finish();
    const at = this.rate.at.finish();
    const out = countingSortBy(argsortByTime(at), rater, n);
    const r = { rater: permute(rater, out.order), ratee: permute(ratee, out.order), at: permute(at, out.order) };
    const inn = countingSortBy(argsortByTime(r.at), r.ratee, n);
    return {
      length: rater.length,
      ...r,
      rating: permute(this.rate.rating.finish(), out.order),
      raterOffsets: out.offsets,
      inOrder: inn.order,
      rateeOffsets: inn.offsets,
    };
  }

  private finishLoans(n: number): LoanFacts {
    const rows = [...this.loanRows].sort((a, b) => a.b - b.b || a.openedAtMs - b.openedAtMs || (a.id < b.id ? -1 : 1));
    const m = rows.length;
    const borrowerOffsets = new Uint32Array(n + 1);
    for (const r of rows) borrowerOffsets[r.b + 1]!++;
    for (let v = 0; v < n; v++) borrowerOffsets[v + 1]! += borrowerOffsets[v]!;
    const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
    return {
      length: m,
      ids: rows.map((r) => r.id),
      borrower: Uint32Array.from(rows, (r) => r.b),
      lender: Int32Array.from(rows, (r) => r.l),
      amount: col((r) => r.amountMinor),
      currency: Uint16Array.from(rows, (r) => r.c),
      openedAt: col((r) => r.openedAtMs),
      dueAt: col((r) => r.dueAtMs),
      closedAt: col((r) => num(r.closedAtMs)),
      disbursedAt: col((r) => num(r.disbursedAtMs)),
      status: Uint8Array.from(rows, (r) => LOAN_STATUS[r.status]),
      borrowerOffsets,
    };
  }

  private finishFlags(n: number): FlagFacts {
    const entity = this.flag.entity.finish();
    const at = this.flag.at.finish();
    const out = countingSortBy(argsortByTime(at), entity, n);
    return {
      length: entity.length,
      entity: permute(entity, out.order),
      at: permute(at, out.order),
      reason: permute(this.flag.reason.finish(), out.order),
      entityOffsets: out.offsets,
    };
  }

  private finishOwnerships(): OwnershipFacts {
    const person = this.own.person.finish();
    const order = countingSortBy(Uint32Array.from(person, (_, i) => i), person, this.ids.length).order;
    return {
      length: person.length,
      person: permute(person, order),
      business: permute(this.own.business.finish(), order),
      since: permute(this.own.since.finish(), order),
    };
  }

  private finishSupplies(): SupplyFacts {
    const supplier = this.sup.supplier.finish();
    const order = countingSortBy(Uint32Array.from(supplier, (_, i) => i), supplier, this.ids.length).order;
    return {
      length: supplier.length,
      supplier: permute(supplier, order),
      buyer: permute(this.sup.buyer.finish(), order),
      since: permute(this.sup.since.finish(), order),
      volume: permute(this.sup.volume.finish(), order),
    };
  }
}
