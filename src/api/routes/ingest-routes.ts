/**
 * POST /v1/<type> (admin) for every record type (entities, payments, supplies, loans, flags,
 * identifiers, ownerships, ratings): a JSON array of records, at most INGEST_HTTP_MAX_ROWS rows and
 * INGEST_HTTP_MAX_BYTES bytes (over either bound → 413 naming it). Good rows load; the answer gives
 * counts and every bad row's index, field and reason (400 only when no row was loadable).
 */
import express, { Router, type RequestHandler } from 'express';
import { PayloadTooLargeError, ValidationError } from '../../errors/app-error.js';
import { RECORD_TYPES, type RecordType } from '../../ingest/record-types.js';
import { ingestRules } from '../../use-cases/ingest-file.js';
import { ingestRows } from '../../use-cases/ingest-rows.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';
import { ingestBody, INGEST_QUERY, INGEST_RESPONSE } from '../openapi/ingest-schemas.js';
import { jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

function defineIngestRoute(type: RecordType) {
  return defineRoute(OPENAPI_REGISTRY, {
    method: 'post',
    path: `/v1/${type}`,
    summary: `Ingest a batch of ${type} (a JSON array; bad rows are reported by index, good ones load)`,
    tags: ['ingest'],
    roles: ['admin'],
    request: { query: INGEST_QUERY, body: ingestBody(type) },
    responses: {
      200: { description: 'counts and the rejected rows', content: jsonContent(INGEST_RESPONSE) },
    },
    errors: [413, 503],
  });
}

/** One definition per record type (registered once, at module load). */
export const INGEST_ROUTES = RECORD_TYPES.map((type) => ({ type, route: defineIngestRoute(type) }));

/** express.json with a 413 that states the bound and the way around it. */
function jsonBody(limitBytes: number, maxRows: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: false });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(
          new PayloadTooLargeError(
            `request body is over the limit of ${limitBytes} bytes (and ${maxRows} rows); split it, or upload a file to POST /v1/imports`,
            limitBytes,
          ),
        );
      }
      next(err);
    });
}

/** The row bound: 413 (not 400) so clients split the batch rather than fix a row. */
function rowLimit(maxRows: number): RequestHandler {
  return (req, _res, next) => {
    const rows: unknown = req.body;
    if (Array.isArray(rows) && rows.length > maxRows) {
      return next(
        new PayloadTooLargeError(
          `${rows.length} rows is over the limit of ${maxRows} rows per request; split it, or upload a file to POST /v1/imports`,
          maxRows,
        ),
      );
    }
    next();
  };
}

export function ingestRoutes(deps: AppDeps): Router {
  const router = Router();
  const { httpMaxBytes, httpMaxRows, batchRows } = deps.config.ingest;
  const rules = ingestRules(deps.config);
  const admin = requireRole(deps, 'admin');
  const body = [jsonBody(httpMaxBytes, httpMaxRows), rowLimit(httpMaxRows)];
  for (const { type, route } of INGEST_ROUTES) {
    router.post(route.path, admin, ...body, route.validate, async (_req, res) => {
      const { body: rows, query } = route.input(res);
      const result = await ingestRows(deps.db, type, rows, { ...rules, batchRows, idPrefix: query.idPrefix });
      if (result.loaded === 0 && result.rejected > 0) {
        throw new ValidationError(`all ${result.rejected} ${type} rows were rejected`, result.errors);
      }
      res.json(result);
    });
  }
  return router;
}
