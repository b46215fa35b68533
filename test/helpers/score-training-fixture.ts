/**
 * A labelled borrower population under an id prefix for train/validate tests: `n` borrowers, each with one
 * loan opened 2024-01-01; bads (seeded, ~40%) default in 2024-09 and mostly have one dominant payer and
 * adverse reports before 2024-06-01; goods repay and have several payers. Regions north/south alternate.
 */
import type { Database } from '../../src/db/driver.js';
import { writeIngestBatch } from '../../src/db/ingest-repository.js';
import { seededRng } from '../../src/scoring/rng.js';

const DAY = 86_400_000;
export const TRAINING_AS_OF = Date.UTC(2024, 5, 1);

export async function loadTrainingFixture(db: Database, p: string, n = 160, seed = 9): Promise<void> {
  const rng = seededRng(seed);
  const payers = Array.from({ length: 8 }, (_, k) => `${p}payer${k}`);
  const entities = [...payers, ...Array.from({ length: n }, (_, i) => `${p}b${i}`)].map((id, i) => ({
    id,
    kind: 'business' as const,
    sector: i % 3 ? 'retail' : 'farming',
    region: i % 2 ? 'north' : 'south',
    openedAtMs: Date.UTC(2022, 0, 1),
  }));
  await writeIngestBatch(db, 'entities', entities);
  const payments = [];
  const loans = [];
  const ratings = [];
  for (let i = 0; i < n; i++) {
    const id = `${p}b${i}`;
    const bad = rng() < 0.4;
    const signal = rng() < 0.8 ? bad : !bad;
    const sources = signal ? 1 : 4;
    for (let k = 0; k < 8; k++) {
      const at = TRAINING_AS_OF - (10 + k * 40 + Math.floor(rng() * 10)) * DAY;
      payments.push({
        id: `${id}-pay${k}`,
        payer: payers[(i + k) % sources]!,
        payee: id,
        amountMinor: 100_000,
        amount: 1000,
        currency: 'EUR',
        scale: 100,
        atMs: at,
        channel: null,
      });
    }
    if (signal)
      ratings.push({
        id: `${p}r${i}`,
        source: payers[7]!,
        target: id,
        rating: -5,
        atMs: TRAINING_AS_OF - 20 * DAY,
      });
    else
      ratings.push({
        id: `${p}r${i}`,
        source: payers[6]!,
        target: id,
        rating: 5,
        atMs: TRAINING_AS_OF - 20 * DAY,
      });
    loans.push({
      id: `${id}-loan`,
      borrower: id,
      amountMinor: 500_000,
      amount: 5000,
      currency: 'EUR',
      openedAtMs: Date.UTC(2024, 0, 1),
      dueAtMs: Date.UTC(2024, 11, 1),
      status: bad ? ('defaulted' as const) : ('repaid' as const),
      closedAtMs: bad ? Date.UTC(2024, 8, 1) : Date.UTC(2024, 10, 1),
      lender: null,
      disbursedAtMs: null,
    });
  }
  await writeIngestBatch(db, 'payments', payments);
  await writeIngestBatch(db, 'loans', loans);
  await writeIngestBatch(db, 'ratings', ratings);
}
