/**
 * One definition per route serves both the OpenAPI document and request validation: `defineRoute`
 * registers the path in the shared registry (at module load, once) and returns Express middleware that
 * validates params, query and body against the same zod schemas, answering 400 problem+json naming the
 * field. Parsed input lands in `res.locals.input`.
 */
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  type ResponseConfig,
  type ZodContentObject,
} from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response } from 'express';
import { z, type ZodObject, type ZodType } from 'zod';
import type { Role } from '../../auth/api-key.js';
import { AppError, ValidationError, type FieldProblem } from '../../errors/app-error.js';

extendZodWithOpenApi(z);

/** The registry behind /openapi.json. */
export const OPENAPI_REGISTRY = new OpenAPIRegistry();

export const PROBLEM_SCHEMA = OPENAPI_REGISTRY.register(
  'Problem',
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      code: z.string(),
      detail: z.string(),
      instance: z.string(),
      requestId: z.string(),
      errors: z
        .array(z.object({ field: z.string().optional(), row: z.number().optional(), reason: z.string() }))
        .optional(),
    })
    .openapi({ description: 'RFC 9457 problem details' }),
);

export interface RouteSpec<
  P extends ZodObject | undefined,
  Q extends ZodObject | undefined,
  B extends ZodType | undefined,
> {
  readonly method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  /** Express path, e.g. `/v1/entities/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** Roles allowed (documented; enforce with requireRole). Empty: public. */
  readonly roles: readonly Role[];
  readonly request?: {
    readonly params?: P;
    readonly query?: Q;
    /** A JSON body, validated (parsed by express.json before `validate`). */
    readonly body?: B;
    /** False: the body may be absent (validated as `{}`). Default true. */
    readonly bodyRequired?: boolean;
    /** A non-JSON body (files, forms): documented only, read by the handler. */
    readonly rawBody?: ZodContentObject;
    readonly headers?: ZodObject;
  };
  /**
   * How a 400 names a bad field: `part` qualifies it (`query.asOf`, `body.ids`), `name` gives the
   * parameter or body field alone (`depth`, `scope`). Default `name`.
   */
  readonly fieldNames?: 'part' | 'name';
  /** Success responses by status; problem responses (400/401/403/404/429/503) are added from `errors`. */
  readonly responses: Record<number, ResponseConfig>;
  readonly errors?: readonly number[];
}

type Out<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

export interface DefinedRoute<
  P extends ZodObject | undefined,
  Q extends ZodObject | undefined,
  B extends ZodType | undefined,
> {
  readonly spec: RouteSpec<P, Q, B>;
  readonly path: string;
  /** Validates the request; 400 problem+json on the first failing part. */
  readonly validate: RequestHandler;
  /** The validated input of this request (after `validate`). */
  input(res: Response): RouteInput<Out<P>, Out<Q>, Out<B>>;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid request (the problem names the field)',
  401: 'no valid API key',
  403: "the key's role may not do this",
  404: 'not found',
  409: 'conflict (e.g. the metrics run is not complete)',
  413: 'payload too large',
  429: 'rate limit exceeded (see Retry-After)',
  503: 'a dependency is unavailable (see Retry-After)',
};

/** `/v1/entities/:id` → `/v1/entities/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

type Part = 'params' | 'query' | 'body';
type FieldNames = NonNullable<RouteSpec<undefined, undefined, undefined>['fieldNames']>;

function problems(part: Part, error: z.ZodError, names: FieldNames): FieldProblem[] {
  return error.issues.map((i) => {
    const path = i.path.map(String);
    const field = names === 'part' || path.length === 0 ? [part, ...path] : path;
    return { field: field.join('.'), reason: i.message };
  });
}

function check(
  part: Part,
  schema: ZodType | undefined,
  value: unknown,
  names: FieldNames,
  fallback?: unknown,
): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? fallback);
  if (!parsed.success) {
    const list = problems(part, parsed.error, names);
    throw new ValidationError(
      `invalid ${part}: ${list.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      list,
    );
  }
  return parsed.data;
}

function requestBody(
  request: RouteSpec<ZodObject | undefined, ZodObject | undefined, ZodType | undefined>['request'],
) {
  if (request?.body) {
    const content: ZodContentObject = { 'application/json': { schema: request.body } };
    return { required: request.bodyRequired !== false, content };
  }
  return request?.rawBody ? { required: true, content: request.rawBody } : undefined;
}

/** True when the request carries a body (a non-zero Content-Length, or a chunked one). */
function hasBody(req: Request): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** Parses `value` with `schema` outside a route's `validate` (e.g. multipart fields); 400 naming the field. */
export function parseInput<S extends ZodType>(part: Part, schema: S, value: unknown): z.output<S> {
  return check(part, schema, value, 'name') as z.output<S>;
}

/** Registers a route's OpenAPI operation and returns its validator. */
export function defineRoute<
  P extends ZodObject | undefined = undefined,
  Q extends ZodObject | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(registry: OpenAPIRegistry, spec: RouteSpec<P, Q, B>): DefinedRoute<P, Q, B> {
  const responses: Record<number, ResponseConfig> = { ...spec.responses };
  const errors = new Set([
    ...(spec.errors ?? []),
    ...(spec.request ? [400] : []),
    ...(spec.roles.length ? [401, 403, 429] : []),
  ]);
  for (const status of errors) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? 'error',
      content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
    };
  }
  const rolesText = spec.roles.length ? `Roles: ${spec.roles.join(', ')}.` : 'Public (no API key).';
  registry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    description: [spec.description, rolesText].filter(Boolean).join('\n\n'),
    tags: spec.tags ? [...spec.tags] : undefined,
    security: spec.roles.length ? [{ bearerAuth: [] }, { apiKeyHeader: [] }] : [],
    'x-roles': [...spec.roles],
    request: {
      params: spec.request?.params,
      query: spec.request?.query,
      headers: spec.request?.headers,
      body: requestBody(spec.request),
    },
    responses,
  });
  const names = spec.fieldNames ?? 'name';
  const bodyFallback = spec.request?.bodyRequired === false ? {} : undefined;
  const validate: RequestHandler = (req, res, next) => {
    try {
      if (spec.request?.body && hasBody(req) && !req.is(['application/json', '+json']))
        throw new AppError('unsupported_media_type', `the body must be JSON (Content-Type: application/json), got ${JSON.stringify(req.headers['content-type'] ?? 'none')}`, 415, {
          details: { field: 'content-type' },
        });
      res.locals.input = {
        params: check('params', spec.request?.params, req.params, names, {}),
        query: check('query', spec.request?.query, req.query, names, {}),
        body: check('body', spec.request?.body, req.body, names, bodyFallback),
      };
      next();
    } catch (error) {
      next(error);
    }
  };
  return {
    spec,
    path: spec.path,
    validate,
    input: (res) => res.locals.input as RouteInput<Out<P>, Out<Q>, Out<B>>,
  };
}

/**
 * Documents a route without request input (health, docs, the web view, Prometheus metrics): path,
 * method, summary, roles and its success response.
 */
export function documentRoute(
  registry: OpenAPIRegistry,
  route: {
    method: RouteSpec<undefined, undefined, undefined>['method'];
    path: string;
    summary: string;
    roles: readonly Role[];
    tags?: readonly string[];
    responses?: Record<number, ResponseConfig>;
  },
): void {
  defineRoute(registry, { ...route, responses: route.responses ?? { 200: { description: 'OK' } } });
}
