import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../../../../src/ingest/generator/generate-network.js';
import { defaultProbability, generateLoans } from '../../../../src/ingest/generator/facts.js';
import { createCounterpartyStats, generatePayments } from '../../../../src/ingest/generator/payments.js';
import { buildPopulation } from '../../../../src/ingest/generator/population.js';

const digest = (dir: string, files: readonly { path: string }[]) =>
  files
    .map(
      (f) => `${f.path.slice(dir.length)}:${createHash('sha256').update(readFileSync(f.path)).digest('hex')}`,
    )
    .join('\n');

describe('generateNetwork', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'cg-gen-'));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is deterministic for a seed and differs between seeds', async () => {
    const opts = { size: 's' as const, entities: 300, payments: 2000 };
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const ra = await generateNetwork({ ...opts, seed: 5, outDir: a });
    const rb = await generateNetwork({ ...opts, seed: 5, outDir: b });
    const rc = await generateNetwork({ ...opts, seed: 6, outDir: c });
    assert.equal(digest(a, ra.files), digest(b, rb.files));
    assert.notEqual(digest(a, ra.files), digest(c, rc.files));
    assert.deepEqual(
      ra.files.map((f) => f.type),
      ['entities', 'identifiers', 'ownerships', 'supplies', 'payments', 'loans', 'flags'],
    );
  });

  it('shifts the whole timeline to the given end, keeping the structure (same seed + same end: same bytes)', async () => {
    const opts = { size: 's' as const, seed: 3, entities: 300, payments: 2000 };
    const endMs = Date.UTC(2026, 4, 17);
    const shift = endMs - Date.UTC(2025, 0, 1);
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const base = await generateNetwork({ ...opts, outDir: a });
    const moved = await generateNetwork({ ...opts, outDir: b, endMs });
    const again = await generateNetwork({ ...opts, outDir: c, endMs });
    assert.equal(digest(b, moved.files), digest(c, again.files));
    const isTime = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v);
    let times = 0;
    let latest = 0;
    for (const [k, file] of base.files.entries()) {
      const before = readFileSync(file.path, 'utf8').split('\n');
      const after = readFileSync(moved.files[k]?.path ?? '', 'utf8').split('\n');
      assert.equal(after.length, before.length, file.type);
      before.forEach((line, i) => {
        const x = line.split(',');
        const y = (after[i] ?? '').split(',');
        assert.equal(y.length, x.length);
        x.forEach((v, j) => {
          const w = y[j] ?? '';
          if (!isTime(v)) return assert.equal(w, v, `${file.type} line ${i + 1}`);
          assert.equal(Date.parse(w) - Date.parse(v), shift, `${file.type} line ${i + 1}: ${v} → ${w}`);
          times += 1;
          if (file.type === 'payments') latest = Math.max(latest, Date.parse(w));
        });
      });
    }
    assert.ok(times > 2000, `${times} times compared`);
    assert.ok(
      latest <= endMs && latest > endMs - 30 * 86_400_000,
      'the last payments are just before the end',
    );
  });

  it('writes the requested counts, prefixed ids and both kinds of entity', async () => {
    const dir = tempDir();
    const r = await generateNetwork({
      size: 's',
      seed: 1,
      outDir: dir,
      idPrefix: 'zz-',
      entities: 500,
      payments: 3000,
    });
    const rows = Object.fromEntries(r.files.map((f) => [f.type, f.rows]));
    assert.equal(rows.entities, 500);
    assert.equal(rows.payments, 3000);
    const entities = readFileSync(join(dir, 'entities.csv'), 'utf8').trim().split('\n').slice(1);
    assert.ok(entities.every((l) => l.startsWith('zz-E')));
    assert.ok(entities.some((l) => l.includes(',business,')) && entities.some((l) => l.includes(',person,')));
  });
});

describe('synthetic network structure', () => {
  const n = 4000;
  const p = buildPopulation(n, 11);
  const stats = createCounterpartyStats(n);
  const degree = new Uint32Array(n);
  for (const pay of generatePayments(p, 40000, 11, stats)) {
    degree[pay.payer]!++;
    degree[pay.payee]!++;
  }

  it('has heavy-tailed payment degrees', () => {
    const sorted = [...degree].sort((a, b) => a - b);
    const median = sorted[Math.floor(n / 2)] as number;
    const max = sorted[n - 1] as number;
    assert.ok(max > 20 * median, `max degree ${max} vs median ${median}`);
  });

  it('has fraud rings whose members are all bad', () => {
    assert.ok(p.rings.length >= 2);
    for (const ring of p.rings) assert.ok(ring.every((i) => p.bad[i] === 1));
  });

  it('defaults more often where counterparties are bad', () => {
    assert.ok(defaultProbability(0.3, 0.05, false) > defaultProbability(0.02, 0.05, false));
    assert.ok(defaultProbability(0.02, 0.25, false) > defaultProbability(0.02, 0.02, false));
    const loans = [...generateLoans(p, stats, 11)];
    const share = (i: number) =>
      (stats.badCounterparties[i] as number) / Math.max(1, stats.counterparties[i] as number);
    const shares = loans.map((l) => share(l.borrower)).sort((a, b) => a - b);
    const cut = shares[Math.floor(shares.length / 2)] as number;
    const rate = (sel: (s: number) => boolean) => {
      const group = loans.filter((l) => sel(share(l.borrower)));
      return group.filter((l) => l.status === 'defaulted').length / group.length;
    };
    const high = rate((s) => s > cut);
    const low = rate((s) => s <= cut);
    assert.ok(high > low * 1.5, `default rate ${high.toFixed(3)} (bad counterparties) vs ${low.toFixed(3)}`);
  });
});
