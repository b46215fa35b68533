/**
 * One definition per route serves both the OpenAPI document and request validation: `defineRoute`
 * registers the path in the shared registry (at module load, once) and returns Express middleware that
 * validates params, query and body against the same zod schemas, answering 400 problem+json naming the
 * field. Parsed input lands in `res.locals.input`.
 */
import { extendZodWithOpenApi, OpenAPIRegistry, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { RequestHandler, Response } from 'express';
import { z, type ZodObject, type ZodType } from 'zod';
import type { Role } from '../../auth/api-key.js';
import { ValidationError, type FieldProblem } from '../../errors/app-error.js';

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
  readonly tags?: string[];
  /** Roles allowed (documented; enforce with requireRole). Empty: public. */
  readonly roles: readonly Role[];
  readonly request?: {
    readonly params?: P;
    readonly query?: Q;
    readonly body?: B;
    readonly headers?: ZodObject;
  };
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
  413: 'payload too large',
  429: 'rate limit exceeded (see Retry-After)',
  503: 'a dependency is unavailable (see Retry-After)',
};

/** `/v1/entities/:id` → `/v1/entities/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function problems(part: string, error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({
    field: [part, ...i.path.map(String)].join('.'),
    reason: i.message,
  }));
}

function check(part: 'params' | 'query' | 'body', schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!parsed.success) {
    const list = problems(part, parsed.error);
    throw new ValidationError(
      `invalid ${part}: ${list.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      list,
    );
  }
  return parsed.data;
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
  const rolesText = spec.roles.length ? `\n\nRoles: ${spec.roles.join(', ')}.` : '';
  registry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    description: (spec.description ?? '') + rolesText,
    tags: spec.tags,
    security: spec.roles.length ? [{ bearerAuth: [] }, { apiKeyHeader: [] }] : [],
    request: {
      params: spec.request?.params,
      query: spec.request?.query,
      headers: spec.request?.headers,
      body: spec.request?.body
        ? { required: true, content: { 'application/json': { schema: spec.request.body } } }
        : undefined,
    },
    responses,
  });
  const validate: RequestHandler = (req, res, next) => {
    try {
      res.locals.input = {
        params: check('params', spec.request?.params, req.params),
        query: check('query', spec.request?.query, req.query),
        body: check('body', spec.request?.body, req.body),
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

/** Documents a route defined elsewhere without its schemas (path, method, summary, path params, roles). */
export function documentRoute(
  registry: OpenAPIRegistry,
  route: {
    method: RouteSpec<undefined, undefined, undefined>['method'];
    path: string;
    summary: string;
    roles: readonly Role[];
    tags?: string[];
  },
): void {
  const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const params = names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
  defineRoute(registry, {
    ...route,
    request: params ? { params } : undefined,
    responses: { 200: { description: 'OK' } },
  });
}
