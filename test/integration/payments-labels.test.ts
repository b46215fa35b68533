/**
 * A labelled payments-only network (entities and payments, no ratings, loans or flags) in the real Neo4j:
 * evaluate --cv and train --labels run on it, and the features without data there are dropped, not guessed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIngestBatch } from '../../src/db/ingest-repository.js';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { expertModel } from '../../src/scoring/expert-model.js';
import { seededRng } from '../../src/scoring/rng.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { evaluateLabels } from '../../src/use-cases/score-evaluate.js';
import { trainModel } from '../../src/use-cases/score-train.js';
import { runCli } from '../helpers/cli.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';

const DAY = 86_400_000;
const END = Date.UTC(2025, 0, 1);

/** 240 accounts paying each other for a year; the fraudulent third are new accounts that pass money straight on. */
async function loadPaymentsNetwork(rt: Runtime, p: string): Promise<Map<string, boolean>> {
  const rng = seededRng(21);
  const n = 240;
  const ids = Array.from({ length: n }, (_, i) => `${p}e${i}`);
  const fraud = ids.map(() => rng() < 0.33);
  await writeIngestBatch(
    rt.db,
    'entities',
    ids.map((id, i) => ({ id, kind: 'person' as const, sector: null, region: null, openedAtMs: END - (fraud[i] ? 20 + rng() * 60 : 200 + rng() * 1500) * DAY })),
  );
  const payments = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const opened = fraud[i] ? 80 : 360;
    for (let j = 0; j < 12; j++) {
      const at = END - Math.floor(rng() * opened) * DAY - 3_600_000;
      const other = ids[Math.floor(rng() * n)]!;
      if (other === ids[i]) continue;
      const amountMinor = fraud[i] ? 50_000 : 1_000 + Math.floor(rng() * 90_000);
      payments.push({ id: `${p}p${k++}`, payer: other, payee: ids[i]!, amountMinor, amount: amountMinor / 100, currency: 'EUR', scale: 100, atMs: at, channel: null });
      if (fraud[i]) payments.push({ id: `${p}p${k++}`, payer: ids[i]!, payee: ids[(i + 7) % n]!, amountMinor, amount: amountMinor / 100, currency: 'EUR', scale: 100, atMs: at + 2 * 3_600_000, channel: null });
    }
  }
  await writeIngestBatch(rt.db, 'payments', payments);
  return new Map(ids.map((id, i) => [id, !fraud[i]]));
}

describe('a labelled payments-only network (train, evaluate --cv)', function () {
  this.timeout(120_000);
  let rt: Runtime;
  let labels: Map<string, boolean>;
  const p = uniquePrefix('pay-labels');
  const dir = mkdtempSync(join(tmpdir(), 'creditgraph-pay-'));
  before(async () => {
    rt = await openTestRuntime();
    labels = await loadPaymentsNetwork(rt, p);
  });
  after(async () => {
    await deleteByPrefix(rt.db, p);
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('evaluates with cross-validation, next to the built-in model and every signal', async () => {
    const r = await evaluateLabels(rt.db, rt.config, { labels, protocol: 'none', authority: null, idPrefix: p, asOfMs: null, model: expertModel(), seed: 42, bootstrap: 100, cv: 5 });
    assert.equal(r.counts.scored, 240);
    const cv = r.crossValidated!;
    assert.equal(cv.k, 5);
    assert.ok(cv.auc > 0.85, `cross-validated AUC ${cv.auc}`);
    assert.ok(cv.ci95.low <= cv.auc && cv.auc <= cv.ci95.high);
    assert.ok(cv.beatsBestSignal, JSON.stringify(cv.bestSignal));
    for (const f of ['reportedNegativeShare', 'givenAdverseShare', 'loansDefaulted', 'flags'] as const) assert.equal(cv.featureUse[f], undefined, `${f} has no data here`);
    assert.equal(r.signals.find((s) => s.feature === 'reportedNegativeShare')?.coverage, 0);
  });

  it('prints the cross-validated AUC as creditgraph evaluate --cv K, and train names the dropped features', async () => {
    const file = join(dir, 'labels.csv');
    writeFileSync(file, [...labels].map(([id, good]) => `${id.slice(p.length)},${good ? 1 : -1}`).join('\n'));
    const ev = await runCli(['evaluate', '--labels', file, '--id-prefix', p, '--protocol', 'none', '--cv', '5', '--bootstrap', '100']);
    assert.equal(ev.code, 0, ev.stderr);
    assert.match(ev.stdout, /^AUC of the score \(5-fold cross-validated\): [01]\.\d{3} \(95% CI [01]\.\d{3}–[01]\.\d{3}\)$/m);
    assert.match(ev.stdout, /^AUC of the built-in model \(expert-1\.0\.0, not trained on these labels\): /m);
    const tr = await runCli(['train', '--labels', file, '--id-prefix', p, '--target', 'fraud', '--cv', '5', '--bootstrap', '100', '--out', join(dir, 'cli.json')]);
    assert.equal(tr.code, 0, tr.stderr);
    assert.match(tr.stdout, /^dropped \(no data on this network\): .*reportedNegativeShare \(no data\)/m);
    assert.match(tr.stdout, /serve it with FRAUD_MODEL_FILE=/);
    const bad = await runCli(['train', '--labels', file, '--id-prefix', p, '--outcome', 'loans']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--labels and --outcome exclude each other/);
  });

  it('falls to AUC 0.5 ± 0.07 with the labels shuffled (features and training see no label)', async () => {
    const rng = seededRng(5);
    const values = [...labels.values()];
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    const shuffled = new Map([...labels.keys()].map((id, i) => [id, values[i]!]));
    const r = await evaluateLabels(rt.db, rt.config, { labels: shuffled, protocol: 'none', authority: null, idPrefix: p, asOfMs: null, model: expertModel(), seed: 42, bootstrap: 100, cv: 5 });
    assert.ok(Math.abs(r.crossValidated!.auc - 0.5) <= 0.07, `shuffled-label AUC ${r.crossValidated!.auc}`);
  });

  it('trains from the labels file, dropping the features that have no data and saying why', async () => {
    const { model } = await trainModel(rt.db, rt.config, {
      prefix: p,
      source: { kind: 'labels', labels, name: 'fraud.csv', asOfMs: null, protocol: 'none', authority: null },
      target: 'fraud',
      now: new Date('2025-02-01T00:00:00Z'),
      out: join(dir, 'fraud.json'),
      folds: 5,
      seed: 42,
      bootstrap: 100,
      force: false,
    });
    assert.equal(model.target, 'fraud');
    assert.equal(model.version, 'fraud-20250201T000000');
    const dropped = model.training!.dropped!;
    assert.equal(dropped.reportedNegativeShare, 'no data');
    assert.equal(dropped.givenAdverseShare, 'no data');
    assert.equal(dropped.flags, 'constant');
    assert.equal(model.training!.outcome, 'labels fraud.csv (protocol none)');
    assert.ok(model.characteristics.length > 0);
  });
});
