/** train → model file → validate report, on a labelled population in the real Neo4j. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteByPrefix } from '../../src/db/ingest-stats-repository.js';
import { loanOutcomes } from '../../src/scoring/train/loan-outcomes.js';
import { readOfflineSnapshot } from '../../src/use-cases/offline-features.js';
import { expertModel } from '../../src/scoring/expert-model.js';
import { allCharacteristics } from '../../src/scoring/model.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { readModelFile } from '../../src/use-cases/score-model.js';
import { ModelNotReleasedError, trainModel } from '../../src/use-cases/score-train.js';
import { validateModel } from '../../src/use-cases/score-validate.js';
import { openTestRuntime, uniquePrefix } from '../helpers/runtime.js';
import { loadTrainingFixture, TRAINING_AS_OF } from '../helpers/score-training-fixture.js';

describe('score model lifecycle (train, validate)', () => {
  let rt: Runtime;
  const p = uniquePrefix('score-train');
  const dir = mkdtempSync(join(tmpdir(), 'creditgraph-models-'));
  before(async () => {
    rt = await openTestRuntime();
    await loadTrainingFixture(rt.db, p);
  });
  after(async () => {
    await deleteByPrefix(rt.db, p);
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('labels borrowers by defaults within the horizon after the observation date', async () => {
    const snapshot = await readOfflineSnapshot(rt.db, p);
    const label = (asOfMs: number) =>
      loanOutcomes(snapshot.facts, asOfMs, 365 * 86_400_000).map((o) => ({ id: snapshot.ids[o.entity]!, bad: o.bad }));
    const outcomes = label(TRAINING_AS_OF);
    assert.equal(outcomes.filter((o) => o.id.startsWith(`${p}b`)).length, 160);
    assert.ok(outcomes.some((o) => o.bad) && outcomes.some((o) => !o.bad));
    const before = label(Date.UTC(2025, 0, 1));
    const mine = before.filter((o) => o.id.startsWith(`${p}b`));
    const defaulted = outcomes.filter((o) => o.id.startsWith(`${p}b`) && o.bad).length;
    assert.equal(mine.length, 160 - defaulted, 'defaults before the date are left out');
    assert.ok(
      mine.every((o) => !o.bad),
      'none defaults after the date',
    );
  });

  it('trains a versioned model file that discriminates, and validates it against the expert model', async () => {
    const request = {
      prefix: p,
      source: { kind: 'loans', asOfMs: TRAINING_AS_OF, horizonDays: 365 },
      target: 'credit',
      now: new Date('2025-02-03T04:05:06Z'),
      out: join(dir, 'm.json'),
      folds: 5,
      seed: 42,
      bootstrap: 200,
      force: false,
    } as const;
    // every signal of this fixture is one coin (80% agreement with the outcome): no model can beat the best of them
    await assert.rejects(trainModel(rt.db, rt.config, request), (e: unknown) => {
      assert.ok(e instanceof ModelNotReleasedError);
      assert.match(e.message, /does not beat its best single signal, \w+ \(AUC 0\.\d{3}\)/);
      return true;
    });
    assert.ok(!existsSync(join(dir, 'm.json')), 'a refused model is not written');
    const { model, path } = await trainModel(rt.db, rt.config, { ...request, force: true });
    assert.equal(model.training?.crossValidation?.beatsBestSignal, false);
    assert.equal(model.version, 'model-20250203T040506');
    assert.deepEqual(readModelFile(path), model);
    const features = model.characteristics.map((c) => c.feature);
    assert.ok(
      features.includes('concentration') || features.includes('reportedNegativeShare'),
      features.join(','),
    );
    assert.ok(
      !features.includes('loansDefaulted'),
      'the outcome itself is not a feature (defaults are after the date)',
    );

    const v = await validateModel(rt.db, rt.config, {
      prefix: p,
      source: { kind: 'loans', asOfMs: TRAINING_AS_OF, horizonDays: 365 },
      model,
      previous: expertModel(),
      outDir: dir,
      now: new Date(),
      folds: 5,
      seed: 42,
      bootstrap: 200,
    });
    assert.ok(v.report.auc > 0.7, `AUC ${v.report.auc}`);
    assert.ok(v.report.ks > 0.3);
    assert.ok(v.report.psi !== null && v.report.psi >= 0);
    assert.equal(v.report.calibration.length, 10);
    assert.deepEqual(Object.keys(v.report.fairness), ['region', 'sector']);
    assert.ok(existsSync(v.htmlPath));
    const html = readFileSync(v.htmlPath, 'utf8');
    assert.equal((html.match(/<svg /g) ?? []).length, 3);
    assert.equal(JSON.parse(readFileSync(v.jsonPath, 'utf8')).modelVersion, model.version);
    const committee = v.report.committee!;
    assert.equal(committee.crossValidated.k, 5);
    assert.ok(committee.crossValidated.auc > 0.6, `cross-validated AUC ${committee.crossValidated.auc}`);
    assert.equal(committee.builtIn.version, expertModel().version);
    assert.ok(committee.monotonicity.every((m) => m.ok), JSON.stringify(committee.monotonicity));
    assert.deepEqual(
      committee.monotonicity.map((m) => m.feature),
      allCharacteristics(model).map((c) => c.feature),
    );
    assert.equal(committee.informationValues.find((f) => f.feature === 'loansRepaid')?.dropped, 'constant');
    assert.match(html, /For the credit committee/);
  });
});
