/**
 * What the logs never carry: secrets in headers (API keys, cookies), in config (passwords, HMAC keys,
 * credentials in URLs) or in query strings. Pure helpers used by the logger, the request serializers and
 * the config errors.
 */

/** Stand-in for a removed secret. */
export const REDACTED = '[redacted]';

/** Config variables and fields whose values are secrets (NEO4J_PASSWORD, IDENTIFIER_HMAC_KEY, any *_SECRET…). */
export const SECRET_NAME = /pass(word)?|secret|hmac|token|api[-_]?key|credential|authorization|cookie/i;

/**
 * Paths pino removes from every log line (defence in depth: the request serializers log no headers).
 * Kept short and without deep wildcards, so redaction costs little per line.
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'password',
  '*.password',
  'neo4j.password',
  'config.neo4j.password',
  'identifiers.hmacKey',
  'config.identifiers.hmacKey',
  // an ioredis error carries the failed command with its arguments (AUTH's are the password)
  'err.command',
  'err.cause.command',
];

/** `scheme://user:pass@host` → `scheme://user:[redacted]@host` (also a bare `:pass@`). */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*):([^/@\s]*)@/gi, (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`);
}

/**
 * A request target for the logs: the path, and the query with the values of secret-looking parameters
 * (api_key, token, password…) replaced.
 */
export function redactRequestUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_NAME.test(decodeSafely(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
