/**
 * `creditgraph evaluate --labels FILE --protocol none|full|thin-file [--authority ID] [--id-prefix P] [--cv K]`:
 * scores the labelled entities of whatever network is loaded under the protocol's mask and prints the
 * AUC (with a bootstrap 95% interval) of the score — with --cv, of models trained on the labels, out of
 * fold — of the built-in (or given) model and of each signal alone, stating the protocol.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { configFromEnvironment } from '../../config/index.js';
import { parseLabels } from '../../scoring/evaluate/labels.js';
import { openRuntime } from '../../runtime/runtime.js';
import {
  evaluateLabels,
  PROTOCOLS,
  type EvaluateResult,
  type Protocol,
} from '../../use-cases/score-evaluate.js';
import { modelFrom, projectPath } from '../../use-cases/score-model.js';

const f3 = (x: number) => (Number.isNaN(x) ? '  –  ' : x.toFixed(3));

function crossValidatedLines(r: EvaluateResult): string[] {
  const cv = r.crossValidated;
  if (!cv) return [];
  const best = cv.bestSignal;
  const use = Object.entries(cv.featureUse)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([f, n]) => `${f} ${n}/${cv.k}`)
    .join(', ');
  const chosen = [...new Set(cv.chosen)].map((c) => `${c} (${cv.chosen.filter((x) => x === c).length}×)`).join('; ');
  return [
    `AUC of the score (${cv.k}-fold cross-validated): ${cv.auc.toFixed(3)} (95% CI ${cv.ci95.low.toFixed(3)}–${cv.ci95.high.toFixed(3)})`,
    `  each fold trained by the procedure of creditgraph train on the other folds; chosen by inner cross-validation: ${chosen}`,
    `  features in the fold models: ${use || 'none'}`,
    best
      ? `  best single signal ${best.feature} ${best.auc.toFixed(3)}: ${cv.beatsBestSignal ? 'the score beats it (within 0.01)' : 'the score does NOT beat it: train would not release this model'}`
      : '  no single signal has data',
  ];
}

export function formatEvaluation(r: EvaluateResult): string {
  const lines = [
    `protocol ${r.protocolText}`,
    `as of ${r.asOf}; model ${r.modelVersion}; labelled ${r.counts.labelled}, scored ${r.counts.scored} (${r.counts.goods} good, ${r.counts.bads} bad), not in graph ${r.counts.missing}`,
    `masked refresh (in memory, nothing written): ${r.run.entities} entities, ${r.run.edges} edges, ${r.run.hiddenRatings} ratings hidden, ${r.run.bad} bad, ${r.run.communities} communities; mask targets ${r.mask.targets}, hidden raters ${r.mask.sources}`,
    '',
    ...crossValidatedLines(r),
    r.crossValidated
      ? `AUC of the ${r.modelVersion.startsWith('expert') ? 'built-in' : 'given'} model (${r.modelVersion}, not trained on these labels): ${f3(r.score.auc)} (95% CI ${f3(r.score.ci95.low)}–${f3(r.score.ci95.high)})`
      : `AUC of the score: ${f3(r.score.auc)}  (95% CI ${f3(r.score.ci95.low)}–${f3(r.score.ci95.high)})`,
    '',
    'each signal alone (oriented by its risk direction; missing = median):',
    '  signal                  direction  coverage   AUC    95% CI',
  ];
  for (const s of [...r.signals].sort((a, b) => (b.auc || 0) - (a.auc || 0))) {
    if (s.coverage === 0) continue;
    lines.push(
      `  ${s.feature.padEnd(23)} ${s.direction.padEnd(9)}  ${(s.coverage * 100).toFixed(0).padStart(6)}%  ${f3(s.auc)}  ${f3(s.ci95.low)}–${f3(s.ci95.high)}`,
    );
  }
  return lines.join('\n');
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(
      'AUC of scores (and of each signal) against a labels file (entity,label with -1 bad, +1 good) under an honest protocol',
    )
    .requiredOption('--labels <file>', 'labels file: entity,label (-1 = bad, +1 = good)')
    .requiredOption('--protocol <protocol>', `one of ${PROTOCOLS.join(', ')}`)
    .option(
      '--authority <id>',
      'label authority (protocol full): its ratings and those of users it rated >= +5 are hidden',
    )
    .option('--id-prefix <prefix>', "prefix of the network's entity ids (as given to ingest --id-prefix)", '')
    .option('--as-of <iso>', 'scoring date (default: just after the latest rating or payment)')
    .option('--model <file>', 'model file (default: MODEL_FILE, or the built-in expert model)')
    .option('--seed <n>', 'seed of the analytics and the bootstrap', Number, 42)
    .option('--bootstrap <n>', 'bootstrap resamples', Number, 1000)
    .option('--cv <k>', 'also train on the labels by the procedure of creditgraph train and report the K-fold cross-validated AUC', Number)
    .option('--json', 'print the result as JSON')
    .action(
      async (o: {
        labels: string;
        protocol: string;
        authority?: string;
        idPrefix: string;
        asOf?: string;
        model?: string;
        seed: number;
        bootstrap: number;
        cv?: number;
        json?: boolean;
      }) => {
        if (o.cv !== undefined && !(Number.isInteger(o.cv) && o.cv >= 2))
          program.error(`evaluate: --cv must be an integer of at least 2, got ${String(o.cv)}`);
        if (!(PROTOCOLS as readonly string[]).includes(o.protocol))
          program.error(`evaluate: --protocol must be one of ${PROTOCOLS.join(', ')}`);
        const { labels, problems } = parseLabels(readFileSync(projectPath(o.labels), 'utf8'), o.idPrefix);
        if (problems.length)
          program.error(
            `evaluate: ${o.labels}: ${problems
              .slice(0, 3)
              .map((p) => `line ${p.line}: ${p.reason}`)
              .join('; ')}`,
          );
        const config = configFromEnvironment();
        const rt = await openRuntime(config);
        try {
          const result = await evaluateLabels(rt.db, config, {
            labels,
            protocol: o.protocol as Protocol,
            authority: o.authority === undefined ? null : o.idPrefix + o.authority,
            idPrefix: o.idPrefix,
            asOfMs: o.asOf ? Date.parse(o.asOf) : null,
            model: o.model ? modelFrom(o.model) : modelFrom(config.scoring.modelFile),
            seed: o.seed,
            bootstrap: o.bootstrap,
            labelsName: basename(o.labels),
            ...(o.cv === undefined ? {} : { cv: o.cv }),
          });
          console.log(o.json ? JSON.stringify(result, null, 2) : formatEvaluation(result));
        } finally {
          await rt.close();
        }
      },
    );
}
