/** Request and response schemas of the exploration routes (ego network, paths, search, run findings). */
import { z } from 'zod';
import { MAX_PATH_HOPS } from '../../use-cases/explore-paths.js';
import { OPENAPI_REGISTRY } from './registry.js';
import { amountParam, idParam, instantParam, intParam } from './params.js';

/** Default and largest node cap of an ego network. */
export const EGO_CAP_DEFAULT = 200;
export const EGO_CAP_MAX = 1000;

export const NETWORK_QUERY = z.object({
  depth: intParam(1, 3, 1).openapi({ description: 'hops from the entity' }),
  limit: intParam(1, EGO_CAP_MAX, EGO_CAP_DEFAULT).openapi({
    description: 'most nodes returned, centre included',
  }),
  since: instantParam.optional().openapi({ description: 'only ties active since this date' }),
  minAmount: amountParam
    .optional()
    .openapi({ description: 'only ties of at least this amount (minor units)' }),
});

export const PATHS_QUERY = z.object({
  from: idParam.openapi({ description: 'entity id at one end' }),
  to: idParam.openapi({ description: 'entity id at the other end (not `from`)' }),
  maxHops: intParam(1, MAX_PATH_HOPS, 4),
  k: intParam(1, 5, 3).openapi({ description: 'how many shortest paths' }),
});

export const SEARCH_QUERY = z.object({
  search: z
    .string({ message: 'required: an id prefix' })
    .min(1, 'required: an id prefix')
    .max(200, 'at most 200 characters')
    .openapi({ description: 'id prefix' }),
  limit: intParam(1, 100, 20),
});

const runParam = {
  runId: idParam.optional().openapi({ description: 'metrics run (default: the run in service)' }),
};

export const COMMUNITIES_QUERY = z.object({
  ...runParam,
  sort: z
    .enum(['risk', 'size', 'defaultRate', 'bad'], { message: 'one of risk, size, defaultRate, bad' })
    .default('risk'),
  minSize: intParam(1, 1_000_000, 1),
  limit: intParam(1, 500, 50),
});
export const COMMUNITY_QUERY = z.object({ ...runParam, limit: intParam(1, 1000, 200) });
export const RINGS_QUERY = z.object({
  ...runParam,
  kind: z.enum(['cycle', 'shared-identifier'], { message: 'cycle or shared-identifier' }).optional(),
  limit: intParam(1, 500, 50),
});
export const RING_QUERY = z.object(runParam);
export const ALERTS_QUERY = z.object({
  ...runParam,
  baseRunId: idParam.optional().openapi({ description: 'run to compare with (default: the previous run)' }),
  limit: intParam(1, 1000, 100),
});

const NODE = z.object({
  key: z.string(),
  attributes: z.looseObject({
    label: z.string(),
    kind: z.string().nullable(),
    bad: z.boolean(),
    runId: z.string().nullable(),
    pagerank: z.number().nullable(),
    pagerankPct: z.number().nullable(),
    community: z.string().nullable(),
    communityRisk: z.number().nullable(),
    exposure: z.number().nullable(),
    exposurePct: z.number().nullable(),
    hop: z.number().int().optional(),
  }),
});

const EDGE = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  attributes: z.looseObject({
    kind: z.enum(['pays', 'supplies', 'uses']),
    total: z.number().openapi({ description: 'minor units' }),
    count: z.number().int(),
    currency: z.string().nullable().optional(),
    first: z.string().nullable().optional(),
    last: z.string().nullable().optional(),
  }),
});

/** graphology's serialisation format (`Graph.from(body)`); `attributes` depends on the route. */
export const GRAPH_SCHEMA = OPENAPI_REGISTRY.register(
  'Graph',
  z.object({
    attributes: z.record(z.string(), z.unknown()),
    options: z.object({
      type: z.literal('directed'),
      multi: z.literal(true),
      allowSelfLoops: z.literal(true),
    }),
    nodes: z.array(NODE),
    edges: z.array(EDGE),
  }),
);

export const SEARCH_RESPONSE = z.object({
  search: z.string(),
  limit: z.number().int(),
  items: z.array(z.object({ id: z.string(), kind: z.string().nullable(), bad: z.boolean() })),
});

/** A ranked list from a metrics run (communities, rings, alerts). */
export const rankedSchema = (name: string, item: z.ZodType, extra: z.ZodRawShape = {}) =>
  OPENAPI_REGISTRY.register(
    name,
    z.object({ runId: z.string().nullable(), total: z.number().int(), items: z.array(item), ...extra }),
  );

export const COMMUNITIES_RESPONSE = rankedSchema(
  'Communities',
  z.object({
    id: z.string(),
    size: z.number().int(),
    bad: z.number().int(),
    defaultRate: z.number(),
    risk: z.number(),
  }),
  { sort: z.string() },
);

export const RINGS_RESPONSE = rankedSchema(
  'Rings',
  z.object({
    id: z.string(),
    kind: z.enum(['cycle', 'shared-identifier']),
    size: z.number().int(),
    bad: z.number().int(),
    risk: z.number(),
    amountMinor: z.number().nullable(),
    spanMs: z.number().nullable(),
    identifiers: z.number().int().nullable(),
    members: z.array(z.string()),
  }),
);

export const ALERTS_RESPONSE = rankedSchema(
  'Alerts',
  z.object({
    entity: z.string(),
    crossed: z.array(z.enum(['fraudRisk', 'exposure', 'communityRisk'])),
    fraudRisk: z.number().nullable().openapi({ description: 'probability of fraud from the fraud model the run was scored with (null: none); alerts rank by it first' }),
    exposureNorm: z.number().nullable(),
    exposureNormPct: z.number().nullable(),
    exposurePct: z.number().nullable(),
    exposure: z.number().nullable(),
    communityRisk: z.number().nullable(),
    community: z.string().nullable(),
    previous: z
      .object({ exposurePct: z.number().nullable(), communityRisk: z.number().nullable(), fraudRisk: z.number().nullable() })
      .nullable(),
  }),
  {
    baseRunId: z.string().nullable(),
    thresholds: z.object({ exposurePct: z.number(), communityRisk: z.number(), fraudRisk: z.number() }),
  },
);
