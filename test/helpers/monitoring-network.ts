/**
 * Hand-built networks for the monitoring tests, written as readable lists: entity names, payments as
 * [payer, payee, time, amount], loans, flags, supply links, ownerships and shared identifiers. Times
 * are 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (UTC); amounts are minor units in USD unless a currency is given.
 */
import { ENTITY_KIND } from '../../src/analytics/facts.js';
import { buildFacts, type LoanFact } from '../../src/monitoring/facts-builder.js';
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
  readonly status?: LoanFact['status'];
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
  const index = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`unknown entity ${name}`);
    return i;
  };
  const facts = buildFacts({
    n: names.length,
    kind: names.map(() => ENTITY_KIND.business),
    payments: (spec.payments ?? []).map(([payer, payee, at, amount, currency]) => ({
      payer: index(payer),
      payee: index(payee),
      at: ms(at),
      amount,
      currency: currency ?? 'USD',
    })),
    loans: (spec.loans ?? []).map((l) => ({
      id: l.id,
      borrower: index(l.borrower),
      lender: l.lender === undefined ? -1 : index(l.lender),
      amount: l.amount,
      currency: l.currency ?? 'USD',
      openedAt: ms(l.opened),
      dueAt: ms(l.due ?? '2030-01-01'),
      closedAt: l.closed === undefined ? undefined : ms(l.closed),
      disbursedAt: l.disbursed === undefined ? undefined : ms(l.disbursed),
      status: l.status ?? 'current',
    })),
    flags: (spec.flags ?? []).map(([entity, at]) => ({ entity: index(entity), at: ms(at), reason: 'analyst_finding' })),
    ownerships: (spec.ownerships ?? []).map(([person, business]) => ({ person: index(person), business: index(business) })),
  });
  const supplies = spec.supplies ?? [];
  const input: MonitoringInput = {
    ids: names,
    facts,
    asOfMs: ms(spec.asOf),
    identifierGroups: (spec.identifiers ?? []).map((g) => g.map(index)),
    supplies: {
      length: supplies.length,
      supplier: Uint32Array.from(supplies, (s) => index(s[0])),
      buyer: Uint32Array.from(supplies, (s) => index(s[1])),
      since: Float64Array.from(supplies, (s) => (s[2] === null ? NaN : ms(s[2]))),
    },
    community: spec.communities ? names.map((n) => spec.communities![n] ?? 0) : null,
  };
  return { input, index, name: (v) => names[v]! };
}
