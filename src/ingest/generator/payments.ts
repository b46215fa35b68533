/**
 * Synthetic payment events: payers drawn by heavy-tailed activity; a buyer mostly pays its suppliers,
 * otherwise someone in its own community (80%) or anyone (20%); fraud rings add round-tripping cycles
 * (A→B→…→A within hours, similar amounts). Counts each entity's counterparties and bad counterparties,
 * which drive loan defaults. Pure generator over the seeded Random.
 */
import { createRandom, type Random } from './random.js';
import { sampleInCommunity, type Population } from './population.js';
import { DAY_MS, PERIOD_MS, PERIOD_START_MS } from './sizes.js';

export interface SyntheticPayment {
  readonly payer: number;
  readonly payee: number;
  /** Cents. */
  readonly amountMinor: number;
  readonly atMs: number;
  readonly channel: string;
}

/** Per-entity counterparty tallies gathered while payments are generated. */
export interface CounterpartyStats {
  readonly counterparties: Uint32Array;
  readonly badCounterparties: Uint32Array;
}

const CHANNELS = ['transfer', 'transfer', 'transfer', 'card', 'mobile', 'cash'] as const;

export function createCounterpartyStats(n: number): CounterpartyStats {
  return { counterparties: new Uint32Array(n), badCounterparties: new Uint32Array(n) };
}

function record(p: Population, stats: CounterpartyStats, payer: number, payee: number): void {
  (stats.counterparties[payer] as number)++;
  (stats.counterparties[payee] as number)++;
  if (p.bad[payee]) (stats.badCounterparties[payer] as number)++;
  if (p.bad[payer]) (stats.badCounterparties[payee] as number)++;
}

function amountFor(p: Population, payer: number, payee: number, random: Random): number {
  const business = p.kind[payer] === 0 && p.kind[payee] === 0;
  const major = business ? random.logNormal(7, 1.2) : random.logNormal(4, 1);
  return Math.max(1, Math.round(major * 100));
}

function choosePayee(p: Population, payer: number, random: Random): number {
  const from = p.supplierStart[payer] as number;
  const to = p.supplierStart[payer + 1] as number;
  if (to > from && random.chance(0.5)) return p.suppliers[from + random.int(to - from)] as number;
  if (random.chance(0.8)) {
    const local = sampleInCommunity(p, p.community[payer] as number, random);
    if (local !== null) return local;
  }
  return p.global.sample(random);
}

/** Ring cycles first, then regular payments, `total` in all. */
export function* generatePayments(
  p: Population,
  total: number,
  seed: number,
  stats: CounterpartyStats,
): Generator<SyntheticPayment> {
  const random = createRandom(seed, 'payments');
  let produced = 0;
  for (const members of p.rings) {
    const rounds = 3 + random.int(4);
    for (let r = 0; r < rounds && produced < total; r++) {
      let at = PERIOD_START_MS + random.next() * (PERIOD_MS - 30 * DAY_MS);
      const base = random.logNormal(8, 0.5);
      for (let k = 0; k < members.length && produced < total; k++) {
        const payer = members[k] as number;
        const payee = members[(k + 1) % members.length] as number;
        at += (1 + random.next() * 5) * 3_600_000;
        record(p, stats, payer, payee);
        produced++;
        yield {
          payer,
          payee,
          amountMinor: Math.round(base * (0.97 + 0.03 * random.next()) * 100),
          atMs: Math.floor(at),
          channel: 'transfer',
        };
      }
    }
  }
  while (produced < total) {
    const payer = p.global.sample(random);
    let payee = choosePayee(p, payer, random);
    while (payee === payer) payee = p.global.sample(random);
    record(p, stats, payer, payee);
    produced++;
    const atMs = PERIOD_START_MS + Math.floor(random.next() * PERIOD_MS);
    yield {
      payer,
      payee,
      amountMinor: amountFor(p, payer, payee, random),
      atMs,
      channel: random.pick(CHANNELS),
    };
  }
}
