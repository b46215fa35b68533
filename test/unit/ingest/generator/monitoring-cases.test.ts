/**
 * The generator's planted monitoring cases, end to end without a database: generate an s network, read
 * its CSV files into Facts, monitor every open loan, and find exactly the planted alerts with their paths.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactsBuilder } from '../../../../src/analytics/facts-builder.js';
import type { LOAN_STATUS } from '../../../../src/analytics/facts.js';
import { generateNetwork } from '../../../../src/ingest/generator/generate-network.js';
import { excludedFromPlanting, planMonitoringCases, PLANTED_SETS } from '../../../../src/ingest/generator/monitoring-cases.js';
import { buildPopulation } from '../../../../src/ingest/generator/population.js';
import { monitorLoans } from '../../../../src/monitoring/monitor-loans.js';

/** Rows of a generated CSV file keyed by its header (the generator writes no quoted fields). */
function readCsv(dir: string, type: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(dir, `${type}.csv`), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

const minor = (amount: string) => Math.round(Number(amount) * 100);
const time = (v: string | undefined) => (v ? Date.parse(v) : null);

describe('generator: planted post-loan monitoring cases', function () {
  this.timeout(60000);
  const seed = 42;
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-planted-'));
    await generateNetwork({ size: 's', seed, outDir: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('raises exactly the planted alerts, on the planted paths, and nothing on the clean loans', () => {
    const f = new FactsBuilder();
    for (const e of readCsv(dir, 'entities')) f.entity(e.id!, e.kind!, time(e.openedAt));
    for (const p of readCsv(dir, 'payments')) f.payment(f.indexOf(p.payer!), f.indexOf(p.payee!), Date.parse(p.at!), minor(p.amount!), p.currency!);
    for (const s of readCsv(dir, 'supplies')) f.supply(s.supplier!, s.buyer!, time(s.since), null);
    for (const o of readCsv(dir, 'ownerships')) f.ownership(o.person!, o.business!, time(o.since));
    for (const x of readCsv(dir, 'flags')) f.flagged(x.entity!, Date.parse(x.at!), x.reason!);
    for (const l of readCsv(dir, 'loans')) {
      f.loan({
        id: l.id!,
        borrower: l.borrower!,
        lender: l.lender || null,
        amountMinor: minor(l.amount!),
        currency: l.currency!,
        openedAtMs: Date.parse(l.openedAt!),
        dueAtMs: Date.parse(l.dueAt!),
        closedAtMs: time(l.closedAt),
        disbursedAtMs: time(l.disbursedAt),
        status: l.status as keyof typeof LOAN_STATUS,
      });
    }
    const users = new Map<string, number[]>();
    for (const r of readCsv(dir, 'identifiers')) users.set(`${r.type}:${r.value}`, [...(users.get(`${r.type}:${r.value}`) ?? []), f.indexOf(r.entity!)]);
    const identifierGroups = [...users.values()].filter((g) => g.length >= 2 && g.length <= 50);
    const input = { ids: f.ids, facts: f.finish(), asOfMs: Date.UTC(2025, 0, 2), identifierGroups, community: null };

    const found = monitorLoans(input).loans.flatMap((m) => m.alerts.map((a) => `${m.loanId} ${a.code} ${a.path.map((v) => input.ids[v]).join('>')}`));

    const p = buildPopulation(2000, seed);
    const plan = planMonitoringCases(p, excludedFromPlanting(p, seed), seed, PLANTED_SETS.s);
    const loans = readCsv(dir, 'loans');
    const first = loans.length - plan.loans.length;
    const id = (i: number) => `E${String(i).padStart(4, '0')}`;
    const expected = plan.loans.flatMap((l, k) =>
      l.plants === 'clean' || l.plants === 'older' ? [] : [`${loans[first + k]!.id} ${l.plants} ${l.path.map(id).join('>')}`],
    );
    assert.equal(expected.length, 4 * PLANTED_SETS.s, 'four alerting cases per set');
    assert.deepEqual(found.sort(), expected.sort());
  });
});
