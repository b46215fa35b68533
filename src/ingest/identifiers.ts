/**
 * Identifiers (phones, devices, addresses, accounts) are personal data: only a keyed hash of the
 * normalised value is stored, `type:<hex HMAC-SHA256(secret, idPrefix + normalised value)>`, so two
 * entities sharing a value share the key, and the value itself is never in the graph. Normalisation per
 * type (so trivially different spellings of one value meet):
 * - phone: digits only, written `+` and the digits; a leading `00` is read as `+`; only digits, spaces
 *   and `+ - . ( ) /` are allowed; 6 to 15 digits (E.164). Numbers without their country code are hashed
 *   as written, so write phones in international form.
 * - address: Unicode NFKC, lower-cased, every run of white space folded to one space, trimmed.
 * - device, account: trimmed (otherwise exact, case-sensitive).
 * Placeholders (`N/A`, `none`, `unknown`, `0`, `000000`, `null`, `-`, one repeated character, a run of
 * consecutive digits, nothing left after normalisation, …) are rejected: they would join unrelated
 * entities into one group.
 */
import { createHmac } from 'node:crypto';
import { FieldValueError, parseText, type RawValue } from './field-parsers.js';
import type { IDENTIFIER_TYPES } from './record-types.js';

export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Default cap on the entities one identifier links (IDENTIFIER_MAX_GROUP). */
export const DEFAULT_IDENTIFIER_MAX_GROUP = 50;

/** Longest identifier value before normalisation (addresses can be long). */
const MAX_VALUE_LENGTH = 500;

/** Placeholder words, compared on the lower-cased letters and digits of the value. */
const PLACEHOLDER_WORDS = new Set([
  'na',
  'nan',
  'none',
  'null',
  'nil',
  'unknown',
  'unkown',
  'undefined',
  'notavailable',
  'notapplicable',
  'notprovided',
  'notgiven',
  'missing',
  'empty',
  'blank',
  'void',
  'tbd',
  'tba',
  'test',
  'dummy',
  'sample',
  'default',
  'noaddress',
  'nophone',
  'nodevice',
  'noaccount',
  'noidentifier',
  'withheld',
  'anonymous',
  'private',
  'redacted',
]);

const ASCENDING = '012345678901234567890';
const DESCENDING = '987654321098765432109';

/**
 * Why a normalised value is a placeholder rather than an identifier, or undefined when it is not one.
 * Checked on its lower-cased letters and digits: nothing left, a placeholder word, one character
 * repeated (`0`, `000000`, `xxxx`), or a run of consecutive digits (`123456`, `987654`).
 */
export function placeholderReason(normalised: string): string | undefined {
  const core = normalised.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (core === '') return 'has no letters or digits';
  if (PLACEHOLDER_WORDS.has(core)) return `"${normalised}" is a placeholder`;
  if (/^(.)\1*$/u.test(core)) return 'is one character repeated (a placeholder)';
  if (/^\d{4,}$/.test(core) && (ASCENDING.includes(core) || DESCENDING.includes(core)))
    return 'is a run of consecutive digits (a placeholder)';
  return undefined;
}

function normalisePhone(text: string): string {
  if (!/^[\d\s+\-.()/]+$/.test(text))
    throw new FieldValueError('is not a phone number (only digits, spaces and + - . ( ) / are allowed)');
  if (text.lastIndexOf('+') > 0) throw new FieldValueError('is not a phone number (a + may only lead)');
  let digits = text.replace(/\D/g, '');
  if (!text.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length < 6 || digits.length > 15)
    throw new FieldValueError(`is not a phone number (${digits.length} digits; 6 to 15 expected)`);
  return `+${digits}`;
}

/** The normalised value of an identifier of `type` (see the module comment); throws FieldValueError. */
export function normaliseIdentifier(type: IdentifierType, raw: RawValue): string {
  // an address may come with line breaks and tabs: they fold into spaces like any white space
  const text = parseText(raw, MAX_VALUE_LENGTH, type === 'address');
  let value: string;
  if (type === 'phone') value = normalisePhone(text);
  else if (type === 'address') value = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  else value = text;
  const placeholder = placeholderReason(value);
  if (placeholder) throw new FieldValueError(`${placeholder}, not an identifier`);
  return value;
}

/** `type:<hex HMAC-SHA256>` of a normalised value under `secret`; `idPrefix` keeps prefixed loads apart. */
export function identifierKey(type: IdentifierType, normalised: string, secret: string, idPrefix = ''): string {
  return `${type}:${createHmac('sha256', secret).update(`${idPrefix}${normalised}`).digest('hex')}`;
}
