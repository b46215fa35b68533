/**
 * The web view's HTTP client: same-origin calls to /v1 with the analyst API key, which is entered once
 * and kept in localStorage, and the purpose of the read (X-Purpose, audited with every entity the answer
 * names): fraud_investigation for exploration, monitoring for loan monitoring. Problem responses become
 * ApiError with the server's code and detail.
 */
const KEY_STORAGE = 'creditgraph.apiKey';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function storedKey(): string | null {
  return localStorage.getItem(KEY_STORAGE);
}

export function storeKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key.trim());
}

/** Why the web view reads entity data (one of the server's default AUDIT_PURPOSES). */
export type Purpose = 'fraud_investigation' | 'monitoring' | 'account_review';

/** GET a JSON resource, stating `purpose`; throws ApiError on a non-2xx answer. */
export async function apiGet<T>(path: string, purpose: Purpose = 'fraud_investigation'): Promise<T> {
  const key = storedKey();
  const headers: Record<string, string> = { 'x-purpose': purpose };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(path, { headers });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const problem = (body ?? {}) as { code?: string; detail?: string };
    throw new ApiError(res.status, problem.code ?? 'http_error', problem.detail ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** `path?query` with undefined values left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
