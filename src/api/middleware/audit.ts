/**
 * Reads of entity data state why and are audited before they are answered:
 * - `requirePurpose(deps)` answers 400 (problem+json naming the header and the allowed values) unless
 *   X-Purpose is one of AUDIT_PURPOSES; the purpose lands in `res.locals.purpose`.
 * - `sendAudited(...)` commits one audit event per entity the answer names (group commit, see
 *   score-audit.ts), then sends the answer; a failed commit answers 503 instead.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ValidationError } from '../../errors/app-error.js';
import { auditTrailOf, type AuditTrail } from '../../use-cases/score-audit.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf } from './auth.js';

export const PURPOSE_HEADER = 'X-Purpose';

/** The purpose check (after requireRole). */
export function requirePurpose(deps: AppDeps): RequestHandler {
  const allowed = deps.config.audit.purposes;
  const list = allowed.join(', ');
  return (req, res, next) => {
    const purpose = req.header(PURPOSE_HEADER)?.trim() ?? '';
    if (allowed.includes(purpose)) {
      res.locals.purpose = purpose;
      next();
      return;
    }
    const reason = purpose
      ? `unknown purpose ${JSON.stringify(purpose.slice(0, 100))}; allowed: ${list}`
      : `required: why the data is read, one of ${list}`;
    next(
      new ValidationError(`the ${PURPOSE_HEADER} header is ${purpose ? 'not an allowed purpose' : 'missing'}; send one of: ${list}`, [
        { field: `header.${PURPOSE_HEADER.toLowerCase()}`, reason },
      ]),
    );
  };
}

/** What a read returned, for the audit trail: its kind and the entities it names, and a status per entity. */
export interface AuditedRead {
  readonly kind: string;
  readonly entityIds: Iterable<string>;
  readonly status?: (entityId: string) => number;
}

/** Commits the audit events of one read (one per distinct entity); rejects with a 503 error if it cannot. */
export async function auditRead(deps: AppDeps, req: Request, res: Response, read: AuditedRead): Promise<void> {
  const key = apiKeyOf(res);
  const purpose = String(res.locals.purpose ?? '');
  const requestId = String(res.locals.requestId ?? '');
  const route = `${req.method} ${String(req.route?.path ?? req.path)}`;
  const statusOf = read.status ?? (() => 200);
  const events = [...new Set(read.entityIds)].map((entityId) => ({
    keyId: key.id,
    role: key.role,
    entityId,
    purpose,
    kind: read.kind,
    route,
    status: statusOf(entityId),
    requestId,
  }));
  await auditTrailFor(deps).append(events);
}

/** The audit trail of the app: deps.audit, or the one of its database. */
export function auditTrailFor(deps: AppDeps): AuditTrail {
  return deps.audit ?? auditTrailOf(deps.db, { timeoutMs: Math.max(deps.config.scoring.timeoutMs, 1000) });
}

/** Audits the read, then answers `body` as JSON (never unaudited). */
export async function sendAudited(deps: AppDeps, req: Request, res: Response, read: AuditedRead, body: unknown): Promise<void> {
  await auditRead(deps, req, res, read);
  res.json(body);
}
