/**
 * Post-loan monitoring for analysts (role analyst or admin):
 * - GET /v1/loans/:id/monitoring: a loan's use of funds (a flow from the borrower with amounts per
 *   hop), its alerts, the borrower's weekly behaviour against its pre-loan baseline, its moving limit;
 * - GET /v1/monitoring/alerts: loan alerts of a run, newest (or most severe) first, by code and lender;
 * - GET /v1/monitoring/loans: the loans a run monitored, most severe alerts first.
 * Reads are audited like other reads of entity data (the borrowers they show).
 */
import { Router, type Request, type Response } from 'express';
import { auditTrailOf } from '../../use-cases/score-audit.js';
import { findLoanAlerts, findMonitoredLoans, readLoanMonitoring } from '../../use-cases/monitoring-reads.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import {
  ALERTS_QUERY,
  LOAN_ALERTS_RESPONSE,
  LOAN_MONITORING_QUERY,
  LOAN_MONITORING_RESPONSE,
  LOANS_QUERY,
  MONITORED_LOANS_RESPONSE,
} from '../openapi/monitoring-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

const ANALYST = { tags: ['monitoring'], roles: ['analyst', 'admin'] } as const;

export const LOAN_MONITORING_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/loans/:id/monitoring',
  summary: "A loan's use of funds, alerts, behaviour since origination and moving limit (audited)",
  request: { params: ID_PARAMS, query: LOAN_MONITORING_QUERY },
  responses: { 200: { description: 'the monitoring of the loan', content: jsonContent(LOAN_MONITORING_RESPONSE) } },
  errors: [404, 409, 503],
});

export const LOAN_ALERTS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/monitoring/alerts',
  summary: 'Loan alerts (use of funds) of a metrics run, newest and most severe first (audited)',
  request: { query: ALERTS_QUERY },
  responses: { 200: { description: 'alerts', content: jsonContent(LOAN_ALERTS_RESPONSE) } },
  errors: [404, 409, 503],
});

export const MONITORED_LOANS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/monitoring/loans',
  summary: 'Loans a metrics run monitored, most severe alerts first (audited)',
  request: { query: LOANS_QUERY },
  responses: { 200: { description: 'loans', content: jsonContent(MONITORED_LOANS_RESPONSE) } },
  errors: [404, 409, 503],
});

/** Records who read which borrowers' monitoring (the score audit trail), once the answer is sent. */
function audit(deps: AppDeps, req: Request, res: Response, entityIds: Iterable<string>): void {
  const key = apiKeyOf(res);
  const purpose = String(req.header('x-purpose') ?? '').slice(0, 200);
  const route = `${req.method} ${req.route?.path ?? req.path}`;
  const requestId = String(res.locals.requestId ?? '');
  const ids = [...new Set(entityIds)];
  res.once('finish', () => {
    const trail = auditTrailOf(deps.db);
    for (const entityId of ids) trail.record({ keyId: key.id, role: key.role, entityId, purpose, route, status: res.statusCode, requestId });
  });
}

export function monitoringRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');

  router.get(LOAN_MONITORING_ROUTE.path, analyst, LOAN_MONITORING_ROUTE.validate, async (req, res) => {
    const { params, query } = LOAN_MONITORING_ROUTE.input(res);
    const answer = await readLoanMonitoring(deps.db, params.id, query.runId ?? null);
    audit(deps, req, res, answer.monitoring ? [answer.monitoring.borrower] : []);
    res.json(answer);
  });

  router.get(LOAN_ALERTS_ROUTE.path, analyst, LOAN_ALERTS_ROUTE.validate, async (req, res) => {
    const q = LOAN_ALERTS_ROUTE.input(res).query;
    const answer = await findLoanAlerts(deps.db, q.runId ?? null, {
      code: q.code ?? null,
      lender: q.lender ?? null,
      minSeverity: q.minSeverity,
      sort: q.sort,
      limit: q.limit,
    });
    audit(deps, req, res, answer.items.map((a) => a.borrower));
    res.json(answer);
  });

  router.get(MONITORED_LOANS_ROUTE.path, analyst, MONITORED_LOANS_ROUTE.validate, async (req, res) => {
    const q = MONITORED_LOANS_ROUTE.input(res).query;
    const answer = await findMonitoredLoans(deps.db, q.runId ?? null, { lender: q.lender ?? null, alerted: q.alerted, limit: q.limit });
    audit(deps, req, res, answer.items.map((l) => l.borrower));
    res.json(answer);
  });

  return router;
}
