/**
 * `creditgraph validate`: scores a labelled sample (loan outcomes, fraud flags or a labels file, as of a
 * date) with a model and the previous one, and writes the validation report as HTML (SVG charts) and the
 * same figures as JSON: discrimination, calibration, stability and fairness of the model, and for the
 * credit committee the cross-validated AUC of its training procedure on the sample, the built-in model's
 * and the best single signal's AUC, every feature's information value and a monotonicity check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { getEntitySegments } from '../db/score-repository.js';
import type { Database } from '../db/driver.js';
import { expertModel } from '../scoring/expert-model.js';
import { DEFAULT_LIMIT_POLICY } from '../scoring/limit.js';
import type { ScorecardModel } from '../scoring/model.js';
import { seededRng } from '../scoring/rng.js';
import { applyScorecard } from '../scoring/scorecard.js';
import { trainChecked } from '../scoring/train/train-checked.js';
import { informationValues, monotonicity, type CommitteeSection } from '../scoring/validate/committee.js';
import { auc, bootstrapAuc } from '../scoring/validate/metrics.js';
import { renderValidationHtml } from '../scoring/validate/render-report.js';
import { buildValidationReport, type ValidationReport } from '../scoring/validate/validation-report.js';
import { readLabelledSample, type LabelledSample, type OutcomeSource } from './labelled-sample.js';
import { projectPath } from './score-model.js';

export interface ValidateRequest {
  readonly prefix: string;
  readonly source: OutcomeSource;
  readonly model: ScorecardModel;
  readonly previous: ScorecardModel | null;
  readonly outDir: string;
  readonly now: Date;
  /** Folds of the cross-validation of the training procedure (0: leave it out). */
  readonly folds: number;
  readonly seed: number;
  readonly bootstrap: number;
}

export interface ValidateResult {
  readonly report: ValidationReport;
  readonly htmlPath: string;
  readonly jsonPath: string;
}

function committeeOf(sample: LabelledSample, req: ValidateRequest): CommitteeSection {
  const rows = sample.rows.map((r) => ({ values: r.features.values, bad: r.bad }));
  const good = rows.map((r) => !r.bad);
  const stamp = new Date(sample.asOfMs).toISOString();
  const checked = trainChecked(
    rows,
    { version: 'cv', createdAt: stamp, asOf: stamp, target: req.model.target ?? 'credit', outcome: sample.outcome },
    { folds: req.folds, seed: req.seed, bootstrap: req.bootstrap },
  );
  const builtIn = expertModel();
  const builtInScores = rows.map((r) => applyScorecard(builtIn, r.values).score);
  return {
    crossValidated: checked.summary,
    builtIn: { version: builtIn.version, auc: auc(builtInScores, good), ci95: bootstrapAuc(builtInScores, good, seededRng(req.seed), req.bootstrap) },
    informationValues: informationValues(rows, req.model),
    monotonicity: monotonicity(req.model),
  };
}

export async function validateModel(db: Database, config: Config, req: ValidateRequest): Promise<ValidateResult> {
  const sample = await readLabelledSample(db, config, req.prefix, req.source, req.seed);
  const segments = new Map((await getEntitySegments(db, sample.rows.map((r) => r.id))).map((s) => [s.id, s]));
  const rows = sample.rows.map((o) => {
    const r = applyScorecard(req.model, o.features.values);
    const seg = segments.get(o.id);
    return { score: r.score, pd: r.pd, good: !o.bad, segments: { region: seg?.region ?? null, sector: seg?.sector ?? null } };
  });
  const previousScores = req.previous ? sample.rows.map((o) => applyScorecard(req.previous!, o.features.values).score) : null;
  const report = buildValidationReport(
    {
      modelVersion: req.model.version,
      previousVersion: req.previous?.version ?? null,
      asOf: new Date(sample.asOfMs).toISOString(),
      generatedAt: req.now.toISOString(),
      rows,
      previousScores,
      pdCutoff: DEFAULT_LIMIT_POLICY.pdCutoff,
      segments: ['region', 'sector'],
      ...(req.folds >= 2 ? { committee: committeeOf(sample, req) } : {}),
    },
    seededRng(req.seed),
  );
  const dir = projectPath(req.outDir);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `validation-${req.model.version}`);
  writeFileSync(`${base}.html`, renderValidationHtml(report));
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return { report, htmlPath: `${base}.html`, jsonPath: `${base}.json` };
}
