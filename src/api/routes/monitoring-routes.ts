/**
 * Post-loan monitoring for analysts (role analyst or admin):
 * - GET /v1/loans/:id/monitoring: a loan's use of funds (a flow from the borrower with amounts per
 *   hop), its alerts, the borrower's weekly behaviour against its pre-loan baseline, its moving limit;
 * - GET /v1/monitoring/alerts: loan alerts of a run, newest (or most severe) first, by code and lender;
 * - GET /v1/monitoring/loans: the loans a run monitored, most severe alerts first.
 * Every answer states its purpose (X-Purpose) and is audited before it is sent, once per entity it names
 * (borrower, lender, top customers, the flow of funds, alert paths and targets).
 */
import { Router } from 'express';
import { loanAlertEntities, loanMonitoringEntities } from '../../use-cases/named-entities.js';
import { findLoanAlerts, findMonitoredLoans, readLoanMonitoring } from '../../use-cases/monitoring-reads.js';
import type { AppDeps } from '../deps.js';
import { requirePurpose, sendAudited } from '../middleware/audit.js';
import { requireRole } from '../middleware/auth.js';
import { PURPOSE_HEADERS } from '../openapi/score-schemas.js';
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
  request: { params: ID_PARAMS, query: LOAN_MONITORING_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the monitoring of the loan', content: jsonContent(LOAN_MONITORING_RESPONSE) } },
  errors: [404, 409, 503],
});

export const LOAN_ALERTS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/monitoring/alerts',
  summary: 'Loan alerts (use of funds) of a metrics run, newest and most severe first (audited)',
  request: { query: ALERTS_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'alerts', content: jsonContent(LOAN_ALERTS_RESPONSE) } },
  errors: [404, 409, 503],
});

export const MONITORED_LOANS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/monitoring/loans',
  summary: 'Loans a metrics run monitored, most severe alerts first (audited)',
  request: { query: LOANS_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'loans', content: jsonContent(MONITORED_LOANS_RESPONSE) } },
  errors: [404, 409, 503],
});

export function monitoringRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');
  const purpose = requirePurpose(deps);

  router.get(LOAN_MONITORING_ROUTE.path, analyst, purpose, LOAN_MONITORING_ROUTE.validate, async (req, res) => {
    const { params, query } = LOAN_MONITORING_ROUTE.input(res);
    const answer = await readLoanMonitoring(deps.db, params.id, query.runId ?? null);
    const entityIds = answer.monitoring ? loanMonitoringEntities(answer.monitoring) : [];
    await sendAudited(deps, req, res, { kind: 'loan-monitoring', entityIds }, answer);
  });

  router.get(LOAN_ALERTS_ROUTE.path, analyst, purpose, LOAN_ALERTS_ROUTE.validate, async (req, res) => {
    const q = LOAN_ALERTS_ROUTE.input(res).query;
    const answer = await findLoanAlerts(deps.db, q.runId ?? null, {
      code: q.code ?? null,
      lender: q.lender ?? null,
      minSeverity: q.minSeverity,
      sort: q.sort,
      limit: q.limit,
    });
    await sendAudited(deps, req, res, { kind: 'loan-alert', entityIds: answer.items.flatMap(loanAlertEntities) }, answer);
  });

  router.get(MONITORED_LOANS_ROUTE.path, analyst, purpose, MONITORED_LOANS_ROUTE.validate, async (req, res) => {
    const q = MONITORED_LOANS_ROUTE.input(res).query;
    const answer = await findMonitoredLoans(deps.db, q.runId ?? null, { lender: q.lender ?? null, alerted: q.alerted, limit: q.limit });
    const entityIds = answer.items.flatMap((l) => (l.lender ? [l.borrower, l.lender] : [l.borrower]));
    await sendAudited(deps, req, res, { kind: 'monitored-loan', entityIds }, answer);
  });

  return router;
}
