/**
 * Forward tracing of one loan's money through the payment graph with first-in-first-out allocation
 * (see lot-queue.ts). The borrower's queue holds its own balance (its payments of the look-back period
 * replayed), then the disbursement; every payment out of a traced entity takes from the front of its
 * queue, and the loan money it carries moves to the payee with the path it took. Payments are read in
 * time order up to the end of the window; at one instant, an entity's incoming payments from outside
 * the trace come first, then traced entities' payments — fewer hops from the borrower first, then
 * larger amounts, then payee id — so money can pass along a chain within one instant.
 *
 * Each arrival of loan money is classified by `classify`: a code ends the money's journey there (an
 * alert target or the loan's own lender); otherwise it is followed further while it is within
 * `maxHops` and at least `minFollow`. Money that ends is kept by the recipient as its own money.
 */
import type { PaymentEvents } from '../analytics/facts.js';
import type { Path } from './lot-queue.js';
import { TimeHeap } from './time-heap.js';
import { TracedEntity } from './traced-entity.js';

export interface TraceRequest {
  readonly borrower: number;
  readonly currency: number;
  /** Epoch ms and minor units of the disbursement. */
  readonly disbursedAt: number;
  readonly amount: number;
  /** Payment events never read (the disbursement's own). */
  readonly excluded: ReadonlySet<number>;
  /** Last instant read (epoch ms, inclusive). */
  readonly windowEnd: number;
  readonly lookbackMs: number;
  readonly maxHops: number;
  /** Smallest piece of loan money followed further (minor units). */
  readonly minFollow: number;
  /** Why loan money arriving at `entity` at `hop` stops there (a code), or null to follow it. */
  readonly classify: (entity: number, hop: number, at: number) => string | null;
  /** Entity ids by index (the tie-break between payees). */
  readonly ids: readonly string[];
}

/** Loan money moved along one payment edge at one hop (summed over payments). */
export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  readonly hop: number;
  amount: number;
  readonly firstAt: number;
}

/** Loan money that ended at a classified entity, summed per (code, entity). */
export interface TerminalArrival {
  readonly code: string;
  readonly target: number;
  readonly hop: number;
  amount: number;
  /** First arrival (epoch ms). */
  readonly at: number;
  /** Path of the largest single arrival (earliest on ties) and its amount. */
  path: Path;
  largest: number;
}

export interface TraceResult {
  readonly edges: FlowEdge[];
  readonly terminals: TerminalArrival[];
  /** Loan money arriving at each hop (index 0 unused). */
  readonly byHop: number[];
  /** Loan money that arrived where it was not followed further (beyond maxHops, or a small piece). */
  stopped: number;
  /** Loan money still held at the window's end, by entity (the borrower at hop 0). */
  readonly held: { entity: number; hop: number; amount: number }[];
}

export function traceFunds(p: PaymentEvents, req: TraceRequest): TraceResult {
  return new Trace(p, req).run();
}

class Trace {
  private readonly states = new Map<number, TracedEntity>();
  private readonly processed = new Set<number>();
  private readonly heap = new TimeHeap();
  private readonly edges = new Map<number, FlowEdge>();
  private readonly terminals = new Map<string, TerminalArrival>();
  private readonly result: TraceResult;

  constructor(
    private readonly p: PaymentEvents,
    private readonly req: TraceRequest,
  ) {
    this.result = { edges: [], terminals: [], byHop: new Array<number>(req.maxHops + 1).fill(0), stopped: 0, held: [] };
  }

  run(): TraceResult {
    const { req } = this;
    const pool: number[] = [];
    const borrower = this.activate(req.borrower, 0, req.disbursedAt, pool);
    borrower.queue.put(req.amount, [req.borrower]);
    this.step(req.disbursedAt, pool, [borrower]);
    while (this.heap.size > 0) {
      const t = this.heap.peek()!;
      const touched: TracedEntity[] = [];
      const next: number[] = [];
      while (this.heap.size > 0 && this.heap.peek() === t) {
        const s = this.states.get(this.heap.pop()!)!;
        touched.push(s);
        this.gather(s, t, next, false);
      }
      this.step(t, next, touched);
    }
    return this.finish();
  }

  /** Brings an entity up to `t` (fresh from t − look-back, or from where it went dormant) and follows it. */
  private activate(v: number, hop: number, t: number, pool: number[]): TracedEntity {
    let s = this.states.get(v);
    if (!s) {
      s = new TracedEntity(v, hop, this.p, { currency: this.req.currency, excluded: this.req.excluded }, t - this.req.lookbackMs);
      this.states.set(v, s);
    }
    s.hop = Math.min(s.hop, hop);
    s.catchUpBefore(t);
    this.gather(s, t, pool, true);
    s.active = true;
    return s;
  }

