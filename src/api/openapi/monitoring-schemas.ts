/** Request and response schemas of the post-loan monitoring routes. */
import { z } from 'zod';
import { ALERT_CODES, SEVERITIES } from '../../monitoring/monitoring-options.js';
import { OPENAPI_REGISTRY } from './registry.js';
import { idParam, intParam } from './params.js';

const runParam = { runId: idParam.optional().openapi({ description: 'metrics run (default: the run in service)' }) };
const minor = (description: string) => z.number().openapi({ description: `${description} (minor units)` });
const instant = z.string().openapi({ description: 'ISO-8601 date-time (UTC)' });
const code = z.enum(ALERT_CODES, { message: `one of ${ALERT_CODES.join(', ')}` });
const severity = z.enum(SEVERITIES, { message: `one of ${SEVERITIES.join(', ')}` });

export const LOAN_MONITORING_QUERY = z.object(runParam);

export const ALERTS_QUERY = z.object({
  ...runParam,
  code: code.optional().openapi({ description: 'only alerts of this code' }),
  lender: idParam.optional().openapi({ description: 'only alerts on loans of this lender (entity id)' }),
  minSeverity: severity.default('low').openapi({ description: 'only alerts at least this severe' }),
  sort: z
    .enum(['newest', 'severity'], { message: 'newest or severity' })
    .default('newest')
    .openapi({ description: 'newest: by time (then most severe); severity: most severe (then newest)' }),
  limit: intParam(1, 1000, 100),
});

export const LOANS_QUERY = z.object({
  ...runParam,
  lender: idParam.optional().openapi({ description: 'only loans of this lender (entity id)' }),
  alerted: z
    .enum(['true', 'false'], { message: 'true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'only loans with alerts' }),
  limit: intParam(1, 1000, 100),
});

export const LOAN_ALERT_SCHEMA = OPENAPI_REGISTRY.register(
  'LoanAlert',
  z.object({
    loanId: z.string(),
    borrower: z.string(),
    lender: z.string().nullable(),
    currency: z.string(),
    code,
    severity,
    amountMinor: minor('loan money that reached the target'),
    share: z.number().openapi({ description: 'of the disbursement, 0–1' }),
    path: z.array(z.string()).openapi({ description: 'entity ids from the borrower to the target' }),
    target: z.string(),
    hop: z.number().int(),
    at: instant.openapi({ description: 'when loan money first reached the target' }),
    detail: z.string(),
  }),
);

const FLOW = z.object({
  windowEnd: instant,
  nodes: z.array(
    z.object({
      id: z.string(),
      hop: z.number().int(),
      receivedMinor: minor('loan money received'),
      role: z.enum(['borrower', 'lender', 'target', 'intermediary']),
      alerts: z.array(code),
    }),
  ),
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      hop: z.number().int(),
      amountMinor: minor('loan money along the edge'),
      firstAt: instant,
      alert: code.nullable(),
    }),
  ),
  other: z.array(z.object({ from: z.string(), hop: z.number().int(), amountMinor: z.number(), payees: z.number().int() })),
  byHop: z.array(z.number()).openapi({ description: 'loan money arriving at hops 1, 2, 3' }),
  stoppedMinor: minor('loan money that arrived where it was not followed (beyond the last hop, or too small)'),
  held: z.array(z.object({ id: z.string(), hop: z.number().int(), amountMinor: z.number() })),
});

const WEEK = z.object({
  week: z.number().int().openapi({ description: 'weeks from origination (negative: the baseline)' }),
  start: instant,
  end: instant,
  inflowMinor: z.number(),
  outflowMinor: z.number(),
  recentInflowMinor: z.number(),
  lostCustomers: z.number().int(),
  badShare: z.number(),
  badCounterparties: z.number().int(),
  communityRiskChange: z.number().nullable(),
  limitMinor: z.number().nullable(),
});

const MONITORING = z.object({
  loanId: z.string(),
  borrower: z.string(),
  lender: z.string().nullable(),
  currency: z.string(),
  amountMinor: z.number(),
  status: z.string(),
  originAt: instant,
  disbursement: z.object({ at: instant, amountMinor: z.number(), source: z.string() }).nullable(),
  tracedMinor: minor('loan money the borrower paid out within the window'),
  retainedMinor: minor('loan money the borrower still held at the end of the window'),
  alertCount: z.number().int(),
  severity: severity.nullable(),
  limit: z.object({
    baseMinor: z.number(),
    amountMinor: z.number(),
    factors: z.array(z.object({ name: z.string(), factor: z.number() })),
    alertSeverity: severity.nullable(),
  }),
  behaviour: z.object({
    baselineInflowMinor: z.number(),
    baselineOutflowMinor: z.number(),
    baselineBadShare: z.number(),
    topCustomers: z.array(z.string()),
    weeks: z.array(WEEK),
  }),
  score: z
    .object({ atOrigin: z.number().nullable(), now: z.number().nullable(), change: z.number().nullable(), reasons: z.array(z.string()) })
    .nullable(),
  flow: FLOW.nullable(),
  alerts: z.array(LOAN_ALERT_SCHEMA),
});

export const LOAN_MONITORING_RESPONSE = OPENAPI_REGISTRY.register(
  'LoanMonitoring',
  z.object({
    loanId: z.string(),
    runId: z.string().nullable(),
    runFinishedAt: z.string().nullable(),
    monitored: z.boolean().openapi({ description: 'false when no run in service monitored the loan (not open, or no run yet)' }),
    computedAt: z.string().nullable(),
    monitoring: MONITORING.nullable(),
  }),
);

export const LOAN_ALERTS_RESPONSE = OPENAPI_REGISTRY.register(
  'LoanAlerts',
  z.object({ runId: z.string().nullable(), total: z.number().int(), items: z.array(LOAN_ALERT_SCHEMA) }),
);

export const MONITORED_LOANS_RESPONSE = OPENAPI_REGISTRY.register(
  'MonitoredLoans',
  z.object({
    runId: z.string().nullable(),
    total: z.number().int(),
    items: z.array(
      z.object({
        loanId: z.string(),
        borrower: z.string(),
        lender: z.string().nullable(),
        currency: z.string(),
        amountMinor: z.number(),
        status: z.string(),
        originAt: instant,
        disbursedAt: instant.nullable(),
        tracedMinor: z.number(),
        retainedMinor: z.number(),
        alertCount: z.number().int(),
        severity: severity.nullable(),
        limitMinor: z.number(),
      }),
    ),
  }),
);
