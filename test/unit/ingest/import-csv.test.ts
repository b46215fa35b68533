import assert from 'node:assert/strict';
import {
  csvText,
  csvTime,
  entityLine,
  hasLineBreak,
  IMPORT_FILES,
  loanLine,
  ownershipLine,
  paidLine,
  paysLine,
  referredEntityLine,
} from '../../../src/ingest/import-csv.js';
import { validateRecord } from '../../../src/ingest/validate-record.js';

describe('import-csv (offline importer files)', () => {
  it('quotes every string, doubles quotes, and leaves null empty (no property)', () => {
    assert.equal(csvText('a,b'), '"a,b"');
    assert.equal(csvText('say "hi"'), '"say ""hi"""');
    assert.equal(csvText(null), '');
  });

  it('writes times as UTC datetimes with milliseconds', () => {
    assert.equal(csvTime(Date.UTC(2024, 1, 29, 12, 0, 0, 5)), '2024-02-29T12:00:00.005Z');
    assert.equal(csvTime(null), '');
  });

  it('writes a validated payment with the columns of its header', () => {
    const v = validateRecord('payments', {
      id: 'P1',
      payer: 'A',
      payee: 'B',
      amount: '12.50',
      currency: 'JPY',
      at: '2024-01-01T00:00:00Z',
    });
    assert.ok(!v.ok, 'JPY has no minor unit: 12.50 is refused');
    const ok = validateRecord('payments', {
      id: 'P1',
      payer: 'A',
      payee: 'B',
      amount: '12.5',
      currency: 'USD',
      at: '2024-01-01T00:00:00Z',
    });
    assert.ok(ok.ok);
    const line = paidLine(ok.row);
    assert.equal(line, '"A","B","P1",1250,12.5,"USD",2024-01-01T00:00:00.000Z,');
    assert.equal(line.split(',').length, IMPORT_FILES.paid.header.split(',').length);
  });

  it('PAYS total is totalMinor / scale, as merge-payments computes it', () => {
    const line = paysLine({
      payer: 'A',
      payee: 'B',
      currency: 'USD',
      scale: 100,
      count: 3,
      totalMinor: 1001,
      firstMs: 0,
      lastMs: 1000,
    });
    assert.equal(line, '"A","B","USD",3,1001,10.01,1970-01-01T00:00:00.000Z,1970-01-01T00:00:01.000Z');
  });

  it('declared, minimal and ratings-only entities, loans and ownerships match their headers', () => {
    const e = validateRecord('entities', { id: 'E1', kind: 'business', region: 'R1' });
    assert.ok(e.ok);
    assert.equal(entityLine(e.row), '"E1","business",,"R1",,');
    assert.equal(referredEntityLine('X', false), '"X","unknown",,,,true');
    assert.equal(referredEntityLine('X', true), '"X","person",,,,');
    const l = validateRecord('loans', {
      id: 'L1',
      borrower: 'E1',
      amount: '100',
      currency: 'EUR',
      openedAt: '2024-01-01',
      dueAt: '2024-06-01',
      status: 'current',
    });
    assert.ok(l.ok);
    assert.equal(loanLine(l.row).split(',').length, IMPORT_FILES.loans.header.split(',').length);
    const o = validateRecord('ownerships', { person: 'P', business: 'B', role: 'directs' });
    assert.ok(o.ok);
    assert.equal(ownershipLine(o.row), '"P","B",DIRECTS,');
    assert.equal(hasLineBreak('a\nb'), true);
    assert.equal(hasLineBreak(null), false);
  });
});
