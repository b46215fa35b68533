/**
 * Bounds a Neo4j call in time: the driver retries an unreachable server for up to its retry budget, but a
 * request path must answer quickly, so after `ms` the caller gets an UpstreamError (503 + Retry-After).
 * The abandoned call finishes (or fails) in the background and is ignored.
 */
import { UpstreamError } from '../errors/app-error.js';

export async function withDeadline<T>(work: Promise<T>, ms: number, what = 'Neo4j'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UpstreamError('neo4j', `${what} did not answer within ${ms} ms`)),
      ms,
    );
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
