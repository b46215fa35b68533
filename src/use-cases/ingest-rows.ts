/**
 * Loads records posted as a JSON array (POST /v1/<type>): validates each, writes the good ones in
 * batches (each batch one transaction), and answers counts with every bad row's index and reason.
 */
import type { Database } from '../db/driver.js';
import type { FieldProblem } from '../errors/app-error.js';
import type { RecordType } from '../ingest/record-types.js';
import { validateRecord } from '../ingest/validate-record.js';
import { BatchLoader, type BatchHook } from './ingest-batch-loader.js';
import type { IngestRules } from './ingest-file.js';

export interface IngestRowsResult {
  readonly type: RecordType;
  readonly received: number;
  /** Rows accepted (new, or already present with the same values). */
  readonly loaded: number;
  /** Rows the database newly wrote (payments: new events). */
  readonly written: number;
  readonly repeats: number;
  readonly rejected: number;
  /** One entry per problem: `row` is the 0-based index in the posted array. */
  readonly errors: readonly FieldProblem[];
}

export interface IngestRowsOptions extends IngestRules {
  readonly batchRows: number;
  readonly idPrefix?: string;
  readonly onBatch?: BatchHook;
}

export async function ingestRows(
  db: Database,
  type: RecordType,
  records: readonly unknown[],
  options: IngestRowsOptions,
): Promise<IngestRowsResult> {
  const errors: FieldProblem[] = [];
  let rejected = 0;
  const loader = new BatchLoader(
    db,
    type,
    { batchRows: options.batchRows, onBatch: options.onBatch, identifierMaxGroup: options.identifierMaxGroup, writers: options.writers },
    async (r) => {
      rejected += 1;
      for (const p of r.problems)
        errors.push({ row: r.at, ...(p.field === undefined ? {} : { field: p.field }), reason: p.reason });
    },
  );
  let failed = true;
  try {
    for (const [index, record] of records.entries()) {
      const result = validateRecord(type, record, {
        idPrefix: options.idPrefix ?? '',
        identifierHmacKey: options.identifierHmacKey,
      });
      if (result.ok) await loader.add(index, result.row);
      else {
        rejected += 1;
        for (const p of result.problems)
          errors.push({ row: index, ...(p.field === undefined ? {} : { field: p.field }), reason: p.reason });
      }
    }
    await loader.flush();
    failed = false;
  } finally {
    await loader.close(failed);
  }
  return {
    type,
    received: records.length,
    loaded: loader.loaded,
    written: loader.written,
    repeats: loader.repeats,
    rejected,
    errors,
  };
}
