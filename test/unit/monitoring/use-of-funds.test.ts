import assert from 'node:assert/strict';
import { monitorLoans, type LoanMonitoring } from '../../../src/monitoring/monitor-loans.js';
import { network, ms, type NetworkSpec, type TestNetwork } from '../../helpers/monitoring-network.js';

/** The loan's alerts as readable rows: code, severity, amount, path of names. */
function alertsOf(net: TestNetwork, m: LoanMonitoring): { code: string; severity: string; amount: number; path: string }[] {
  return m.alerts.map((a) => ({ code: a.code, severity: a.severity, amount: a.amount, path: a.path.map(net.name).join('>') }));
}

function monitor(spec: NetworkSpec): { net: TestNetwork; loan: LoanMonitoring } {
  const net = network(spec);
  const run = monitorLoans(net.input);
  assert.equal(run.loans.length, 1, 'one open loan');
  return { net, loan: run.loans[0]! };
}

/** Loan money moved along a→b (at any hop). */
function flowed(net: TestNetwork, m: LoanMonitoring, a: string, b: string): number {
  return (m.funds?.trace.edges ?? []).filter((e) => net.name(e.from) === a && net.name(e.to) === b).reduce((s, e) => s + e.amount, 0);
}

// The borrower B, its lender L, long-standing supplier S (supply link and payments for years),
// intermediaries X and Y, and Bad (flagged in January).
const BASE = {
  entities: ['B', 'L', 'S', 'X', 'Y', 'Z', 'Bad', 'C', 'M', 'R', 'P', 'N1', 'N2'],
  supplies: [['S', 'B', '2020-01-01']] as const,
  flags: [['Bad', '2024-01-10']] as const,
  loans: [{ id: 'L1', borrower: 'B', lender: 'L', amount: 10000, opened: '2024-03-01' }],
  asOf: '2024-06-01',
};
// payments that make X and Y established counterparties of B long before the loan
const HISTORY = [
  ['B', 'S', '2023-06-01', 2000],
  ['B', 'X', '2023-06-02', 500],
  ['B', 'Y', '2023-06-03', 500],
] as const;

