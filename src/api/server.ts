/**
 * Listens and shuts down gracefully: on SIGTERM/SIGINT stop accepting, let in-flight requests finish
 * (bounded by the shutdown timeout), then close the driver and Redis.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { getLogger } from '../logging/logger.js';

const log = getLogger('server');

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  /** Stops accepting, waits for in-flight requests (at most `timeoutMs`), then runs `onClosed`. */
  close(): Promise<void>;
}

export async function listen(
  app: Express,
  host: string,
  port: number,
  timeoutMs: number,
  onClosed: () => Promise<void> = async () => {},
): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const { port: actual } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      log.info('shutting down: no new connections, finishing in-flight requests');
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await done;
      clearTimeout(timer);
      await onClosed();
      log.info('shut down');
    })());
  return { server, url, close };
}

/** Calls `close` once on SIGTERM or SIGINT. */
export function closeOnSignals(close: () => Promise<void>): void {
  const handler = (signal: string) => {
    log.info({ signal }, 'signal received');
    close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
