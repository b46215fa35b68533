/**
 * `creditgraph validate`: scores the borrowers with an outcome (as of a date) with a model and the previous
 * one, and writes the validation report as HTML (SVG charts) and the same figures as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { DEFAULT_LIMIT_POLICY } from '../scoring/limit.js';
import type { ScorecardModel } from '../scoring/model.js';
import { seededRng } from '../scoring/rng.js';
import { applyScorecard } from '../scoring/scorecard.js';
import { renderValidationHtml } from '../scoring/validate/render-report.js';
import { buildValidationReport, type ValidationReport } from '../scoring/validate/validation-report.js';
import { readOutcomeSample, type SampleRequest } from './score-train.js';
import { projectPath } from './score-model.js';

export interface ValidateRequest extends SampleRequest {
  readonly model: ScorecardModel;
  readonly previous: ScorecardModel | null;
  readonly outDir: string;
  readonly now: Date;
}

export interface ValidateResult {
  readonly report: ValidationReport;
  readonly htmlPath: string;
  readonly jsonPath: string;
}

export async function validateModel(
  db: Database,
  config: Config,
  req: ValidateRequest,
): Promise<ValidateResult> {
  const sample = await readOutcomeSample(db, config, req);
  const rows = sample.outcomes.map((o) => {
    const r = applyScorecard(req.model, sample.features.get(o.id)!.values);
    return { score: r.score, pd: r.pd, good: !o.bad, segments: { region: o.region, sector: o.sector } };
  });
  const previousScores = req.previous
    ? sample.outcomes.map((o) => applyScorecard(req.previous!, sample.features.get(o.id)!.values).score)
    : null;
  const report = buildValidationReport(
    {
      modelVersion: req.model.version,
      previousVersion: req.previous?.version ?? null,
      asOf: new Date(req.asOfMs).toISOString(),
      generatedAt: req.now.toISOString(),
      rows,
      previousScores,
      pdCutoff: DEFAULT_LIMIT_POLICY.pdCutoff,
      segments: ['region', 'sector'],
    },
    seededRng(42),
  );
  const dir = projectPath(req.outDir);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `validation-${req.model.version}`);
  writeFileSync(`${base}.html`, renderValidationHtml(report));
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return { report, htmlPath: `${base}.html`, jsonPath: `${base}.json` };
}
