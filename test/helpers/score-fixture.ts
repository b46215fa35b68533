/**
 * A small scored graph under an id prefix: `good` (steady inflow from many payers, loans repaid, positive
 * reports), `risky` (one dominant payer, a defaulted loan in 2024-06, adverse reports, pays a flagged
 * entity), `bad` (flagged), and payers `p0..p5`. Delete with deleteByPrefix.
 */
import type { Database } from '../../src/db/driver.js';
import { writeIngestBatch } from '../../src/db/ingest-repository.js';

const DAY = 86_400_000;

export async function loadScoreFixture(db: Database, p: string, nowMs = Date.now()): Promise<void> {
  const ids = ['good', 'risky', 'bad', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
  await writeIngestBatch(
    db,
    'entities',
    ids.map((id, i) => ({
      id: p + id,
      kind: 'business' as const,
      sector: i % 2 ? 'retail' : 'farming',
      region: i % 3 ? 'north' : 'south',
      openedAtMs: Date.UTC(2020, 0, 1),
    })),
  );
  const payments = [];
  for (let k = 0; k < 24; k++) {
    const at = nowMs - (k * 15 + 1) * DAY;
    payments.push(pay(`${p}pg${k}`, `${p}p${k % 6}`, `${p}good`, 200_000, at));
    payments.push(pay(`${p}pr${k}`, k % 4 ? `${p}p0` : `${p}p1`, `${p}risky`, 50_000, at));
    payments.push(pay(`${p}po${k}`, `${p}risky`, `${p}bad`, 45_000, at));
    payments.push(pay(`${p}pgo${k}`, `${p}good`, `${p}p${(k + 1) % 6}`, 60_000, at));
  }
  await writeIngestBatch(db, 'payments', payments);
  await writeIngestBatch(db, 'loans', [
    loan(`${p}L1`, `${p}good`, Date.UTC(2022, 0, 1), Date.UTC(2022, 6, 1), 'repaid', Date.UTC(2022, 5, 20)),
    loan(`${p}L2`, `${p}good`, Date.UTC(2023, 0, 1), Date.UTC(2023, 6, 1), 'repaid', Date.UTC(2023, 5, 20)),
    loan(
      `${p}L3`,
      `${p}risky`,
      Date.UTC(2023, 0, 1),
      Date.UTC(2024, 5, 1),
      'defaulted',
      Date.UTC(2024, 5, 1),
    ),
    loan(`${p}L4`, `${p}risky`, Date.UTC(2022, 0, 1), Date.UTC(2022, 6, 1), 'repaid', Date.UTC(2022, 6, 1)),
  ]);
  await writeIngestBatch(db, 'flags', [
    {
      id: `${p}F1`,
      entity: `${p}bad`,
      reason: 'confirmed fraud',
      atMs: Date.UTC(2023, 0, 1),
      source: 'analyst',
    },
  ]);
  const rating = (src: string, dst: string, r: number, at: number) => ({
    id: `${p}${src}:${dst}:${at}`,
    source: p + src,
    target: p + dst,
    rating: r,
    atMs: at,
  });
  await writeIngestBatch(db, 'ratings', [
    rating('p1', 'good', 8, nowMs - 40 * DAY),
    rating('p2', 'good', 6, nowMs - 20 * DAY),
    rating('p1', 'risky', -6, nowMs - 30 * DAY),
    rating('p2', 'risky', -4, nowMs - 25 * DAY),
  ]);
}

function pay(id: string, payer: string, payee: string, amountMinor: number, atMs: number) {
  return {
    id,
    payer,
    payee,
    amountMinor,
    amount: amountMinor / 100,
    currency: 'EUR',
    scale: 100,
    atMs,
    channel: null,
  };
}

function loan(
  id: string,
  borrower: string,
  openedAtMs: number,
  dueAtMs: number,
  status: 'repaid' | 'defaulted',
  closedAtMs: number,
) {
  return {
    id,
    borrower,
    amountMinor: 1_000_000,
    amount: 10_000,
    currency: 'EUR',
    openedAtMs,
    dueAtMs,
    status,
    closedAtMs,
    lender: null,
    disbursedAtMs: null,
  };
}
