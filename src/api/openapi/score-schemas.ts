/** Request and response schemas of the score and audit routes (OpenAPI + validation). */
import { z } from 'zod';
import { DEFAULT_AUDIT_PURPOSES } from '../../config/config.js';
import { OPENAPI_REGISTRY } from './registry.js';

export const ENTITY_ID = z
  .string()
  .min(1)
  .max(200)
  .openapi({ example: 'E-1042', description: 'entity id as ingested' });

export const ENTITY_PARAMS = z.object({ id: ENTITY_ID });

export const SCORE_QUERY = z.object({
  asOf: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'scoring date (ISO-8601); only facts before it are used. Default: now' }),
});

/** The X-Purpose header every read of entity data must send (checked against AUDIT_PURPOSES by requirePurpose). */
export const PURPOSE_HEADERS = z.object({
  'x-purpose': z
    .string()
    .max(200)
    .openapi({
      description:
        `required: why the data is read, one of AUDIT_PURPOSES (default ${DEFAULT_AUDIT_PURPOSES.join(', ')}); ` +
        'recorded in the audit trail with every entity the answer names. Missing or unknown: 400',
      example: 'credit_decision',
    }),
});

export const BATCH_BODY = z.object({
  ids: z.array(ENTITY_ID).min(1).max(1000).openapi({ description: 'up to 1,000 entity ids' }),
  asOf: z.iso.datetime({ offset: true }).optional(),
});

const REASON = z.object({
  code: z.string().openapi({ example: 'INFLOW_CONCENTRATED' }),
  feature: z.string(),
  dimension: z.string(),
  value: z.number().nullable(),
  pointsLost: z.number(),
  text: z.string().openapi({ example: '72% of inflow over the last year comes from one payer' }),
  evidence: z
    .object({
      facts: z.array(z.object({ label: z.string(), value: z.string() })),
      entities: z
        .array(z.object({ id: z.string(), role: z.string() }))
        .openapi({ description: 'other entities the reason rests on (third parties): analysts only, always empty for the lender role' }),
    })
    .openapi({ description: 'short facts a person can check, and the entities they name (the lender role sees the entity’s own facts only)' }),
});

const DIMENSION = z.object({
  key: z.string(),
  label: z.string(),
  subScore: z.number(),
  points: z.number(),
  maxPoints: z.number(),
});

const LIMIT = z.object({
  amount: z.number().int().openapi({ description: 'credit limit in minor units of `currency`; 0 when declined' }),
  currency: z.string().nullable().openapi({ description: 'the entity’s main currency (ISO 4217), null without payments' }),
  monthlyNetInflow: z.number(),
  multiple: z.number(),
  pdCutoff: z.number(),
  reason: z.object({ code: z.string(), text: z.string() }).nullable(),
});

export const SCORE_SCHEMA = OPENAPI_REGISTRY.register(
  'Score',
  z.object({
    entityId: z.string(),
    score: z
      .number()
      .int()
      .openapi({ description: 'on the model scale (default 350–950; 600 = PD 5%, +50 doubles the odds)' }),
    band: z.string().openapi({ description: 'A (PD < 1%) … E (PD ≥ 20%)' }),
    pd: z.number().openapi({ description: 'probability of default, 0..1' }),
    dimensions: z.array(DIMENSION),
    reasons: z.array(REASON).max(4),
    limit: LIMIT,
    modelVersion: z.string(),
    runId: z.string().nullable(),
    asOf: z.string().openapi({ description: 'the scoring date' }),
    featuresAsOf: z
      .string()
      .openapi({ description: 'the date of the facts behind the features: the run’s snapshot, or the last ingest load that touched the entity' }),
    stale: z.boolean().openapi({ description: 'no run yet, or the run in service finished more than STALE_AFTER_HOURS ago' }),
    fraudRisk: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: 'probability of fraud, 0..1, from the fraud model (FRAUD_MODEL_FILE); null without one. The credit score (pd) stays the lender’s number' }),
    fraudReasons: z.array(REASON).max(4).openapi({ description: 'what pushes fraudRisk up most (empty without a fraud model)' }),
    fraudModelVersion: z.string().nullable(),
  }),
);

export const BATCH_RESPONSE = OPENAPI_REGISTRY.register(
  'ScoreBatch',
  z.object({
    results: z.array(
      z.union([
        z.object({ id: z.string(), status: z.literal('ok'), score: SCORE_SCHEMA }),
        z.object({ id: z.string(), status: z.literal('not_found'), error: z.string() }),
      ]),
    ),
    counts: z.object({ ok: z.number().int(), notFound: z.number().int() }),
  }),
);

export const ENTITY_SCHEMA = OPENAPI_REGISTRY.register(
  'Entity',
  z.object({
    id: z.string(),
    kind: z.string().nullable(),
    sector: z.string().nullable(),
    region: z.string().nullable(),
    openedAt: z.string().nullable(),
    minimal: z.boolean(),
    counts: z.record(z.string(), z.number()),
    runId: z.string().nullable(),
    metrics: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'the current run’s metrics; for the lender role only the entity’s own numbers and flags (no ids, no paths, no community)' }),
  }),
);

export const AUDIT_QUERY = z.object({
  keyId: z.string().optional(),
  entityId: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,15}\.[A-Za-z0-9-]{1,64}$/, 'the `next` value of a previous page')
    .optional()
    .openapi({ description: 'continue after the previous page: its `next`' }),
});

export const AUDIT_RESPONSE = OPENAPI_REGISTRY.register(
  'AuditEvents',
  z.object({
    events: z.array(
      z.object({
        id: z.string(),
        keyId: z.string(),
        role: z.string(),
        entityId: z.string(),
        at: z.string(),
        purpose: z.string(),
        kind: z.string().openapi({ description: 'what was read: score, profile, signals, network, paths, search, community, ring, rings, alert, loan-monitoring, loan-alert, monitored-loan' }),
        route: z.string(),
        status: z.number().int(),
        requestId: z.string(),
      }),
    ),
    next: z.string().nullable().openapi({ description: 'cursor of the next (older) page, or null on the last page' }),
  }),
);
