/**
 * The web view's HTTP client: same-origin calls to /v1 with the analyst API key, which is entered once
 * and kept in localStorage. Problem responses become ApiError with the server's code and detail.
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

/** GET a JSON resource; throws ApiError on a non-2xx answer. */
export async function apiGet<T>(path: string): Promise<T> {
  const key = storedKey();
  const res = await fetch(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
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
