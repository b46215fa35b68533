/**
 * A scorecard model as data (a versioned JSON file): per feature, bins with points; a score is
 * `basePoints + Σ points`, on the model's scale. Both the built-in expert model and trained models
 * take this one form, so serving never cares where a model came from.
 */
import { z } from 'zod';
import { FEATURE_NAMES, type FeatureName } from './features.js';
import type { ScaleOptions } from './scale.js';

export const MODEL_FORMAT = 'creditgraph-scorecard/1';

/** One bin: values in [min, max) (null = unbounded on that side). */
export interface Bin {
  readonly min: number | null;
  readonly max: number | null;
  readonly points: number;
  /** Weight of evidence ln(good share / bad share), when trained. */
  readonly woe?: number;
  readonly count?: number;
  readonly badRate?: number;
}

export interface Characteristic {
  readonly feature: FeatureName;
  /** Ordered, contiguous bins covering the real line. */
  readonly bins: readonly Bin[];
  /** Points when the value is missing. */
  readonly missing: Omit<Bin, 'min' | 'max'>;
}

/** What a model predicts: default (the credit score's PD) or fraud (`fraudRisk`). */
export const MODEL_TARGETS = ['credit', 'fraud'] as const;
export type ModelTarget = (typeof MODEL_TARGETS)[number];

/** How the released model was checked: out-of-fold AUC of the training procedure against the best single signal. */
export interface CrossValidationSummary {
  readonly k: number;
  readonly seed: number;
  readonly auc: number;
  readonly ci95: { readonly low: number; readonly high: number };
  readonly bestSignal: { readonly feature: FeatureName; readonly auc: number } | null;
  /** False when the model did not beat its best single signal and was released only because it was forced. */
  readonly beatsBestSignal: boolean;
}

export interface TrainingSummary {
  readonly asOf: string;
  /** Where the outcomes came from, e.g. "loans (365-day horizon)", "flags", "labels otc_gt.csv (protocol full)". */
  readonly outcome?: string;
  readonly rows: number;
  readonly bads: number;
  readonly intercept: number;
  readonly coefficients: Readonly<Partial<Record<FeatureName, number>>>;
  readonly informationValue: Readonly<Partial<Record<FeatureName, number>>>;
  /** Features left out before binning, and why ("no data": never present; "constant": one value only). */
  readonly dropped?: Readonly<Partial<Record<FeatureName, string>>>;
  /** The candidate chosen by inner cross-validation and every candidate's inner out-of-fold AUC. */
  readonly selection?: { readonly chosen: string; readonly folds: number; readonly candidates: Readonly<Record<string, number>> };
  readonly crossValidation?: CrossValidationSummary;
  readonly previousVersion: string | null;
}

/**
 * A sub-population scored by its own scorecard: the entities whose `whenMissing` feature is missing
 * (e.g. no activity of their own before the scoring date, a "thin file"). Its own bins and base points
 * replace the main ones for them, so the main scorecard's bins describe the others alone.
 */
export interface Segment {
  readonly name: string;
  readonly whenMissing: FeatureName;
  readonly basePoints: number;
  readonly characteristics: readonly Characteristic[];
  readonly rows?: number;
  readonly bads?: number;
}

export interface ScorecardModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: string;
  readonly kind: 'expert' | 'trained';
  /** Absent: credit. */
  readonly target?: ModelTarget;
  readonly createdAt: string;
  readonly scale: ScaleOptions;
  readonly basePoints: number;
  readonly characteristics: readonly Characteristic[];
  /** Checked in order; an entity in none is scored by the main scorecard above. */
  readonly segments?: readonly Segment[];
  readonly training?: TrainingSummary;
}

/** The base points and characteristics that score `values`: the first matching segment's, or the main ones. */
export function partFor(model: ScorecardModel, values: Readonly<Record<FeatureName, number | null>>): Pick<ScorecardModel, 'basePoints' | 'characteristics'> {
  for (const s of model.segments ?? []) {
    const v = values[s.whenMissing];
    if (v === null || !Number.isFinite(v)) return s;
  }
  return model;
}