describe('use of funds (FIFO tracing)', () => {
  it('funds to long-standing suppliers raise nothing, even when the suppliers pay on', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [...HISTORY, ['L', 'B', '2024-03-01T10:00', 10000], ['B', 'S', '2024-03-02', 6000], ['B', 'X', '2024-03-03', 4000], ['S', 'Z', '2024-03-05', 6000], ['Z', 'N1', '2024-03-06', 6000]],
    });
    assert.deepEqual(alertsOf(net, loan), []);
    assert.equal(flowed(net, loan, 'B', 'S'), 6000);
    assert.equal(flowed(net, loan, 'S', 'Z'), 6000);
    assert.equal(flowed(net, loan, 'Z', 'N1'), 6000, 'followed to hop 3');
    assert.deepEqual(loan.funds?.trace.byHop, [0, 10000, 6000, 6000]);
    assert.equal(loan.disbursement?.source, 'lender-payment');
    assert.equal(loan.disbursement?.at, ms('2024-03-01T10:00'));
  });

  it('money that arrived before the loan is spent first and is not loan money', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [
        ...HISTORY,
        ['C', 'B', '2024-02-27', 6000], // the borrower's own money, two days before
        ['L', 'B', '2024-03-01', 10000],
        ['B', 'Bad', '2024-03-02', 6000], // takes C's money (first in)
        ['B', 'S', '2024-03-03', 7000], // 7000 of the loan
      ],
    });
    assert.deepEqual(alertsOf(net, loan), []);
    assert.equal(flowed(net, loan, 'B', 'Bad'), 0);
    assert.equal(flowed(net, loan, 'B', 'S'), 7000);
    assert.deepEqual(loan.funds?.trace.held.map((h) => [net.name(h.entity), h.amount]), [['B', 3000], ['S', 7000]]);
  });

  it("an intermediary's own earlier money leaves before the loan money it receives", () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [
        ...HISTORY,
        ['Y', 'X', '2024-02-25', 5000], // X's own balance
        ['L', 'B', '2024-03-01', 10000],
        ['B', 'X', '2024-03-02', 5000],
        ['X', 'Bad', '2024-03-03', 5000], // X's own money, not the loan's
        ['X', 'Z', '2024-03-04', 2000], // loan money
      ],
    });
    assert.deepEqual(alertsOf(net, loan), []);
    assert.equal(flowed(net, loan, 'X', 'Bad'), 0);
    assert.equal(flowed(net, loan, 'X', 'Z'), 2000);
  });

  it('FUNDS_TO_BAD: loan money reaching a flagged entity two hops out, with its path and amount', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 9000], ['X', 'Bad', '2024-03-04', 9000]],
    });
    assert.deepEqual(alertsOf(net, loan), [{ code: 'FUNDS_TO_BAD', severity: 'high', amount: 9000, path: 'B>X>Bad' }]);
    assert.equal(loan.alerts[0]?.at, ms('2024-03-04'));
    assert.equal(loan.alerts[0]?.share, 0.9);
  });

  it('ROUND_TRIP: money coming back to the borrower, or to an entity sharing its identifier or owner', () => {
    const back = monitor({
      ...BASE,
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 8000], ['X', 'Y', '2024-03-03', 8000], ['Y', 'B', '2024-03-04', 7000]],
    });
    assert.deepEqual(alertsOf(back.net, back.loan), [{ code: 'ROUND_TRIP', severity: 'high', amount: 7000, path: 'B>X>Y>B' }]);
    assert.equal(back.loan.alerts[0]?.detail, 'back to the borrower');

    const shared = monitor({
      ...BASE,
      identifiers: [['B', 'R']],
      ownerships: [['P', 'B']],
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 3000], ['X', 'R', '2024-03-03', 3000], ['B', 'P', '2024-03-05', 1500]],
    });
    assert.deepEqual(alertsOf(shared.net, shared.loan), [
      { code: 'ROUND_TRIP', severity: 'medium', amount: 3000, path: 'B>X>R' },
      { code: 'ROUND_TRIP', severity: 'low', amount: 1500, path: 'B>P' },
    ]);
    assert.deepEqual(
      shared.loan.alerts.map((a) => a.detail),
      ['shares an identifier with the borrower', 'owner or director of the borrower'],
    );
  });

  it("LOAN_STACKING: paying the lender of the borrower's other open loan, directly or through the network", () => {
    const loans = [...BASE.loans, { id: 'L2', borrower: 'B', lender: 'M', amount: 5000, opened: '2023-09-01' }];
    const net = network({
      ...BASE,
      loans: [loans[0]!, { ...loans[1]!, status: 'late' as const }],
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['M', 'B', '2023-09-01', 5000], ['B', 'M', '2024-03-02', 6000]],
    });
    // L2 is open too, so the run monitors both loans
    const l1 = monitorLoans(net.input).loans.find((m) => m.loanId === 'L1')!;
    assert.deepEqual(alertsOf(net, l1), [{ code: 'LOAN_STACKING', severity: 'high', amount: 6000, path: 'B>M' }]);
    assert.equal(l1.alerts[0]?.detail, 'lender of loan L2 of the borrower');

    const via = network({
      ...BASE,
      loans: [loans[0]!, { ...loans[1]!, closed: '2024-03-20', status: 'repaid' as const }],
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 5000], ['X', 'M', '2024-03-03', 5000]],
    });
    const [m] = monitorLoans(via.input).loans;
    assert.deepEqual(alertsOf(via, m!), [{ code: 'LOAN_STACKING', severity: 'high', amount: 5000, path: 'B>X>M' }]);
  });

  it('LOAN_STACKING at hop 1 only for a lender of an unrelated loan; a repaid other loan is not stacked', () => {
    const other = { id: 'L9', borrower: 'Z', lender: 'M', amount: 5000, opened: '2023-09-01', closed: '2023-12-01', status: 'repaid' as const };
    const hop1 = monitor({ ...BASE, loans: [...BASE.loans, other], payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'M', '2024-03-02', 3000]] });
    assert.deepEqual(alertsOf(hop1.net, hop1.loan), [{ code: 'LOAN_STACKING', severity: 'medium', amount: 3000, path: 'B>M' }]);
    assert.equal(hop1.loan.alerts[0]?.detail, 'lender of loan L9');

    const hop2 = monitor({ ...BASE, loans: [...BASE.loans, other], payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 3000], ['X', 'M', '2024-03-03', 3000]] });
    assert.deepEqual(alertsOf(hop2.net, hop2.loan), []);
  });

  it('NO_PRIOR_RELATIONSHIP: most of the loan paid to payees the borrower never dealt with before', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'N1', '2024-03-02', 3500], ['B', 'N2', '2024-03-02', 3500], ['B', 'S', '2024-03-03', 3000]],
    });
    // N1 and N2 paid at the same instant with the same amount: the earlier payee id comes first
    assert.deepEqual(alertsOf(net, loan), [{ code: 'NO_PRIOR_RELATIONSHIP', severity: 'low', amount: 7000, path: 'B>N1' }]);
    assert.equal(loan.alerts[0]?.share, 0.7);
    assert.equal(loan.alerts[0]?.detail, '2 payees with no payment or supply link before the loan');
  });

  it('a supply link, or a payment either way, before the loan counts as a prior relationship', () => {
    const { net, loan } = monitor({
      ...BASE,
      supplies: [['S', 'B', '2020-01-01'], ['B', 'N1', '2023-01-01']],
      payments: [...HISTORY, ['N2', 'B', '2023-11-01', 100], ['L', 'B', '2024-03-01', 10000], ['B', 'N1', '2024-03-02', 5000], ['B', 'N2', '2024-03-02', 5000]],
    });
    assert.deepEqual(alertsOf(net, loan), []);
  });

  it('reads the loan currency only, stops at the window, the hop limit and small pieces', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [
        ...HISTORY,
        ['L', 'B', '2024-03-01', 10000],
        ['B', 'Bad', '2024-03-02', 9000, 'EUR'], // another currency: not the loan's money
        ['B', 'X', '2024-03-03', 9950],
        ['X', 'Y', '2024-03-04', 9850],
        ['X', 'N1', '2024-03-04', 50], // 0.5 %: a piece too small to follow
        ['N1', 'Bad', '2024-03-05', 50],
        ['Y', 'Z', '2024-03-05', 9850],
        ['Z', 'Bad', '2024-03-06', 9850], // a fourth hop: not followed
        ['B', 'Bad', '2024-04-15', 50], // after the 30-day window
      ],
    });
    assert.deepEqual(alertsOf(net, loan), []);
    assert.equal(flowed(net, loan, 'Y', 'Z'), 9850);
    assert.equal(flowed(net, loan, 'Z', 'Bad'), 0);
    assert.equal(flowed(net, loan, 'N1', 'Bad'), 0);
    assert.equal(loan.funds?.trace.stopped, 9850 + 50, 'at Z (hop 3) and N1 (small)');
    assert.equal(loan.funds?.windowEnd, ms('2024-03-31'));
  });

  it('passes money along a chain of payments at the same instant (fewest hops first)', () => {
    const { net, loan } = monitor({
      ...BASE,
      payments: [...HISTORY, ['X', 'Bad', '2024-03-02', 8000], ['L', 'B', '2024-03-01', 10000], ['B', 'X', '2024-03-02', 8000]],
    });
    assert.deepEqual(alertsOf(net, loan), [{ code: 'FUNDS_TO_BAD', severity: 'high', amount: 8000, path: 'B>X>Bad' }]);
  });

  it('takes the disbursement from the loan record when given, and traces nothing without one', () => {
    const recorded = monitor({
      ...BASE,
      loans: [{ id: 'L1', borrower: 'B', amount: 10000, opened: '2024-02-20', disbursed: '2024-03-01' }],
      payments: [...HISTORY, ['B', 'X', '2024-03-02', 4000], ['X', 'Bad', '2024-03-03', 4000]],
    });
    assert.equal(recorded.loan.disbursement?.source, 'record');
    assert.deepEqual(alertsOf(recorded.net, recorded.loan), [{ code: 'FUNDS_TO_BAD', severity: 'high', amount: 4000, path: 'B>X>Bad' }]);

    const none = monitor({ ...BASE, loans: [{ id: 'L1', borrower: 'B', amount: 10000, opened: '2024-03-01' }], payments: [...HISTORY, ['B', 'Bad', '2024-03-02', 4000]] });
    assert.equal(none.loan.disbursement, null);
    assert.equal(none.loan.funds, null);
    assert.deepEqual(none.loan.alerts, []);
    assert.equal(none.loan.originAt, ms('2024-03-01'));
  });

  it('a recorded disbursement and the lender payment that made it are counted once', () => {
    const { net, loan } = monitor({
      ...BASE,
      loans: [{ id: 'L1', borrower: 'B', lender: 'L', amount: 10000, opened: '2024-03-01', disbursed: '2024-03-01' }],
      payments: [...HISTORY, ['L', 'B', '2024-03-01T09:00', 10000], ['B', 'X', '2024-03-02', 10000], ['B', 'Bad', '2024-03-03', 5000]],
    });
    assert.equal(flowed(net, loan, 'B', 'X'), 10000);
    assert.deepEqual(alertsOf(net, loan), [], 'the second payment is not loan money');
  });

  it('repaying its own lender is not an alert; the money stops there', () => {
    const { net, loan } = monitor({ ...BASE, payments: [...HISTORY, ['L', 'B', '2024-03-01', 10000], ['B', 'L', '2024-03-10', 10000]] });
    assert.deepEqual(alertsOf(net, loan), []);
    assert.equal(loan.funds?.trace.terminals[0]?.code, 'LENDER');
  });

  it('only monitors loans open at the as-of time', () => {
    const net = network({
      ...BASE,
      loans: [
        { id: 'open', borrower: 'B', amount: 1, opened: '2024-03-01' },
        { id: 'repaid', borrower: 'B', amount: 1, opened: '2024-03-01', closed: '2024-04-01', status: 'repaid' },
        { id: 'future', borrower: 'B', amount: 1, opened: '2024-07-01' },
        { id: 'defaulted', borrower: 'X', amount: 1, opened: '2024-01-01', closed: '2024-05-01', status: 'defaulted' },
      ],
    });
    assert.deepEqual(monitorLoans(net.input).loans.map((m) => m.loanId), ['open']);
  });
});
