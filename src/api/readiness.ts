/**
 * What /readyz says about a failed dependency: a stable reason code and a short message, never the raw
 * driver error (which names internal hosts and ports). The raw error goes to the server's log only.
 */

export interface CheckResult {
  readonly ok: boolean;
  /** e.g. `neo4j_unreachable`, `redis_timeout` (absent when ok). */
  readonly code?: string;
  readonly error?: string;
}

type Service = 'neo4j' | 'redis';

const NAMES: Record<Service, string> = { neo4j: 'Neo4j', redis: 'Redis' };

/** The reason of a failed check, from the error (and its cause) without repeating its text. */
export function describeFailure(service: Service, error: unknown): CheckResult {
  const name = NAMES[service];
  const text = errorText(error);
  if (/Unauthorized|authentication failure|NOAUTH|WRONGPASS|invalid username-password/i.test(text)) {
    return { ok: false, code: `${service}_auth`, error: `${name} refuses the configured credentials` };
  }
  if (/no answer within|did not answer within|timed? ?out|ETIMEDOUT/i.test(text)) {
    return { ok: false, code: `${service}_timeout`, error: `${name} does not answer in time` };
  }
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ServiceUnavailable|SessionExpired|Failed to connect|Connection is closed|Stream isn't writeable|enableOfflineQueue|connection/i.test(text)) {
    return { ok: false, code: `${service}_unreachable`, error: `${name} cannot be reached` };
  }
  return { ok: false, code: `${service}_error`, error: `${name} answered with an error (see the server log)` };
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    parts.push(String(e.code ?? ''), String(e.message ?? ''));
    current = e.cause;
  }
  return parts.join(' ');
}
