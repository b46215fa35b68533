import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { FieldValueError } from '../../../src/ingest/field-parsers.js';
import { identifierKey, normaliseIdentifier, placeholderReason } from '../../../src/ingest/identifiers.js';
import { validateRecord } from '../../../src/ingest/validate-record.js';

const SECRET = 'unit-test-secret-0123456789';

describe('identifiers', () => {
  it('normalises phones to + and digits, addresses by case and white space, devices and accounts by trimming', () => {
    assert.equal(normaliseIdentifier('phone', ' +1 (555) 000-1234 '), '+15550001234');
    assert.equal(normaliseIdentifier('phone', '0044 20 7946 0958'), '+442079460958');
    assert.equal(normaliseIdentifier('phone', '+44.20.7946.0958'), '+442079460958');
    assert.equal(normaliseIdentifier('address', '  1 Main  St,\tSpringfield '), '1 main st, springfield');
    assert.equal(normaliseIdentifier('address', 'ＭＡＩＮ Street 5'), 'main street 5');
    assert.equal(normaliseIdentifier('device', '  Dev-ABC  '), 'Dev-ABC');
    assert.equal(normaliseIdentifier('account', 'GB29NWBK60161331926819'), 'GB29NWBK60161331926819');
  });

  it('rejects values that are not phone numbers, without echoing them', () => {
    for (const bad of ['+1 555 CALL NOW', '12345', '1+5550001234', '+1234567890123456']) {
      assert.throws(
        () => normaliseIdentifier('phone', bad),
        (e: unknown) => e instanceof FieldValueError && /is not a phone number/.test(e.message) && !e.message.includes(bad),
        bad,
      );
    }
  });

  it('denies placeholders after normalisation', () => {
    const placeholders: [Parameters<typeof normaliseIdentifier>[0], string][] = [
      ['address', 'N/A'],
      ['address', 'none'],
      ['address', 'Unknown'],
      ['account', '0'],
      ['account', '000000'],
      ['device', 'null'],
      ['device', '-'],
      ['device', '  ?? '],
      ['phone', '+1 111 111 1111'],
      ['phone', '0000000000'],
      ['phone', '1234567890'],
      ['account', 'xxxx'],
      ['address', 'not available'],
    ];
    for (const [type, value] of placeholders) {
      assert.throws(() => normaliseIdentifier(type, value), FieldValueError, `${type} ${value}`);
    }
    assert.equal(placeholderReason('+15550001234'), undefined);
    assert.equal(placeholderReason('dev-ring-3'), undefined);
    assert.match(placeholderReason('---') ?? '', /no letters or digits/);
  });

  it('keys an identifier by type and the HMAC-SHA256 of the normalised value, the prefix hashed with it', () => {
    const hex = createHmac('sha256', SECRET).update('+15550001234').digest('hex');
    assert.equal(identifierKey('phone', '+15550001234', SECRET), `phone:${hex}`);
    assert.notEqual(identifierKey('phone', '+15550001234', SECRET, 't-'), `phone:${hex}`);
    assert.notEqual(identifierKey('phone', '+15550001234', 'another-secret-012345'), `phone:${hex}`);
  });

  it('validates an identifier record into a row that holds the key and never the value', () => {
    const ok = validateRecord(
      'identifiers',
      { entity: 'E1', type: 'phone', value: '+1 555 000 1234' },
      { idPrefix: 'p-', identifierHmacKey: SECRET },
    );
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.deepEqual(ok.row, { entity: 'p-E1', type: 'phone', key: identifierKey('phone', '+15550001234', SECRET, 'p-') });
      assert.ok(!JSON.stringify(ok.row).includes('555'));
    }
    const placeholder = validateRecord('identifiers', { entity: 'E1', type: 'address', value: 'N/A' }, { idPrefix: '', identifierHmacKey: SECRET });
    assert.deepEqual(!placeholder.ok && placeholder.problems, [{ field: 'value', reason: '"n/a" is a placeholder, not an identifier' }]);
  });
});
