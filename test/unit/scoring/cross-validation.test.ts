/** Cross-validation of the training procedure: folds, hygiene, shuffled labels, determinism, segments, no-data features. */
import assert from 'node:assert/strict';
import { emptyFeatureVector, type FeatureVector } from '../../../src/scoring/features.js';
import { parseModel } from '../../../src/scoring/model.js';
import { seededRng } from '../../../src/scoring/rng.js';
import { applyScorecard } from '../../../src/scoring/scorecard.js';
import { scoreEntity } from '../../../src/scoring/score-entity.js';
import { emptyEvidence } from '../../../src/scoring/features.js';
import { crossValidate } from '../../../src/scoring/train/cross-validate.js';
import { trainScorecard, type TrainingRow } from '../../../src/scoring/train/fit-scorecard.js';
import { stratifiedFolds } from '../../../src/scoring/train/folds.js';
import { fitChampion, sampleRows } from '../../../src/scoring/train/select-scorecard.js';
import { trainSegmented } from '../../../src/scoring/train/segmented.js';
import { trainChecked } from '../../../src/scoring/train/train-checked.js';

const BASE = { version: 't', createdAt: '2025-01-01T00:00:00Z', asOf: '2025-01-01T00:00:00Z' };
/** A small, fast selection grid for tests. */
const SELECTION = { folds: 3, ridges: [0.01], maxBins: [5], missing: ['woe', 'neutral'] as const };

/**
 * A payments-only sample: risk rises with concentration and falls with tenure; pagerank is noise; a
 * quarter have no activity of their own (daysSinceActivity missing) and are mostly bad; every rating and
 * loan feature is missing or zero, as on a network without ratings or loans.
 */
function sample(n: number, seed: number): TrainingRow[] {
  const rng = seededRng(seed);
  return Array.from({ length: n }, () => {
    const thin = rng() < 0.25;
    const concentration = rng();
    const tenureDays = rng() * 2000;
    const logit = thin ? 1.2 : -1 + 3 * concentration - tenureDays / 600;
    const bad = rng() < 1 / (1 + Math.exp(-logit));
    const values: FeatureVector = {
      ...emptyFeatureVector(),
      concentration: thin ? null : concentration,
      tenureDays: thin ? null : tenureDays,
      daysSinceActivity: thin ? null : rng() * 30,
      pagerankPct: rng(),
      loansDefaulted: 0,
    };
    return { values, bad };
  });
}

const rawScore = (m: ReturnType<typeof trainScorecard>, r: TrainingRow) => applyScorecard(m, r.values).rawScore;

