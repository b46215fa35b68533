/** Polls `check` every `everyMs` until it returns a value other than undefined; fails after `maxMs`. */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined>, maxMs = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + maxMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`${what}: not reached within ${maxMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
