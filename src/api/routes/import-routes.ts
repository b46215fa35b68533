/**
 * File imports (admin):
 * - POST /v1/imports?type=<type>[&format=csv|ndjson][&strict=true][&name=file.csv]: the body is the file
 *   (raw, e.g. `curl --data-binary @payments.csv -H 'content-type: text/csv'`) or a multipart form with a
 *   `file` part (fields `type`, `format`, `strict` before it, or in the query). Stored under UPLOAD_DIR,
 *   loaded by an `ingest` job → 202 {id, status, statusUrl}. Over INGEST_UPLOAD_MAX_BYTES → 413; a `.gz`
 *   file that is not gzip → 400, or that decompresses to more than INGEST_MAX_DECOMPRESSED_BYTES → 413;
 *   a client that goes away mid-upload ends the request. In every such case the partial file is removed.
 * - GET /v1/imports/:id → state, progress, counts and the first rejects.
 */
import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/app-error.js';
import { formatOf } from '../../ingest/record-reader.js';
import { getImportStatus, startImport } from '../../use-cases/ingest-import.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';
import { requireRedis } from '../middleware/require-redis.js';
import { gzipVerifier } from '../../ingest/gzip-guard.js';
import { declaredLengthLimit, limitBytes, onClientAbort, UploadAbortedError } from '../middleware/upload-limit.js';
import {
  IMPORT_ACCEPTED,
  IMPORT_BODY,
  IMPORT_FIELDS,
  IMPORT_QUERY,
  IMPORT_STATUS,
} from '../openapi/ingest-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY, parseInput } from '../openapi/registry.js';

export const IMPORT_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'post',
  path: '/v1/imports',
  summary: 'Upload a file (CSV or NDJSON, optionally gzip) to load as a background job',
  description:
    'At most INGEST_UPLOAD_MAX_BYTES bytes (default 2 GiB); over it: 413 and nothing is kept. A `.gz` file (by `name`) is checked as it arrives: not gzip data → 400 `invalid_gzip`; decompressing to more than INGEST_MAX_DECOMPRESSED_BYTES → 413 `decompressed_too_large`.',
  tags: ['ingest'],
  roles: ['admin'],
  request: { query: IMPORT_QUERY, rawBody: IMPORT_BODY },
  responses: {
    202: { description: 'queued; Location: the import status', content: jsonContent(IMPORT_ACCEPTED) },
  },
  errors: [400, 413, 503],
});

export const IMPORT_STATUS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/imports/:id',
  summary: 'Status of an import: state, progress, counts and the first rejects',
  tags: ['ingest'],
  roles: ['admin'],
  request: { params: ID_PARAMS },
  responses: { 200: { description: 'the import', content: jsonContent(IMPORT_STATUS) } },
  errors: [404, 503],
});

interface Upload {
  readonly stream: Readable;
  readonly fileName: string;
  readonly fields: Record<string, string>;
  /** Resolves when the whole request has been consumed. */
  readonly done: Promise<void>;
}

/** The uploaded file: the multipart `file` part, or the raw body. */
function receiveUpload(req: Request, query: Record<string, string>): Promise<Upload> {
  if (!req.is('multipart/form-data')) {
    const fileName = query.name ?? `upload.${req.is('text/csv') ? 'csv' : 'ndjson'}`;
    return Promise.resolve({ stream: req, fileName, fields: query, done: Promise.resolve() });
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = { ...query };
    let form: ReturnType<typeof busboy>;
    try {
      form = busboy({ headers: req.headers, limits: { files: 1 } });
    } catch (error) {
      req.resume();
      return reject(malformedForm(error));
    }
    let resolveDone = () => {};
    const done = new Promise<void>((r) => (resolveDone = r));
    let gotFile = false;
    form.on('field', (name, value) => (fields[name] = value));
    form.on('file', (name, stream, info) => {
      if (name !== 'file' || gotFile) return void stream.resume();
      gotFile = true;
      // A form cut short fails its file stream ("Unexpected end of form"), possibly before the handler
      // pipes it anywhere: keep the error as a 400 for whoever reads the stream, never an unhandled event.
      const failed = new PassThrough();
      failed.on('error', () => {}); // kept on the stream (`errored`) for the pipeline that reads it
      stream.on('error', (error) => failed.destroy(malformedForm(error)));
      stream.pipe(failed);
      resolve({ stream: failed, fileName: fields.name ?? info.filename ?? 'upload', fields, done });
    });
    onClientAbort(req, () => {
      resolveDone();
      reject(new UploadAbortedError());
    });
    form.on('close', () => {
      resolveDone();
      if (!gotFile)
        reject(
          new ValidationError('the multipart form has no "file" part', [
            { field: 'file', reason: 'is required' },
          ]),
        );
    });
    form.on('error', (error) => {
      resolveDone();
      reject(malformedForm(error));
    });
    req.pipe(form);
  });
}

/** A multipart body busboy cannot read (no boundary, cut short): 400 naming the body. */
function malformedForm(error: unknown): ValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationError(`the multipart form is malformed: ${reason}`, [{ field: 'body', reason }]);
}

/** The import's fields (query, then form fields) checked against the route's schema. */
function importRequest(upload: Upload) {
  const fields = parseInput('query', IMPORT_FIELDS, upload.fields);
  const format = fields.format ?? formatOf(upload.fileName);
  if (format === undefined)
    throw new ValidationError('format must be csv or ndjson (or name the file .csv / .ndjson)', [
      { field: 'format', reason: 'unknown: give format=csv|ndjson or a file name ending .csv / .ndjson' },
    ]);
  return {
    type: fields.type,
    format,
    strict: fields.strict === 'true' || fields.strict === '1',
    idPrefix: fields.idPrefix,
    fileName: upload.fileName.replace(/[^\w.-]+/g, '_').slice(0, 120),
  };
}

export function importRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole(deps, 'admin');
  const redis = requireRedis(deps);
  const maxBytes = deps.config.ingest.uploadMaxBytes;
  const maxDecompressed = deps.config.ingest.maxDecompressedBytes;

  router.post(
    IMPORT_ROUTE.path,
    admin,
    // no upload is read while Redis is down: it could not be queued
    requireRedis(deps, { unreadBody: true }),
    declaredLengthLimit(maxBytes),
    IMPORT_ROUTE.validate,
    async (req, res) => {
      const query = Object.fromEntries(
        Object.entries(IMPORT_ROUTE.input(res).query).filter(([, v]) => v !== undefined),
      );
      const upload = await receiveUpload(req, query as Record<string, string>);
      let request;
      try {
        request = importRequest(upload);
      } catch (error) {
        upload.stream.resume();
        throw error;
      }
      const requestedBy = (res.locals.apiKey as { id?: string } | undefined)?.id;
      const body = limitBytes(req, upload.stream, maxBytes, res);
      // a compressed upload is checked as it arrives: gzip data, at most INGEST_MAX_DECOMPRESSED_BYTES
      const checks = request.fileName.toLowerCase().endsWith('.gz') ? [gzipVerifier(maxDecompressed)] : [];
      const id = await startImport(deps.config, body, { ...request, requestedBy }, new Date(), checks);
      await upload.done;
      const statusUrl = `/v1/imports/${id}`;
      res
        .status(202)
        .location(statusUrl)
        .json({ id, status: 'queued', type: request.type, file: request.fileName, statusUrl });
    },
  );

  router.get(IMPORT_STATUS_ROUTE.path, admin, redis, IMPORT_STATUS_ROUTE.validate, async (_req, res) => {
    res.json(await getImportStatus(deps.config, IMPORT_STATUS_ROUTE.input(res).params.id));
  });

  return router;
}
