/**
 * Request and response schemas of the ingest routes. A JSON ingest body is an array of records: the
 * schema states the array shape (rows are validated one by one in src/ingest, so a bad row is reported
 * by index instead of failing the request); the row and byte bounds answer 413 (see the routes).
 */
import { z } from 'zod';
import { RECORD_SPECS } from '../../ingest/record-specs.js';
import { RECORD_TYPES, type RecordType } from '../../ingest/record-types.js';
import { OPENAPI_REGISTRY } from './registry.js';
import { ID_PREFIX } from './params.js';

/** The body of `POST /v1/<type>`: a JSON array of `type` records. */
export function ingestBody(type: RecordType) {
  const columns = RECORD_SPECS[type].columns;
  const row = z.unknown().openapi({
    type: 'object',
    description: `one ${type} record (fields: ${columns.join(', ')}); a bad row is rejected alone, reported by its index`,
    properties: Object.fromEntries(columns.map((c) => [c, { type: ['string', 'number'] }])),
    additionalProperties: false,
  });
  return z.array(row, { message: 'a JSON array of records' }).openapi({
    description:
      'at most INGEST_HTTP_MAX_ROWS rows and INGEST_HTTP_MAX_BYTES bytes (defaults 10,000 and 10 MiB); over either: 413',
  });
}

export const INGEST_QUERY = z.object({ idPrefix: ID_PREFIX.default('') });

export const INGEST_RESPONSE = OPENAPI_REGISTRY.register(
  'IngestResult',
  z.object({
    type: z.enum(RECORD_TYPES),
    received: z.number().int(),
    loaded: z.number().int(),
    written: z.number().int(),
    repeats: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(
      z.object({ row: z.number().int().optional(), field: z.string().optional(), reason: z.string() }),
    ),
  }),
);

const TRUE_FALSE = z.enum(['true', 'false', '1', '0'], { message: 'true or false' });

/** The fields of an import, from the query or (multipart) the form fields before the file. */
export const IMPORT_FIELDS = z.object({
  type: z.enum(RECORD_TYPES, { message: `one of ${RECORD_TYPES.join(', ')}` }),
  format: z
    .enum(['csv', 'ndjson'], { message: 'csv or ndjson' })
    .optional()
    .openapi({ description: 'default: from the file name, else the content type' }),
  strict: TRUE_FALSE.default('false').openapi({
    description: 'all or nothing: reject the file at its first bad row',
  }),
  name: z
    .string()
    .max(200, 'at most 200 characters')
    .optional()
    .openapi({ description: 'file name (.csv, .ndjson, .gz)' }),
  idPrefix: ID_PREFIX.default(''),
});

/** In the query every field may be left to the multipart form. */
export const IMPORT_QUERY = IMPORT_FIELDS.partial();

export const IMPORT_BODY = {
  'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
  'application/x-ndjson': { schema: z.string().openapi({ format: 'binary' }) },
  'application/gzip': {
    schema: z
      .string()
      .openapi({ format: 'binary', description: '.csv.gz / .ndjson.gz (say which with name=)' }),
  },
  'multipart/form-data': {
    schema: z.object({
      type: z.enum(RECORD_TYPES).optional(),
      format: z.enum(['csv', 'ndjson']).optional(),
      strict: z.string().optional(),
      idPrefix: z.string().optional(),
      file: z.string().openapi({ format: 'binary', description: 'the file (after the other fields)' }),
    }),
  },
};

export const IMPORT_ACCEPTED = z.object({
  id: z.string().openapi({ example: 'imp-20240501-abc123' }),
  status: z.literal('queued'),
  type: z.enum(RECORD_TYPES),
  file: z.string(),
  statusUrl: z.string(),
});

export const IMPORT_STATUS = OPENAPI_REGISTRY.register(
  'ImportStatus',
  z.object({
    id: z.string(),
    state: z.string().openapi({ description: 'waiting, active, completed, failed, …' }),
    type: z.enum(RECORD_TYPES),
    file: z.string(),
    progress: z
      .unknown()
      .openapi({ description: '{rows, loaded, rejected, bytesRead, totalBytes, percent}' }),
    attemptsMade: z.number().int(),
    counts: z.unknown().openapi({ description: 'the ingest summary once finished, else null' }),
    failedReason: z.string().nullable(),
    rejects: z.object({ sample: z.array(z.unknown()), sampleLimit: z.number().int() }),
    createdAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  }),
);