describe('scoring/train: cross-validation', () => {
  it('deals stratified folds, the same for a seed', () => {
    const bad = Array.from({ length: 103 }, (_, i) => i % 3 === 0);
    const folds = stratifiedFolds(bad, 5, seededRng(1));
    for (let f = 0; f < 5; f++) {
      const inFold = bad.filter((_, i) => folds[i] === f);
      assert.ok(inFold.length >= 20 && inFold.length <= 21, `fold ${f} has ${inFold.length}`);
      const bads = inFold.filter(Boolean).length;
      assert.ok(bads >= 6 && bads <= 7, `fold ${f} has ${bads} bads`);
    }
    assert.deepEqual(stratifiedFolds(bad, 5, seededRng(1)), folds);
    assert.notDeepEqual(stratifiedFolds(bad, 5, seededRng(2)), folds);
    assert.throws(() => stratifiedFolds(bad, 1, seededRng(1)), RangeError);
  });

  it('fits each fold on the other folds only: bins and selection never see the held-out rows', () => {
    const rows = sample(300, 3);
    const fit = (train: readonly TrainingRow[]) => fitChampion(train, BASE, seededRng(5), SELECTION);
    const cv = crossValidate(rows, 5, seededRng(9), fit, rawScore);
    for (let f = 0; f < 5; f++) {
      const model = cv.models[f]!;
      const trainCount = rows.filter((_, i) => cv.folds[i] !== f).length;
      assert.equal(model.training!.rows, trainCount);
      // the held-out rows' values can be anything: the fold's model is the same (labels stay, as they deal the folds)
      const scrambled = rows.map((r, i) =>
        cv.folds[i] === f ? { bad: r.bad, values: { ...r.values, concentration: 1e9, tenureDays: -1e9, pagerankPct: null } } : r,
      );
      const again = crossValidate(scrambled, 5, seededRng(9), fit, rawScore);
      assert.deepEqual(again.models[f], model, `fold ${f} model changed with its held-out rows`);
    }
    assert.ok(cv.auc > 0.75, `out-of-fold AUC ${cv.auc}`);
  });

  it('falls to AUC 0.5 ± 0.07 when the labels are shuffled', () => {
    const rows = sample(400, 4);
    const rng = seededRng(11);
    const labels = rows.map((r) => r.bad);
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    }
    const shuffled = rows.map((r, i) => ({ values: r.values, bad: labels[i]! }));
    const checked = trainChecked(shuffled, BASE, { folds: 5, seed: 42, bootstrap: 50, selection: SELECTION });
    assert.ok(Math.abs(checked.summary.auc - 0.5) <= 0.07, `shuffled-label AUC ${checked.summary.auc}`);
    const real = trainChecked(rows, BASE, { folds: 5, seed: 42, bootstrap: 50, selection: SELECTION });
    assert.ok(real.summary.auc > 0.75, `real-label AUC ${real.summary.auc}`);
  });

  it('is deterministic for a seed', () => {
    const rows = sample(250, 5);
    const a = trainChecked(rows, BASE, { folds: 4, seed: 7, bootstrap: 50, selection: SELECTION });
    const b = trainChecked(rows, BASE, { folds: 4, seed: 7, bootstrap: 50, selection: SELECTION });
    assert.deepEqual(a.model, b.model);
    assert.deepEqual(a.summary, b.summary);
    assert.deepEqual(Array.from(a.crossValidation.scores), Array.from(b.crossValidation.scores));
    const c = trainChecked(rows, BASE, { folds: 4, seed: 8, bootstrap: 50, selection: SELECTION });
    assert.notDeepEqual(Array.from(c.crossValidation.folds), Array.from(a.crossValidation.folds));
  });

  it('drops the features that have no data and says why, instead of guessing them', () => {
    const model = trainScorecard(sample(300, 6), BASE);
    const dropped = model.training!.dropped!;
    assert.equal(dropped.reportedNegativeShare, 'no data');
    assert.equal(dropped.passThrough24h, 'no data');
    assert.equal(dropped.loansDefaulted, 'constant');
    for (const f of Object.keys(dropped)) assert.ok(!model.characteristics.some((c) => c.feature === f), f);
    assert.ok(model.characteristics.some((c) => c.feature === 'concentration'));
  });

  it('scores entities with no activity of their own by a segment of their own, and says so', () => {
    const rows = sample(400, 7);
    const model = parseModel(JSON.parse(JSON.stringify(trainSegmented(rows, BASE))));
    const segment = model.segments![0]!;
    assert.equal(segment.whenMissing, 'daysSinceActivity');
    assert.equal(segment.rows, rows.filter((r) => r.values.daysSinceActivity === null).length);
    const thin = rows.find((r) => r.values.daysSinceActivity === null)!;
    const active = rows.find((r) => r.values.daysSinceActivity !== null)!;
    assert.equal(applyScorecard(model, thin.values).segment?.name, segment.name);
    assert.equal(applyScorecard(model, active.values).segment, null);
    const scored = scoreEntity(model, { entityId: 'x', values: thin.values, evidence: emptyEvidence() });
    assert.equal(scored.reasons[0]?.code, 'THIN_FILE');
    // the main scorecard's bins describe active entities alone
    const tenure = model.characteristics.find((c) => c.feature === 'tenureDays');
    if (tenure) assert.equal(tenure.missing.count ?? 0, 0);
  });
});

describe('scoring/train: candidate comparison sample', () => {
  it('keeps every rare outcome and samples the others', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ values: emptyFeatureVector(), bad: i % 100 === 0 }));
    const sample = sampleRows(rows, 10_000, seededRng(3));
    assert.equal(sample.filter((r) => r.bad).length, 500);
    assert.ok(Math.abs(sample.length - 10_000) < 300, String(sample.length));
    assert.equal(sampleRows(rows.slice(0, 900), 10_000, seededRng(3)).length, 900);
  });
});
