/**
 * The audit trail of reads of entity data, with group commit: a request appends its events to the open
 * batch and waits; one write transaction (one UNWIND) commits the batch, and every request of the batch
 * is answered only once its events are durable. A failed or late commit fails every request of the
 * batch (UpstreamError, 503): nothing is answered unaudited, nothing is buffered past a failure.
 *
 * Batching is adaptive (as a database's log group commit): while `maxInFlight` commits run the next
 * batch fills; when one ends, everything pending is committed at once. An idle trail commits on the next turn
 * of the event loop, so a lone request waits for one write and no timer.
 */
import { randomUUID } from 'node:crypto';
import {
  appendAuditEvents,
  listAuditEvents,
  type AuditEvent,
  type AuditFilter,
  type AuditPage,
} from '../db/audit-repository.js';
import { withDeadline } from '../db/deadline.js';
import type { Database } from '../db/driver.js';
import { UpstreamError } from '../errors/app-error.js';
import { getLogger } from '../logging/logger.js';

const log = getLogger('audit');

export interface AuditOptions {
  /** Time to gather events before an idle trail commits (ms; 0 = the next turn of the event loop). */
  readonly windowMs: number;
  /** A commit not finished after this long fails its requests (ms). */
  readonly timeoutMs: number;
  /** Commits in flight at once; the next batch fills while they run. */
  readonly maxInFlight: number;
}

const DEFAULTS: AuditOptions = { windowMs: 0, timeoutMs: 5000, maxInFlight: 2 };

export type AuditInput = Omit<AuditEvent, 'id' | 'at'> & { readonly at?: string };

interface Batch {
  readonly events: AuditEvent[];
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function openBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => undefined); // a batch nobody waits for must not be an unhandled rejection
  return { events: [], done, resolve, reject };
}

export class AuditTrail {
  private open: Batch | null = null;
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly opts: AuditOptions;
  /** Commits and events written since start (for benchmarks and logs). */
  readonly stats = { commits: 0, events: 0, failures: 0 };

  constructor(
    private readonly db: Database,
    options: Partial<AuditOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Appends events to the open batch; resolves once they are committed, rejects (503) if the commit fails. */
  append(inputs: readonly AuditInput[]): Promise<void> {
    if (inputs.length === 0) return Promise.resolve();
    const batch = (this.open ??= openBatch());
    const now = new Date().toISOString();
    for (const input of inputs) batch.events.push({ ...input, id: randomUUID(), at: input.at ?? now });
    this.schedule();
    return batch.done;
  }

  /** One event (see append). */
  record(input: AuditInput): Promise<void> {
    return this.append([input]);
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight.size >= this.opts.maxInFlight) return; // a commit ending picks the batch up
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.commitOpen();
    };
    if (this.opts.windowMs > 0) setTimeout(go, this.opts.windowMs);
    else setImmediate(go);
  }

  private commitOpen(): void {
    const batch = this.open;
    if (!batch || this.inFlight.size >= this.opts.maxInFlight) return;
    this.open = null;
    const commit: Promise<void> = this.write(batch).finally(() => {
      this.inFlight.delete(commit);
      if (this.open) this.commitOpen();
    });
    this.inFlight.add(commit);
  }

  private async write(batch: Batch): Promise<void> {
    try {
      await withDeadline(appendAuditEvents(this.db, batch.events, this.opts.timeoutMs), this.opts.timeoutMs, 'Neo4j (audit write)');
      this.stats.commits += 1;
      this.stats.events += batch.events.length;
      batch.resolve();
    } catch (error) {
      this.stats.failures += 1;
      log.error({ err: (error as Error).message, events: batch.events.length }, 'audit commit failed; its requests fail');
      batch.reject(
        new UpstreamError('neo4j', 'the audit trail could not be written, so the data is not answered; retry later', error),
      );
    }
  }

  /** Waits until everything appended so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.open || this.inFlight.size > 0) {
      this.commitOpen();
      await Promise.all([...this.inFlight]);
    }
  }

  /** Events newest first, one page; `next` continues after the last one. */
  async list(filter: AuditFilter): Promise<AuditPage> {
    await this.flush();
    return listAuditEvents(this.db, filter);
  }
}

const trails = new WeakMap<Database, AuditTrail>();

/** The one audit trail of a database handle (created on first use with `options`). */
export function auditTrailOf(db: Database, options: Partial<AuditOptions> = {}): AuditTrail {
  let trail = trails.get(db);
  if (!trail) {
    trail = new AuditTrail(db, options);
    trails.set(db, trail);
  }
  return trail;
}
