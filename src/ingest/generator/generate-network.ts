/**
 * `generateNetwork`: writes a synthetic network as the ingest CSV files (entities, identifiers,
 * ownerships, supplies, payments, loans, flags) into a directory, streaming so even the l size
 * (1M entities, 10M payments) needs memory only for the entity arrays. Deterministic for a seed and an
 * end: the whole timeline (payments, loans, flags, supply and ownership dates, entity opening dates)
 * ends at `endMs`, and another end gives the same network shifted in time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_SPECS } from '../record-specs.js';
import type { RecordType } from '../record-types.js';
import { CsvWriter } from './csv-writer.js';
import {
  generateFlags,
  generateIdentifiers,
  generateLoans,
  generateOwnerships,
  generateSupplies,
  type SyntheticLoan,
} from './facts.js';
import { createCounterpartyStats, generatePayments } from './payments.js';
import { excludedFromPlanting, planMonitoringCases, PLANTED_SETS, type PlantedLoan } from './monitoring-cases.js';
import { buildPopulation, type Population } from './population.js';
import { DEFAULT_END_MS, NETWORK_SIZES, type NetworkSize } from './sizes.js';

export interface GenerateOptions {
  readonly size: NetworkSize;
  readonly seed: number;
  readonly outDir: string;
  /**
   * Prepended to every id (entities, payments, loans, flags). Identifier values are written as they are
   * (a prefixed phone would not be a phone): to keep the identifiers of two networks apart, load them
   * with `ingest --id-prefix` instead, which also namespaces the identifier hashes.
   */
  readonly idPrefix?: string;
  /** Overrides the size's entity and payment counts. */
  readonly entities?: number;
  readonly payments?: number;
  /** Sets of planted post-loan monitoring cases (default by size: PLANTED_SETS; 0: none). */
  readonly plantedSets?: number;
  /** End of the simulated two-year period, epoch ms (default 2025-01-01T00:00:00Z). */
  readonly endMs?: number;
  /** Called after each file with its type and rows. */
  readonly onFile?: (type: RecordType, rows: number) => void;
}

export type GeneratedType = Exclude<RecordType, 'ratings'>;

export interface GeneratedNetwork {
  readonly dir: string;
  /** Files in load order (entities first, so payments find their entities). */
  readonly files: readonly { readonly type: GeneratedType; readonly path: string; readonly rows: number }[];
}

const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export async function generateNetwork(options: GenerateOptions): Promise<GeneratedNetwork> {
  const size = NETWORK_SIZES[options.size];
  const n = options.entities ?? size.entities;
  const paymentCount = options.payments ?? size.payments;
  const prefix = options.idPrefix ?? '';
  const width = String(n - 1).length;
  const id = (i: number) => `${prefix}E${String(i).padStart(width, '0')}`;
  const shift = (options.endMs ?? DEFAULT_END_MS) - DEFAULT_END_MS;
  if (!Number.isFinite(shift)) throw new RangeError(`endMs must be a finite epoch ms, got ${options.endMs}`);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms + shift).toISOString());
  mkdirSync(options.outDir, { recursive: true });
  const p = buildPopulation(n, options.seed);
  const stats = createCounterpartyStats(n);
  const sets = options.plantedSets ?? PLANTED_SETS[options.size];
  const plan = planMonitoringCases(p, sets > 0 ? excludedFromPlanting(p, options.seed) : NOTHING_EXCLUDED, options.seed, sets);
  const files: { type: GeneratedType; path: string; rows: number }[] = [];
  const write = async <T>(
    type: GeneratedType,
    rows: Iterable<T>,
    fields: (row: T, k: number) => (string | number | null)[],
  ) => {
    const path = join(options.outDir, `${type}.csv`);
    const writer = new CsvWriter(path, RECORD_SPECS[type].columns);
    let k = 0;
    for (const row of rows) await writer.write(fields(row, k++));
    await writer.close();
    files.push({ type, path, rows: writer.rows });
    options.onFile?.(type, writer.rows);
  };
  await write('entities', indices(n), (i) => entityFields(p, i, id(i), options.seed, iso));
  await write('identifiers', chain(generateIdentifiers(p, options.seed), plan.identifiers), (r) => [
    id(r.entity),
    r.type,
    r.value,
  ]);
  await write('ownerships', generateOwnerships(p, options.seed), (r) => [
    id(r.person),
    id(r.business),
    r.role,
    iso(r.sinceMs),
  ]);
  await write('supplies', chain(generateSupplies(p, options.seed), plan.supplies), (r) => [
    id(r.supplier),
    id(r.buyer),
    iso(r.sinceMs),
    money(r.volumeMinor),
    'USD',
    r.invoices,
  ]);
  // the planted payments count within the requested total
  const randomPayments = generatePayments(p, Math.max(0, paymentCount - plan.payments.length), options.seed, stats);
  await write('payments', chain(randomPayments, plan.payments), (r, k) => [
    `${prefix}P${k}`,
    id(r.payer),
    id(r.payee),
    money(r.amountMinor),
    'USD',
    iso(r.atMs),
    r.channel,
  ]);
  await write('loans', chain<SyntheticLoan | PlantedLoan>(generateLoans(p, stats, options.seed), plan.loans), (r, k) => [
    `${prefix}L${k}`,
    id(r.borrower),
    money(r.amountMinor),
    'USD',
    iso(r.openedAtMs),
    iso(r.dueAtMs),
    r.status,
    iso(r.closedAtMs),
    // only the planted loans name a lender (and some a disbursement time)
    'lender' in r ? id(r.lender) : null,
    'lender' in r ? iso(r.disbursedAtMs) : null,
  ]);
  await write('flags', chain(generateFlags(p, options.seed), plan.flags), (r, k) => [
    `${prefix}F${k}`,
    id(r.entity),
    r.reason,
    iso(r.atMs),
    r.source,
  ]);
  return { dir: options.outDir, files };
}

const NOTHING_EXCLUDED = { borrowers: new Set<number>(), shared: new Set<number>(), owned: new Set<number>() };

function* chain<T>(first: Iterable<T>, then: Iterable<T>): Generator<T> {
  yield* first;
  yield* then;
}

function* indices(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

const SECTORS = [
  ['mining', 'agriculture'],
  ['manufacturing', 'food-processing'],
  ['wholesale', 'logistics'],
  ['retail', 'hospitality', 'services', 'construction'],
];

function entityFields(
  p: Population,
  i: number,
  id: string,
  seed: number,
  iso: (ms: number) => string | null,
): (string | number | null)[] {
  const business = p.kind[i] === 0;
  const tierSectors = SECTORS[p.tier[i] as number] ?? [];
  // derived from index and seed (no extra random stream): stable and cheap
  const h = Math.imul(i + 1, 2654435761) ^ seed;
  const sector = business ? (tierSectors[(h >>> 3) % tierSectors.length] ?? null) : null;
  const region = `R${String((p.community[i] as number) % 12).padStart(2, '0')}`;
  const openedAtMs = Date.UTC(2005, 0, 1) + ((h >>> 5) % 6200) * 86_400_000;
  return [id, business ? 'business' : 'person', sector, region, iso(openedAtMs)];
}
