/**
 * Hand-built networks for the monitoring tests, written as readable lists: entity names (the ids),
 * payments as [payer, payee, time, amount], loans, flags, ratings, supply links, ownerships and shared
 * identifiers, built with the project's FactsBuilder. Times
 * are 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (UTC); amounts are minor units in USD unless a currency is given.
 */
import { FactsBuilder } from '../../src/analytics/facts-builder.js';
import type { LOAN_STATUS } from '../../src/analytics/facts.js';
import type { MonitoringInput } from '../../src/monitoring/monitoring-input.js';

export const ms = (t: string): number => Date.parse(t.length === 10 ? `${t}T00:00:00Z` : `${t}:00Z`);

export interface LoanSpec {
  readonly id: string;
  readonly borrower: string;
  readonly lender?: string;
  readonly amount: number;
  readonly opened: string;
  readonly due?: string;
  readonly closed?: string;
  readonly disbursed?: string;
  readonly status?: keyof typeof LOAN_STATUS;
  readonly currency?: string;
}

export interface NetworkSpec {
  readonly entities: readonly string[];
  readonly payments?: readonly (readonly [string, string, string, number, string?])[];
  readonly loans?: readonly LoanSpec[];
  readonly flags?: readonly (readonly [string, string])[];
  /** [supplier, buyer, since | null]. */
  readonly supplies?: readonly (readonly [string, string, string | null])[];
  /** [person, business]. */
  readonly ownerships?: readonly (readonly [string, string])[];
  /** [rater, ratee, rating −10..10, time]: outcomes counterparties reported. */
  readonly ratings?: readonly (readonly [string, string, number, string])[];
  /** Groups of entities sharing one identifier. */
  readonly identifiers?: readonly (readonly string[])[];
  /** Community of each entity by name (default: none). */
  readonly communities?: Readonly<Record<string, number>>;
  readonly asOf: string;
}

export interface TestNetwork {
  readonly input: MonitoringInput;
  readonly index: (name: string) => number;
  readonly name: (v: number) => string;
}

export function network(spec: NetworkSpec): TestNetwork {
  const names = spec.entities;
  const f = new FactsBuilder();
  for (const name of names) f.entity(name, 'business', null);
  const index = (name: string) => {
    const i = f.find(name);
    if (i === undefined) throw new Error(`unknown entity ${name}`);
    return i;
  };
  for (const [payer, payee, at, amount, currency] of spec.payments ?? []) f.payment(index(payer), index(payee), ms(at), amount, currency ?? 'USD');
  for (const l of spec.loans ?? []) {
    f.loan({
      id: l.id,
      borrower: names[index(l.borrower)]!,
      lender: l.lender === undefined ? null : names[index(l.lender)]!,
      amountMinor: l.amount,
      currency: l.currency ?? 'USD',
      openedAtMs: ms(l.opened),
      dueAtMs: ms(l.due ?? '2030-01-01'),
      closedAtMs: l.closed === undefined ? null : ms(l.closed),
      disbursedAtMs: l.disbursed === undefined ? null : ms(l.disbursed),
      status: l.status ?? 'current',
    });
  }
  for (const [entity, at] of spec.flags ?? []) f.flagged(names[index(entity)]!, ms(at), 'analyst_finding');
  for (const [person, business] of spec.ownerships ?? []) f.ownership(names[index(person)]!, names[index(business)]!, null);
  for (const [supplier, buyer, since] of spec.supplies ?? []) f.supply(names[index(supplier)]!, names[index(buyer)]!, since === null ? null : ms(since), null);
  for (const [rater, ratee, rating, at] of spec.ratings ?? []) f.rating(index(rater), index(ratee), rating, ms(at));
  const input: MonitoringInput = {
    ids: f.ids,
    facts: f.finish(),
    asOfMs: ms(spec.asOf),
    identifierGroups: (spec.identifiers ?? []).map((g) => g.map(index)),
    community: spec.communities ? names.map((n) => spec.communities![n] ?? 0) : null,
  };
  return { input, index, name: (v) => input.ids[v]! };
}
