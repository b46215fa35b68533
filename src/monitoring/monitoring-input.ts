/**
 * What monitoring reads, and the per-run indexes built once from it: who is bad when,
 * who shares identifiers or owners with whom, which entities lend, and supply links by entity.
 */
import type { Facts } from '../analytics/facts.js';
import { BadAt } from './bad-at.js';

/** The score of an entity as of a time, with its reasons (the seam for the scoring code). */
export interface ScoreAt {
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface MonitoringInput {
  /** Entity ids by index (GraphSnapshot.ids). */
  readonly ids: readonly string[];
  readonly facts: Facts;
  /** The run's as-of time (epoch ms): nothing later is used. */
  readonly asOfMs: number;
  /** Entities (by index) sharing one identifier (GraphSnapshot.identifierGroups). */
  readonly identifierGroups: readonly (readonly number[])[];
  /** Community of each entity in the run (Louvain), or null when there is none (community risk left out). */
  readonly community: ArrayLike<number> | null;
  /**
   * The score of an entity as of a time, when the caller can compute it (scoring code over the same
   * facts); absent: the behaviour series carries no score change.
   */
  readonly scoreAt?: (entity: number, atMs: number) => ScoreAt | null;
}

/** A CSR list: row v is items[offsets[v] .. offsets[v + 1]). */
export interface Csr {
  readonly offsets: Uint32Array;
  readonly items: Uint32Array;
}

export function csrOf(n: number, pairs: readonly (readonly [number, number])[]): Csr {
  const offsets = new Uint32Array(n + 1);
  for (const [v] of pairs) offsets[v + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const items = new Uint32Array(pairs.length);
  for (const [v, x] of pairs) items[fill[v]!++] = x;
  return { offsets, items };
}

export function rowOf(csr: Csr, v: number): Uint32Array {
  return csr.items.subarray(csr.offsets[v]!, csr.offsets[v + 1]!);
}

export interface MonitoringContext {
  readonly input: MonitoringInput;
  readonly n: number;
  /** Whether an entity is bad at a time (the project's one definition). */
  readonly bad: BadAt;
  /** Identifier groups each entity belongs to (indices into input.identifierGroups). */
  readonly groupsOf: Csr;
  /** Businesses a person owns or directs, and the people owning or directing a business. */
  readonly ownedBy: Csr;
  readonly ownersOf: Csr;
  /** Loans (indices into facts.loans) each entity lent. */
  readonly lentLoans: Csr;
  /** Supply links (indices into facts.supplies) each entity is part of, as supplier or buyer. */
  readonly supplyLinksOf: Csr;
}

export function buildContext(input: MonitoringInput): MonitoringContext {
  const n = input.ids.length;
  const { ownerships, loans, supplies } = input.facts;
  const groups: [number, number][] = [];
  input.identifierGroups.forEach((g, k) => g.forEach((v) => groups.push([v, k])));
  const owned: [number, number][] = [];
  const owners: [number, number][] = [];
  for (let i = 0; i < ownerships.length; i++) {
    owned.push([ownerships.person[i]!, ownerships.business[i]!]);
    owners.push([ownerships.business[i]!, ownerships.person[i]!]);
  }
  const lent: [number, number][] = [];
  for (let k = 0; k < loans.length; k++) if (loans.lender[k]! >= 0) lent.push([loans.lender[k]!, k]);
  const links: [number, number][] = [];
  for (let i = 0; i < supplies.length; i++) {
    links.push([supplies.supplier[i]!, i]);
    links.push([supplies.buyer[i]!, i]);
  }
  return {
    input,
    n,
    bad: new BadAt(input.facts),
    groupsOf: csrOf(n, groups),
    ownedBy: csrOf(n, owned),
    ownersOf: csrOf(n, owners),
    lentLoans: csrOf(n, lent),
    supplyLinksOf: csrOf(n, links),
  };
}

/**
 * The borrower's related parties and how each is related: entities sharing one of its identifiers,
 * its owners and directors, the businesses it owns or directs, and the businesses that share an owner
 * or director with it (the first relation found is kept).
 */
export function relatedParties(ctx: MonitoringContext, borrower: number): Map<number, string> {
  const related = new Map<number, string>();
  const add = (v: number, how: string) => {
    if (v !== borrower && !related.has(v)) related.set(v, how);
  };
  for (const g of rowOf(ctx.groupsOf, borrower)) for (const v of ctx.input.identifierGroups[g]!) add(v, 'shares an identifier with the borrower');
  for (const person of rowOf(ctx.ownersOf, borrower)) add(person, 'owner or director of the borrower');
  for (const b of rowOf(ctx.ownedBy, borrower)) add(b, 'business the borrower owns or directs');
  for (const person of rowOf(ctx.ownersOf, borrower)) for (const b of rowOf(ctx.ownedBy, person)) add(b, 'shares an owner or director with the borrower');
  return related;
}