  /**
   * Reads the entity's payments at instant `t`: outgoing ones not yet read go to the pool; incoming
   * ones from outside the trace are its own money. `joining`: the entity is just being brought up to
   * date, so payments at `t` already read from the other side still have to be applied to it.
   */
  private gather(s: TracedEntity, t: number, pool: number[], joining: boolean): void {
    const p = this.p;
    for (let i = s.peekIn(); i >= 0 && p.at[i] === t; i = s.peekIn()) {
      s.inPos++;
      if (this.processed.has(i)) {
        if (joining) s.queue.put(p.amount[i]!, null);
      } else if (!this.states.get(p.payer[i]!)?.active) {
        s.queue.put(p.amount[i]!, null);
        this.processed.add(i);
      }
    }
    for (let o = s.peekOut(); o >= 0 && p.at[o] === t; o = s.peekOut()) {
      s.outPos++;
      if (!this.processed.has(o)) pool.push(o);
      else if (joining) s.queue.take(p.amount[o]!);
    }
  }

  /** Pays out the pool of instant `t` in order, then re-schedules the entities touched. */
  private step(t: number, pool: number[], touched: TracedEntity[]): void {
    while (pool.length > 0) this.pay(pool.splice(this.firstOf(pool), 1)[0]!, t, pool, touched);
    for (const s of touched) {
      s.active = s.queue.tainted > 0;
      const next = s.active ? s.nextTime() : Infinity;
      if (next <= this.req.windowEnd) this.heap.push(next, s.v);
    }
  }

  /**
   * One payment out of a traced entity: takes from the front of the payer's queue; the payee keeps
   * the own-money pieces and the loan money that ends there, and follows the rest (it joins the trace
   * first, so its balance is brought up to date before this payment arrives).
   */
  private pay(e: number, t: number, pool: number[], touched: TracedEntity[]): void {
    const p = this.p;
    const payee = p.payee[e]!;
    const pieces = this.states.get(p.payer[e]!)!.queue.take(p.amount[e]!);
    const routed = pieces.map((piece) => (piece.path ? this.arrive(piece.path, payee, piece.amount, t) : null));
    let target = this.states.get(payee);
    const followedHop = Math.min(...routed.map((next) => (next ? next.length - 1 : Infinity)));
    if (!target?.active && followedHop < Infinity) {
      target = this.activate(payee, followedHop, t, pool);
      touched.push(target);
    }
    this.processed.add(e);
    if (!target?.active) return;
    const holder = target;
    holder.hop = Math.min(holder.hop, followedHop);
    pieces.forEach((piece, k) => holder.queue.put(piece.amount, routed[k] ?? null));
  }

  /** Index in `pool` of the payment to make next: fewest hops, largest amount, payee id, event. */
  private firstOf(pool: readonly number[]): number {
    const p = this.p;
    const ids = this.req.ids;
    let best = 0;
    for (let k = 1; k < pool.length; k++) {
      const a = pool[k]!;
      const b = pool[best]!;
      const ha = this.states.get(p.payer[a]!)!.hop;
      const hb = this.states.get(p.payer[b]!)!.hop;
      const order =
        ha - hb ||
        p.amount[b]! - p.amount[a]! ||
        (ids[p.payee[a]!]! < ids[p.payee[b]!]! ? -1 : ids[p.payee[a]!]! > ids[p.payee[b]!]! ? 1 : 0) ||
        a - b;
      if (order < 0) best = k;
    }
    return best;
  }

  /**
   * Loan money (a piece that travelled `path`) arrives at `to`: recorded, classified, and either ended
   * there (returns null) or followed (returns its path extended by `to`).
   */
  private arrive(path: Path, to: number, amount: number, t: number): Path | null {
    const { req, result } = this;
    const hop = path.length;
    this.addEdge(path[path.length - 1]!, to, hop, amount, t);
    result.byHop[hop]! += amount;
    const next = [...path, to];
    const code = req.classify(to, hop, t);
    if (code !== null) {
      this.addTerminal(code, to, hop, amount, t, next);
      return null;
    }
    if (hop >= req.maxHops || amount < req.minFollow) {
      result.stopped += amount;
      return null;
    }
    return next;
  }

  private addEdge(from: number, to: number, hop: number, amount: number, t: number): void {
    const key = (from * this.req.ids.length + to) * (this.req.maxHops + 1) + hop;
    const edge = this.edges.get(key);
    if (edge) edge.amount += amount;
    else this.edges.set(key, { from, to, hop, amount, firstAt: t });
  }

  private addTerminal(code: string, target: number, hop: number, amount: number, t: number, path: Path): void {
    const key = `${code}:${target}`;
    const found = this.terminals.get(key);
    if (!found) this.terminals.set(key, { code, target, hop, amount, at: t, path, largest: amount });
    else {
      found.amount += amount;
      if (amount > found.largest) {
        found.path = path;
        found.largest = amount;
      }
    }
  }

  private finish(): TraceResult {
    const r = this.result;
    r.edges.push(...this.edges.values());
    r.terminals.push(...this.terminals.values());
    for (const s of this.states.values()) if (s.queue.tainted > 0) r.held.push({ entity: s.v, hop: s.hop, amount: s.queue.tainted });
    return r;
  }
}