/** Every characteristic of the model, main and segments. */
export function allCharacteristics(model: ScorecardModel): Characteristic[] {
  return [...model.characteristics, ...(model.segments ?? []).flatMap((s) => s.characteristics)];
}

const num = z.number().finite();
const binFields = {
  points: num,
  woe: num.optional(),
  count: z.number().int().min(0).optional(),
  badRate: num.optional(),
};
const binSchema = z.object({ min: num.nullable(), max: num.nullable(), ...binFields });
const featureSchema = z.enum(FEATURE_NAMES as [FeatureName, ...FeatureName[]]);
const characteristicSchema = z.object({ feature: featureSchema, bins: z.array(binSchema).min(1), missing: z.object(binFields) });

export const MODEL_SCHEMA = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.string().min(1),
  kind: z.enum(['expert', 'trained']),
  target: z.enum(MODEL_TARGETS).optional(),
  createdAt: z.string(),
  scale: z.object({ anchorScore: num, anchorOdds: num.positive(), pdo: num.positive(), min: num, max: num }),
  basePoints: num,
  characteristics: z.array(characteristicSchema),
  segments: z
    .array(
      z.object({
        name: z.string().min(1),
        whenMissing: featureSchema,
        basePoints: num,
        characteristics: z.array(characteristicSchema),
        rows: z.number().int().min(0).optional(),
        bads: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  training: z
    .object({
      asOf: z.string(),
      outcome: z.string().optional(),
      rows: z.number().int(),
      bads: z.number().int(),
      intercept: num,
      coefficients: z.record(z.string(), num),
      informationValue: z.record(z.string(), num),
      dropped: z.record(z.string(), z.string()).optional(),
      selection: z
        .object({ chosen: z.string(), folds: z.number().int(), candidates: z.record(z.string(), num) })
        .optional(),
      crossValidation: z
        .object({
          k: z.number().int(),
          seed: z.number().int(),
          auc: num,
          ci95: z.object({ low: num, high: num }),
          bestSignal: z.object({ feature: featureSchema, auc: num }).nullable(),
          beatsBestSignal: z.boolean(),
        })
        .optional(),
      previousVersion: z.string().nullable(),
    })
    .optional(),
});

/** Parses and checks a model (from a file); throws with the first problem's path. */
export function parseModel(data: unknown): ScorecardModel {
  const parsed = MODEL_SCHEMA.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid model: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown problem'}`);
  }
  for (const c of [...parsed.data.characteristics, ...(parsed.data.segments ?? []).flatMap((x) => x.characteristics)]) checkBins(c.feature, c.bins);
  return parsed.data as ScorecardModel;
}

function checkBins(feature: string, bins: readonly Bin[]): void {
  if (bins[0]?.min !== null || bins[bins.length - 1]?.max !== null) {
    throw new Error(`invalid model: ${feature}: bins must start at -∞ and end at +∞`);
  }
  for (let i = 1; i < bins.length; i++) {
    if (bins[i]!.min !== bins[i - 1]!.max)
      throw new Error(`invalid model: ${feature}: bins ${i - 1} and ${i} are not contiguous`);
  }
}

/** The bin holding `value` (the last bin whose min ≤ value). */
export function binOf(bins: readonly Bin[], value: number): Bin {
  let found = bins[0]!;
  for (const b of bins) {
    if (b.min === null || value >= b.min) found = b;
    else break;
  }
  return found;
}

/** Builds contiguous bins from cut points and points per bin (points.length = cuts.length + 1). */
export function binsFromCuts(cuts: readonly number[], points: readonly number[]): Bin[] {
  if (points.length !== cuts.length + 1)
    throw new Error('binsFromCuts: need one more points value than cuts');
  return points.map((p, i) => ({
    min: i === 0 ? null : cuts[i - 1]!,
    max: i === cuts.length ? null : cuts[i]!,
    points: p,
  }));
}
