/**
 * Every entity an answer names, for the audit trail (pure): a read is audited once per entity it shows,
 * not only the one asked about (an ego network names up to 1,000).
 */
import type { LoanMonitoringRecord, AlertRecord } from '../monitoring/monitoring-record.js';

/** Entities of a graph answer (ego network, paths, community, ring): its nodes that are entities. */
export function graphEntities(graph: { readonly nodes: ReadonlyArray<{ readonly key: string; readonly attributes: { readonly kind: string | null } }> }): string[] {
  return graph.nodes.filter((n) => n.attributes.kind !== 'identifier').map((n) => n.key);
}

/** The borrower, the lender, and every entity on an alert's path. */
export function loanAlertEntities(a: Pick<AlertRecord, 'borrower' | 'lender' | 'path' | 'target'>): string[] {
  return [a.borrower, ...(a.lender ? [a.lender] : []), ...a.path, a.target];
}

/** Everyone a loan's monitoring names: borrower, lender, top customers, the flow of funds and alerts. */
export function loanMonitoringEntities(m: LoanMonitoringRecord): string[] {
  const out = [m.borrower, ...(m.lender ? [m.lender] : []), ...m.behaviour.topCustomers];
  if (m.flow) {
    out.push(...m.flow.nodes.map((n) => n.id), ...m.flow.edges.flatMap((e) => [e.from, e.to]));
    out.push(...m.flow.other.map((o) => o.from), ...m.flow.held.map((h) => h.id));
  }
  for (const a of m.alerts) out.push(...loanAlertEntities(a));
  return [...new Set(out)];
}

/** Members of every ring of a ranked list. */
export function ringListEntities(items: ReadonlyArray<{ readonly members: readonly string[] }>): string[] {
  return [...new Set(items.flatMap((r) => r.members))];
}
