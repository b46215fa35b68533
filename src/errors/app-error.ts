/**
 * The one error type of the domain: a stable `code`, the HTTP status it maps to at the edge,
 * whether retrying may help, and the cause. The domain throws these; only the API turns them into HTTP.
 */
export interface AppErrorOptions {
  readonly cause?: unknown;
  readonly details?: unknown;
  readonly retriable?: boolean;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly details: unknown;
  readonly retriable: boolean;

  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.details = options.details;
    this.retriable = options.retriable ?? false;
  }
}

/** One problem with one field or row of the input. */
export interface FieldProblem {
  readonly field?: string;
  readonly row?: number;
  readonly line?: number;
  readonly reason: string;
}

/** Bad input (400): says what, where and why. */
export class ValidationError extends AppError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    options: AppErrorOptions = {},
  ) {
    super('validation_failed', message, 400, { ...options, details: problems });
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(what: string, id: string) {
    super('not_found', `${what} ${JSON.stringify(id)} does not exist`, 404, { details: { what, id } });
  }
}

export class ConflictError extends AppError {
  override name = 'ConflictError';
  constructor(message: string, details?: unknown) {
    super('conflict', message, 409, { details });
  }
}

/** A dependency (Neo4j, Redis) failed or is unreachable (503, retriable). */
export class UpstreamError extends AppError {
  override name = 'UpstreamError';
  constructor(
    readonly service: 'neo4j' | 'redis',
    message: string,
    cause?: unknown,
  ) {
    super(`${service}_unavailable`, message, 503, { cause, retriable: true, details: { service } });
  }
}

export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  constructor(message = 'an API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key"') {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  constructor(role: string, allowed: readonly string[]) {
    super('forbidden', `role "${role}" may not do this; allowed roles: ${allowed.join(', ')}`, 403, {
      details: { role, allowed },
    });
  }
}

export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError';
  constructor(message: string, limit: number) {
    super('payload_too_large', message, 413, { details: { limit } });
  }
}

export class RateLimitedError extends AppError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `rate limit exceeded; retry after ${retryAfterSeconds} s`, 429, {
      retriable: true,
      details: { retryAfterSeconds },
    });
  }
}
