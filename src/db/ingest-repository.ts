/**
 * Writes batches of validated ingest rows: one `UNWIND $rows` statement in one managed transaction per
 * batch, so a batch is all in or all out. Transient errors are retried by the driver's managed
 * transaction; an unavailable server or a lost uniqueness race (two loaders creating the same payment
 * at once) is retried here with backoff, which is safe because every statement is idempotent.
 */
import type { GraphConflict } from '../ingest/conflicts.js';
import { DEFAULT_IDENTIFIER_MAX_GROUP } from '../ingest/identifiers.js';
import type { RecordType, RowByType } from '../ingest/record-types.js';
import { UpstreamError } from '../errors/app-error.js';
import { getLogger } from '../logging/logger.js';
import { defineQueries } from './cypher-loader.js';
import type { Database } from './driver.js';

const log = getLogger('ingest-repository');

const Q = defineQueries({
  entities: 'ingest/merge-entities',
  payments: 'ingest/merge-payments',
  supplies: 'ingest/merge-supplies',
  loans: 'ingest/merge-loans',
  flags: 'ingest/merge-flags',
  identifiers: 'ingest/merge-identifiers',
  ownerships: 'ingest/merge-ownerships',
  ratings: 'ingest/merge-ratings',
} satisfies Record<RecordType, string>);

export interface BatchWriteResult {
  /** Rows written (for payments: events new to the graph). */
  readonly written: number;
  /** Rows the graph refused (a payment id with other values, a loan or flag id of another entity…); they changed nothing. */
  readonly conflicts: readonly GraphConflict[];
}

/** Settings of the batch statements. */
export interface BatchWriteOptions {
  /** Most entities one identifier links (IDENTIFIER_MAX_GROUP; default 50). */
  readonly identifierMaxGroup?: number;
}

export interface RetryOptions {
  /** Attempts in all (default 5). */
  readonly attempts?: number;
  /** First backoff in ms, doubled each time (default 500). */
  readonly backoffMs?: number;
}

const RACE_CODE = 'Neo.ClientError.Schema.ConstraintValidationFailed';

function isRetriable(error: unknown): boolean {
  if (error instanceof UpstreamError) return true;
  const e = error as { code?: string; retriable?: boolean };
  return e.code === RACE_CODE || e.retriable === true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes one batch of `type` rows in one transaction (retried as a whole when retriable). */
export async function writeIngestBatch<T extends RecordType>(
  db: Database,
  type: T,
  rows: readonly RowByType[T][],
  options: BatchWriteOptions = {},
  retry: RetryOptions = {},
): Promise<BatchWriteResult> {
  if (rows.length === 0) return { written: 0, conflicts: [] };
  const attempts = retry.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runBatch(db, type, rows, options);
    } catch (error) {
      if (attempt >= attempts || !isRetriable(error)) throw error;
      const waitMs = (retry.backoffMs ?? 500) * 2 ** (attempt - 1);
      log.warn(
        { type, rows: rows.length, attempt, waitMs, err: (error as Error).message },
        'ingest batch failed; retrying',
      );
      await sleep(waitMs);
    }
  }
}

async function runBatch(
  db: Database,
  type: RecordType,
  rows: readonly unknown[],
  options: BatchWriteOptions,
): Promise<BatchWriteResult> {
  const params = { rows, maxGroup: options.identifierMaxGroup ?? DEFAULT_IDENTIFIER_MAX_GROUP };
  const [result] = await db.writeRows<{ written?: number; created?: number; conflicts?: GraphConflict[] }>(Q[type], params);
  return { written: result?.written ?? result?.created ?? 0, conflicts: result?.conflicts ?? [] };
}
