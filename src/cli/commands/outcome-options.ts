/** The options `train` and `validate` share: where the outcomes come from and as of when. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseLabels } from '../../scoring/evaluate/labels.js';
import { PROTOCOLS, type Protocol } from '../../scoring/evaluate/protocols.js';
import type { ModelTarget } from '../../scoring/model.js';
import type { OutcomeSource } from '../../use-cases/labelled-sample.js';
import { projectPath } from '../../use-cases/score-model.js';

export interface OutcomeOptions {
  asOf?: string;
  horizonDays: number;
  idPrefix: string;
  outcome?: string;
  labels?: string;
  protocol: string;
  authority?: string;
  target?: string;
  seed: number;
}

export function withOutcomeOptions(cmd: Command): Command {
  return cmd
    .option('--labels <file>', 'outcomes from a labels file: entity,label (-1 = bad, +1 = good)')
    .option('--outcome <kind>', 'without --labels: loans (defaults within the horizon) or flags (fraud flags within the horizon)')
    .option('--as-of <iso>', 'observation date: features use facts before it; loan and flag outcomes are those within the horizon after it (required without --labels)')
    .option('--horizon-days <n>', 'outcome window after the observation date (days)', Number, 365)
    .option('--protocol <protocol>', `with --labels: ratings hidden from every labelled entity, one of ${PROTOCOLS.join(', ')}`, 'none')
    .option('--authority <id>', 'label authority (protocol full)')
    .option('--target <target>', 'credit (the score’s PD) or fraud (fraudRisk); default fraud for --outcome flags, else credit')
    .option('--id-prefix <prefix>', 'only entities whose id starts with this (labels get it prepended)', '')
    .option('--seed <n>', 'seed of the analytics, the folds and the bootstrap', Number, 42);
}

/** The outcome source and model target the options describe (exits with a message on bad options). */
export function outcomeSourceOf(program: Command, o: OutcomeOptions): { source: OutcomeSource; target: ModelTarget } {
  const asOfMs = o.asOf === undefined ? null : Date.parse(o.asOf);
  if (asOfMs !== null && !Number.isFinite(asOfMs)) program.error(`--as-of must be an ISO-8601 date, got "${o.asOf}"`);
  if (o.target !== undefined && o.target !== 'credit' && o.target !== 'fraud') program.error(`--target must be credit or fraud, got "${o.target}"`);
  if (!(PROTOCOLS as readonly string[]).includes(o.protocol)) program.error(`--protocol must be one of ${PROTOCOLS.join(', ')}`);
  if (o.labels !== undefined) {
    if (o.outcome !== undefined) program.error('--labels and --outcome exclude each other: the labels are the outcomes');
    const { labels, problems } = parseLabels(readFileSync(projectPath(o.labels), 'utf8'), o.idPrefix);
    if (problems.length) program.error(`${o.labels}: ${problems.slice(0, 3).map((p) => `line ${p.line}: ${p.reason}`).join('; ')}`);
    const authority = o.authority === undefined ? null : o.idPrefix + o.authority;
    const source: OutcomeSource = { kind: 'labels', labels, name: basename(o.labels), asOfMs, protocol: o.protocol as Protocol, authority };
    return { source, target: (o.target as ModelTarget | undefined) ?? 'credit' };
  }
  const kind = o.outcome ?? (o.target === 'fraud' ? 'flags' : 'loans');
  if (kind !== 'loans' && kind !== 'flags') program.error(`--outcome must be loans or flags, got "${kind}"`);
  if (asOfMs === null) program.error('--as-of is required for loan or flag outcomes');
  if (!(o.horizonDays > 0)) program.error(`--horizon-days must be positive, got ${o.horizonDays}`);
  const target = (o.target as ModelTarget | undefined) ?? (kind === 'flags' ? 'fraud' : 'credit');
  return { source: { kind: kind as 'loans' | 'flags', asOfMs: asOfMs!, horizonDays: o.horizonDays }, target };
}
