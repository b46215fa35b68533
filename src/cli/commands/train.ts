/** `creditgraph train` (fit a scorecard from loan outcomes) and `creditgraph validate` (write the validation report). */
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { openRuntime } from '../../runtime/runtime.js';
import { modelFrom } from '../../use-cases/score-model.js';
import { trainModel } from '../../use-cases/score-train.js';
import { validateModel } from '../../use-cases/score-validate.js';

interface SampleOptions {
  asOf: string;
  horizonDays: number;
  idPrefix: string;
}

function sampleOf(program: Command, o: SampleOptions) {
  const asOfMs = Date.parse(o.asOf);
  if (!Number.isFinite(asOfMs)) program.error(`--as-of must be an ISO-8601 date, got "${o.asOf}"`);
  return { asOfMs, horizonDays: o.horizonDays, prefix: o.idPrefix };
}

function withSampleOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      '--as-of <iso>',
      'observation date: features use facts before it; outcomes are the defaults within the horizon after it',
    )
    .option('--horizon-days <n>', 'outcome window after the observation date (days)', Number, 365)
    .option('--id-prefix <prefix>', 'only entities whose id starts with this', '');
}

export function registerTrain(program: Command): void {
  withSampleOptions(
    program
      .command('train')
      .description(
        'fit monotone bins and a logistic regression on WoE from loan outcomes; writes a versioned model file',
      ),
  )
    .option('--out <file>', 'model file (default MODELS_DIR/<version>.json)')
    .option('--min-iv <x>', 'leave out features with a lower information value', Number)
    .action(async (o: SampleOptions & { out?: string; minIv?: number }) => {
      const config = configFromEnvironment();
      const rt = await openRuntime(config);
      try {
        const { model, path } = await trainModel(rt.db, config, {
          ...sampleOf(program, o),
          now: new Date(),
          out: o.out,
          minIv: o.minIv,
        });
        const t = model.training!;
        console.log(
          `trained ${model.version} on ${t.rows} borrowers (${t.bads} bad); ${model.characteristics.length} features: ${model.characteristics.map((c) => c.feature).join(', ')}`,
        );
        console.log(`wrote ${path}; serve it with MODEL_FILE=${path}`);
      } finally {
        await rt.close();
      }
    });

  withSampleOptions(
    program
      .command('validate')
      .description(
        'validation report (HTML with SVG charts + JSON): AUC, Gini, KS, Brier, calibration, PSI, fairness',
      ),
  )
    .option('--model <file>', 'model to validate (default MODEL_FILE, or the expert model)')
    .option('--previous <file>', 'previous model for PSI ("expert" for the built-in model)', 'expert')
    .option('--out-dir <dir>', 'where to write the report', '.local/reports')
    .action(async (o: SampleOptions & { model?: string; previous: string; outDir: string }) => {
      const config = configFromEnvironment();
      const rt = await openRuntime(config);
      try {
        const model = modelFrom(o.model ?? config.scoring.modelFile);
        const { report, htmlPath, jsonPath } = await validateModel(rt.db, config, {
          ...sampleOf(program, o),
          model,
          previous: modelFrom(o.previous),
          outDir: o.outDir,
          now: new Date(),
        });
        const f = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));
        console.log(
          `${report.modelVersion}: ${report.counts.rows} borrowers (${report.counts.bads} bad) AUC ${f(report.auc)} (${f(report.aucCi95.low)}–${f(report.aucCi95.high)}) Gini ${f(report.gini)} KS ${f(report.ks)} Brier ${f(report.brier)} PSI ${f(report.psi)}`,
        );
        const flagged = Object.values(report.fairness)
          .flat()
          .filter((g) => g.flagged)
          .map((g) => g.group);
        if (flagged.length)
          console.log(`fairness review: approval ratio under 0.8 for ${flagged.join(', ')}`);
        console.log(`wrote ${htmlPath} and ${jsonPath}`);
      } finally {
        await rt.close();
      }
    });
}
