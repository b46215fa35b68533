/**
 * The incremental network signal: after every ingest batch that wrote trading relationships, the
 * touched entities' degrees and PAYS strengths are recomputed at once and their network signals marked
 * stale (scores can then say their network signals are older than their latest payments). The full
 * refresh recomputes everything later.
 */
import type { Database } from '../db/driver.js';
import { updateTouchedEntities } from '../db/metrics-repository.js';
import { addBatchHook, type BatchEvent } from './ingest-batch-loader.js';
import type { RecordType } from '../ingest/record-types.js';

/** Record types whose batches change degrees or strengths. */
const TRADING: ReadonlySet<RecordType> = new Set<RecordType>(['payments', 'supplies', 'ratings']);

/** Updates the touched entities of one batch; returns how many were updated (0 for other record types). */
export async function updateTouchedEntitySignals(db: Database, event: BatchEvent): Promise<number> {
  if (!TRADING.has(event.type) || event.touchedEntityIds.length === 0) return 0;
  return updateTouchedEntities(db, event.touchedEntityIds);
}

/** Registers the update after every ingest batch of this process; returns the function that removes it. */
export function registerTouchedEntitiesHook(db: Database): () => void {
  return addBatchHook(async (event) => {
    await updateTouchedEntitySignals(db, event);
  });
}
