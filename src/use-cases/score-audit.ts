/**
 * The audit trail of score requests, written in batches: events are buffered in memory and appended to
 * Neo4j as (:AuditEvent) nodes every second or every 500 events, whichever comes first. Reading the trail
 * flushes first, so GET /v1/audit always sees every answered request. A failed flush keeps the events
 * (up to 50,000) for the next attempt; a hard crash can lose at most the last second.
 */
import { randomUUID } from 'node:crypto';
import {
  appendAuditEvents,
  listAuditEvents,
  type AuditEvent,
  type AuditFilter,
} from '../db/audit-repository.js';
import type { Database } from '../db/driver.js';
import { getLogger } from '../logging/logger.js';

const log = getLogger('audit');

export interface AuditOptions {
  readonly flushMs: number;
  readonly batchSize: number;
  readonly maxBuffered: number;
}

const DEFAULTS: AuditOptions = { flushMs: 1000, batchSize: 500, maxBuffered: 50_000 };

export type AuditInput = Omit<AuditEvent, 'id' | 'at'> & { readonly at?: string };

export class AuditTrail {
  private buffer: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly opts: AuditOptions;

  constructor(
    private readonly db: Database,
    options: Partial<AuditOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Queues one event (never throws, never waits). */
  record(input: AuditInput): void {
    this.buffer.push({ id: randomUUID(), at: input.at ?? new Date().toISOString(), ...input } as AuditEvent);
    if (this.buffer.length > this.opts.maxBuffered) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.opts.maxBuffered);
      log.error({ dropped: dropped.length }, 'audit buffer full; oldest events dropped');
    }
    if (this.buffer.length >= this.opts.batchSize) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.opts.flushMs);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far (serialised with other flushes). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  private async writeBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.opts.batchSize);
      try {
        await appendAuditEvents(this.db, batch);
      } catch (error) {
        this.buffer.unshift(...batch);
        log.warn(
          { err: (error as Error).message, pending: this.buffer.length },
          'audit flush failed; will retry',
        );
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.opts.flushMs * 5);
          this.timer.unref();
        }
        return;
      }
    }
  }

  /** Flushes, then reads events newest first. */
  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    await this.flush();
    return listAuditEvents(this.db, filter);
  }
}

const trails = new WeakMap<Database, AuditTrail>();

/** The one audit trail of a database handle (created on first use). */
export function auditTrailOf(db: Database): AuditTrail {
  let trail = trails.get(db);
  if (!trail) {
    trail = new AuditTrail(db);
    trails.set(db, trail);
  }
  return trail;
}
