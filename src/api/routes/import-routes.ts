/**
 * File imports (admin):
 * - POST /v1/imports?type=<type>[&format=csv|ndjson][&strict=true][&name=file.csv]: the body is the file
 *   (raw, e.g. `curl --data-binary @payments.csv -H 'content-type: text/csv'`) or a multipart form with a
 *   `file` part (fields `type`, `format`, `strict` before it, or in the query). Stored under UPLOAD_DIR,
 *   loaded by an `ingest` job → 202 {id, status, statusUrl}.
 * - GET /v1/imports/:id → state, progress, counts and the first rejects.
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/app-error.js';
import { formatOf, type FileFormat } from '../../ingest/record-reader.js';
import { isRecordType, RECORD_TYPES } from '../../ingest/record-types.js';
import { getImportStatus, startImport } from '../../use-cases/ingest-import.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';

interface Upload {
  readonly stream: Readable;
  readonly fileName: string;
  readonly fields: Record<string, string>;
  /** Resolves when the whole request has been consumed. */
  readonly done: Promise<void>;
}

/** The uploaded file: the multipart `file` part, or the raw body. */
function receiveUpload(req: Request): Promise<Upload> {
  const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v)]));
  if (!req.is('multipart/form-data')) {
    const fileName = query.name ?? `upload.${req.is('text/csv') ? 'csv' : 'ndjson'}`;
    return Promise.resolve({ stream: req, fileName, fields: query, done: Promise.resolve() });
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = { ...query };
    const form = busboy({ headers: req.headers, limits: { files: 1 } });
    let resolveDone = () => {};
    const done = new Promise<void>((r) => (resolveDone = r));
    let gotFile = false;
    form.on('field', (name, value) => (fields[name] = value));
    form.on('file', (name, stream, info) => {
      if (name !== 'file' || gotFile) return void stream.resume();
      gotFile = true;
      resolve({ stream, fileName: fields.name ?? info.filename ?? 'upload', fields, done });
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
    form.on('error', reject);
    req.pipe(form);
  });
}

function importRequest(upload: Upload) {
  const { type = '', format: f, strict = 'false', idPrefix = '' } = upload.fields;
  if (!isRecordType(type))
    throw new ValidationError(`type must be one of ${RECORD_TYPES.join(', ')}`, [
      { field: 'type', reason: `"${type}" is not a record type` },
    ]);
  const format = (f ?? formatOf(upload.fileName)) as FileFormat | undefined;
  if (format !== 'csv' && format !== 'ndjson')
    throw new ValidationError('format must be csv or ndjson (or name the file .csv / .ndjson)', [
      { field: 'format', reason: 'unknown' },
    ]);
  if (!/^[A-Za-z0-9_:.-]{0,64}$/.test(idPrefix))
    throw new ValidationError('invalid idPrefix', [
      { field: 'idPrefix', reason: 'at most 64 of A-Z a-z 0-9 _ : . -' },
    ]);
  return {
    type,
    format,
    strict: strict === 'true' || strict === '1',
    idPrefix,
    fileName: upload.fileName.replace(/[^\w.-]+/g, '_').slice(0, 120),
  };
}

export function importRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole(deps, 'admin');

  router.post('/v1/imports', admin, async (req, res) => {
    const upload = await receiveUpload(req);
    let request;
    try {
      request = importRequest(upload);
    } catch (error) {
      upload.stream.resume();
      throw error;
    }
    const requestedBy = (res.locals.apiKey as { id?: string } | undefined)?.id;
    const id = await startImport(deps.config, upload.stream, { ...request, requestedBy }, new Date());
    await upload.done;
    const statusUrl = `/v1/imports/${id}`;
    res
      .status(202)
      .location(statusUrl)
      .json({ id, status: 'queued', type: request.type, file: request.fileName, statusUrl });
  });

  router.get('/v1/imports/:id', admin, async (req, res) => {
    res.json(await getImportStatus(deps.config, String(req.params.id)));
  });

  return router;
}
