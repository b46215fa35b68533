import assert from 'node:assert/strict';
import {
  FieldValueError,
  parseAmountMinor,
  parseCount,
  parseEnum,
  parseNumberInRange,
  parseText,
  parseTimeMs,
} from '../../../src/ingest/field-parsers.js';

describe('field parsers', () => {
  describe('parseAmountMinor', () => {
    it('converts decimals to exact minor units without floating point', () => {
      assert.equal(parseAmountMinor('12.5', 'USD'), 1250);
      assert.equal(parseAmountMinor('0.07', 'USD'), 7);
      assert.equal(parseAmountMinor('1234', 'USD'), 123400);
      assert.equal(parseAmountMinor('19.99', 'EUR'), 1999);
      assert.equal(parseAmountMinor('1.230', 'USD'), 123, 'trailing zeros beyond the exponent are fine');
      assert.equal(parseAmountMinor('90071992547409.91', 'USD'), 9007199254740991);
    });
    it('uses the currency exponent (JPY 0, KWD 3)', () => {
      assert.equal(parseAmountMinor('500', 'JPY'), 500);
      assert.equal(parseAmountMinor('1.234', 'KWD'), 1234);
      assert.throws(() => parseAmountMinor('100.5', 'JPY'), /more than 0 decimal places/);
    });
    it('rejects what is not a plain decimal or would lose cents', () => {
      assert.throws(() => parseAmountMinor('12,5x', 'USD'), {
        name: 'FieldValueError',
        message: '"12,5x" is not a decimal',
      });
      assert.throws(() => parseAmountMinor('1e3', 'USD'), FieldValueError);
      assert.throws(() => parseAmountMinor('1.234', 'USD'), /more than 2 decimal places/);
      assert.throws(() => parseAmountMinor('-5', 'USD'), /negative/);
      assert.throws(() => parseAmountMinor('99999999999999999', 'USD'), /too large/);
    });
    it('accepts JSON numbers through their decimal text', () => {
      assert.equal(parseAmountMinor(12.34, 'USD'), 1234);
    });
  });

  describe('parseTimeMs', () => {
    it('reads ISO 8601 with Z, offsets, date only and no zone (UTC)', () => {
      assert.equal(parseTimeMs('2024-03-01T10:15:00Z'), Date.UTC(2024, 2, 1, 10, 15));
      assert.equal(parseTimeMs('2024-03-01T12:15:00+02:00'), Date.UTC(2024, 2, 1, 10, 15));
      assert.equal(parseTimeMs('2024-03-01T12:15:00+0200'), Date.UTC(2024, 2, 1, 10, 15));
      assert.equal(parseTimeMs('2024-03-01'), Date.UTC(2024, 2, 1));
      assert.equal(parseTimeMs('2024-03-01T10:15'), Date.UTC(2024, 2, 1, 10, 15));
      assert.equal(parseTimeMs('2024-03-01T10:15:00.123456Z'), Date.UTC(2024, 2, 1, 10, 15, 0, 123));
    });
    it('reads Unix seconds, keeping fractions to the millisecond', () => {
      assert.equal(parseTimeMs('1289241911.72836'), 1289241911728);
      assert.equal(parseTimeMs(1289241911), 1289241911000);
    });
    it('rejects impossible dates and other text', () => {
      assert.throws(() => parseTimeMs('2024-02-30'), /not a valid date/);
      assert.throws(() => parseTimeMs('2024-01-01T25:00Z'), /not a valid date/);
      assert.throws(() => parseTimeMs('yesterday'), /not an ISO 8601 time or Unix seconds/);
      assert.throws(() => parseTimeMs('1850-01-01'), /outside the years/);
    });
  });

  it('parseText trims, and rejects empty, long and control characters', () => {
    assert.equal(parseText('  E-1 '), 'E-1');
    assert.equal(parseText(42), '42');
    assert.throws(() => parseText('   '), /is empty/);
    assert.throws(() => parseText('a'.repeat(201)), /longer than 200/);
    assert.throws(() => parseText('a\u0001b'), /control characters/);
    assert.throws(() => parseText({ a: 1 }), /not a string/);
  });

  it('parseEnum, parseCount and parseNumberInRange check their domains', () => {
    assert.equal(parseEnum('late', ['current', 'late']), 'late');
    assert.throws(() => parseEnum('Late', ['current', 'late']), /not one of current, late/);
    assert.equal(parseCount('17'), 17);
    assert.throws(() => parseCount('1.5'), /non-negative integer/);
    assert.equal(parseNumberInRange('-10', -10, 10), -10);
    assert.throws(() => parseNumberInRange('11', -10, 10), /outside -10..10/);
  });
});
