/**
 * POST /v1/<type> (admin) for every record type (entities, payments, supplies, loans, flags,
 * identifiers, ownerships, ratings): a JSON array of records, at most INGEST_HTTP_MAX_ROWS rows and
 * INGEST_HTTP_MAX_BYTES bytes (over either bound → 413 naming it). Good rows load; the answer gives
 * counts and every bad row's index, field and reason (400 only when no row was loadable).
 */
import express, { Router, type RequestHandler } from 'express';
import { PayloadTooLargeError, ValidationError } from '../../errors/app-error.js';
import { RECORD_TYPES, type RecordType } from '../../ingest/record-types.js';
import { ingestRows } from '../../use-cases/ingest-rows.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';

const ID_PREFIX = /^[A-Za-z0-9_:.-]{0,64}$/;

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

/** The posted rows, or a 400/413 naming what is wrong. */
function rowsOf(body: unknown, maxRows: number): unknown[] {
  if (!Array.isArray(body))
    throw new ValidationError('the body must be a JSON array of records', [
      { field: 'body', reason: 'is not an array' },
    ]);
  if (body.length > maxRows) {
    throw new PayloadTooLargeError(
      `${body.length} rows is over the limit of ${maxRows} rows per request; split it, or upload a file to POST /v1/imports`,
      maxRows,
    );
  }
  return body;
}

export function ingestRoutes(deps: AppDeps): Router {
  const router = Router();
  const { httpMaxBytes, httpMaxRows, batchRows } = deps.config.ingest;
  const admin = requireRole(deps, 'admin');
  for (const type of RECORD_TYPES) {
    router.post(`/v1/${type}`, admin, jsonBody(httpMaxBytes, httpMaxRows), async (req, res) => {
      const rows = rowsOf(req.body, httpMaxRows);
      const idPrefix = String(req.query.idPrefix ?? '');
      if (!ID_PREFIX.test(idPrefix))
        throw new ValidationError('invalid idPrefix', [
          { field: 'idPrefix', reason: 'at most 64 of A-Z a-z 0-9 _ : . -' },
        ]);
      const result = await ingestRows(deps.db, type as RecordType, rows, { batchRows, idPrefix });
      if (result.loaded === 0 && result.rejected > 0) {
        throw new ValidationError(`all ${result.rejected} ${type} rows were rejected`, result.errors);
      }
      res.json(result);
    });
  }
  return router;
}
