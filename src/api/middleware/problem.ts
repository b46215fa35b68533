/**
 * The one error handler: every error becomes `application/problem+json` (RFC 9457) with a stable
 * `code`, a human `detail`, the request id and, for validation errors, the exact fields or rows.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, RateLimitedError, UpstreamError, ValidationError } from '../../errors/app-error.js';
import { getLogger } from '../../logging/logger.js';

const log = getLogger('http');

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: unknown;
  details?: unknown;
}

/** Writes one problem response. */
export function sendProblem(res: Response, status: number, code: string, detail: string, extra: Partial<Problem> = {}): void {
  const body: Problem = {
    type: `https://creditgraph.dev/problems/${code}`,
    title: code.replace(/_/g, ' '),
    status,
    code,
    detail,
    instance: res.req.originalUrl,
    requestId: String(res.locals.requestId ?? ''),
    ...extra,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** 404 for any route nobody answered. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => sendProblem(res, 404, 'route_not_found', `no route ${req.method} ${req.path}`);
}

export function errorHandler(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ValidationError) return sendProblem(res, 400, err.code, err.message, { errors: err.problems });
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      if (err instanceof UpstreamError) res.setHeader('Retry-After', '5');
      // the cause (a driver's own text, naming hosts) goes to the log, never into the answer
      if (err.httpStatus >= 500) log.warn({ code: err.code, err: err.message, cause: (err.cause as Error | undefined)?.message }, 'upstream failure');
      return sendProblem(res, err.httpStatus, err.code, err.message, err.details === undefined ? {} : { details: err.details });
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 400 && err?.type === 'entity.parse.failed') {
      return sendProblem(res, 400, 'malformed_json', `request body is not valid JSON: ${err.message}`);
    }
    if (status === 413) return sendProblem(res, 413, 'payload_too_large', String(err.message));
    if (status < 500) return sendProblem(res, status, 'bad_request', String(err?.message ?? 'bad request'));
    log.error({ err }, 'unhandled error');
    return sendProblem(res, 500, 'internal_error', 'an unexpected error occurred; the request id identifies it in the logs');
  };
}
