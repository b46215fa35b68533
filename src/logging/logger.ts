/**
 * pino JSON logging: one root logger, a child per module, and the request id carried through
 * AsyncLocalStorage so every line logged while serving a request names it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type Level } from 'pino';
import { REDACT_PATHS, REDACTED } from './redact.js';

const context = new AsyncLocalStorage<{ requestId: string }>();

const root: Logger = pino({
  level: 'info',
  base: { service: 'creditgraph' },
  // no secret in any line: request serializers log no headers; these paths are removed if anything else does
  redact: { paths: [...REDACT_PATHS], censor: REDACTED },
  mixin: () => {
    const store = context.getStore();
    return store ? { reqId: store.requestId } : {};
  },
});

const children = new Map<string, Logger>();

/** The logger of one module (cached); its lines carry `module`. */
export function getLogger(module: string): Logger {
  let child = children.get(module);
  if (!child) {
    child = root.child({ module });
    children.set(module, child);
  }
  return child;
}

/** Sets the level of the root logger and every module logger (called once with the config's level). */
export function setLogLevel(level: Level | 'silent'): void {
  root.level = level;
  for (const child of children.values()) child.level = level;
}

/** Runs `fn` with `requestId` attached to every log line written inside it. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

export type { Logger };
