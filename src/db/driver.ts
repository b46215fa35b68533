/**
 * The process's one neo4j-driver instance and a small `Database` facade over managed transactions.
 * Managed transactions (executeRead / executeWrite) retry what the driver marks retriable.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Config } from '../config/index.js';
import { UpstreamError } from '../errors/app-error.js';
import { recordToObject } from './neo4j-values.js';
import { defineQueries } from './cypher-loader.js';

const Q = defineQueries({ ping: 'read/ping' });

export type Tx = ManagedTransaction;

/** Creates the driver (one per process); close it with `db.close()` on shutdown. */
export function createDriver(config: Config['neo4j']): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: config.connectTimeoutMs,
    connectionAcquisitionTimeout: Math.max(config.connectTimeoutMs * 2, 5000),
    maxTransactionRetryTime: 15000,
    // Integers arrive as JS numbers: every integer we store (epoch ms, minor units, counts) is below 2^53.
    disableLosslessIntegers: true,
    userAgent: 'creditgraph',
  });
}

/** Read and write helpers that return plain objects; the only way the rest of src/db talks to Neo4j. */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    /** Server-side timeout of a read transaction unless the caller gives one (ms). */
    readonly readTimeoutMs = 60_000,
  ) {}

  /**
   * Runs `work` in a managed read transaction (retried when retriable), stopped by the server after
   * `timeoutMs` (default `readTimeoutMs`), so a read its caller abandoned stops in Neo4j too.
   */
  async read<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.readTimeoutMs): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout: timeoutMs });
    } catch (error) {
      throw wrapError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in a managed write transaction: all in or all out, retried when retriable. */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw wrapError(error);
    } finally {
      await session.close();
    }
  }

  /** One read statement, rows as plain objects. */
  async readRows<T>(
    statement: string,
    params: Record<string, unknown> = {},
    timeoutMs?: number,
  ): Promise<T[]> {
    return this.read(
      async (tx) => (await tx.run(statement, params)).records.map((r) => recordToObject<T>(r)),
      timeoutMs,
    );
  }

  /**
   * One short read statement as an auto-commit transaction: one round trip (RUN + PULL) instead of a
   * managed transaction's BEGIN … COMMIT, for the hot path (score reads). Not retried: the caller's
   * deadline answers 503 instead. The server stops it after `timeoutMs`.
   */
  async readOnce<T>(
    statement: string,
    params: Record<string, unknown>,
    timeoutMs = this.readTimeoutMs,
  ): Promise<T[]> {
    return this.once<T>(neo4j.session.READ, statement, params, timeoutMs);
  }

  /** One statement as an auto-commit transaction in `mode`, with a server-side timeout. */
  private async once<T>(
    mode: typeof neo4j.session.READ,
    statement: string,
    params: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<T[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    try {
      const result = await session.run(statement, params, { timeout: timeoutMs });
      return result.records.map((r) => recordToObject<T>(r));
    } catch (error) {
      throw wrapError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One read statement whose rows are handed to `onRow` as they stream in (as plain objects), so a
   * result of millions of rows never sits in memory at once; resolves with the number of rows.
   * Not retried (a retry would replay rows already handed over): the caller restarts the whole read.
   */
  async streamRows<T>(
    statement: string,
    params: Record<string, unknown>,
    onRow: (row: T) => void,
  ): Promise<number> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let rows = 0;
    try {
      for await (const record of session.run(statement, params)) {
        onRow(recordToObject<T>(record));
        rows++;
      }
      return rows;
    } catch (error) {
      throw wrapError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One short write statement as an auto-commit transaction: one round trip (RUN + PULL, the commit
   * implied) instead of a managed transaction's BEGIN … COMMIT, for the hot path (the audit's group
   * commit). Not retried: the caller fails its requests instead. The server stops it after `timeoutMs`.
   */
  async writeOnce<T>(statement: string, params: Record<string, unknown>, timeoutMs: number): Promise<T[]> {
    return this.once<T>(neo4j.session.WRITE, statement, params, timeoutMs);
  }

  /** One write statement in its own transaction, rows as plain objects. */
  async writeRows<T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.write(async (tx) =>
      (await tx.run(statement, params)).records.map((r) => recordToObject<T>(r)),
    );
  }

  /** Runs a statement outside an explicit transaction (schema commands, CALL { } IN TRANSACTIONS). */
  async autoCommit(statement: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(statement, params);
    } catch (error) {
      throw wrapError(error);
    } finally {
      await session.close();
    }
  }

  /** Resolves when the server answers a query within `timeoutMs`; throws UpstreamError otherwise. */
  async ping(timeoutMs = 2000): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(Q.ping, {}, { timeout: timeoutMs });
    } catch (error) {
      throw new UpstreamError('neo4j', `Neo4j does not answer (${codeOf(error)})`, error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
]);

function wrapError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code && UNAVAILABLE.has(code)) {
    return new UpstreamError('neo4j', `Neo4j is unavailable (${code}); retry later`, error);
  }
  return error;
}

/**
 * The driver's error code, for messages that reach clients: the driver's text names internal hosts and
 * ports, so it stays in the cause (logged by the server).
 */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : 'no answer';
}

/** Builds the Database facade from config. */
export function createDatabase(config: Config['neo4j']): Database {
  return new Database(createDriver(config), config.database, config.readTimeoutMs);
}
