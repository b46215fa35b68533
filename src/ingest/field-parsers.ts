/**
 * Pure parsers for single field values. Each returns the normalised value or throws a
 * `FieldValueError` whose message is the reason shown to the user (`"12,5x" is not a decimal`).
 */

/** A field value that cannot be accepted; `message` is the human reason. */
export class FieldValueError extends Error {
  override name = 'FieldValueError';
}

/** A raw value from CSV (always a string) or NDJSON (any JSON value). */
export type RawValue = unknown;

const MAX_ID_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** True when the raw value counts as absent (missing, null or an empty string). */
export function isBlank(raw: RawValue): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function show(raw: RawValue): string {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * A string field: trimmed, non-empty, at most `maxLength` characters, no control characters
 * (free text such as a flag's reason may hold line breaks and tabs when `multiline`).
 */
export function parseText(raw: RawValue, maxLength = MAX_ID_LENGTH, multiline = false): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') throw new FieldValueError(`${show(raw)} is not a string`);
  const text = raw.trim();
  if (text === '') throw new FieldValueError('is empty');
  if (text.length > maxLength) throw new FieldValueError(`is longer than ${maxLength} characters`);
  if (CONTROL_CHARS.test(multiline ? text.replace(/[\n\t]/g, ' ') : text))
    throw new FieldValueError(`${show(text)} contains control characters`);
  return text;
}

/** One of a fixed list of values (case-sensitive). */
export function parseEnum<T extends string>(raw: RawValue, allowed: readonly T[]): T {
  const text = parseText(raw);
  if (!(allowed as readonly string[]).includes(text)) {
    throw new FieldValueError(`${show(text)} is not one of ${allowed.join(', ')}`);
  }
  return text as T;
}

/** A non-negative integer (counts such as invoices). */
export function parseCount(raw: RawValue): number {
  const text = typeof raw === 'number' ? String(raw) : parseText(raw);
  if (!/^\d{1,15}$/.test(text)) throw new FieldValueError(`${show(raw)} is not a non-negative integer`);
  return Number(text);
}

/** A number within [min, max] (ratings). */
export function parseNumberInRange(raw: RawValue, min: number, max: number): number {
  const text = typeof raw === 'number' ? String(raw) : parseText(raw);
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new FieldValueError(`${show(raw)} is not a number`);
  const value = Number(text);
  if (value < min || value > max) throw new FieldValueError(`${text} is outside ${min}..${max}`);
  return value;
}

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BTC: 8,
};

/** Digits after the decimal point the currency allows (ISO 4217; BTC 8). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** 10^exponent of every currency whose exponent is not 2 (major = minor / scale; 100 for the rest). */
export function currencyScales(): Record<string, number> {
  return Object.fromEntries(Object.entries(EXPONENTS).map(([c, e]) => [c, 10 ** e]));
}

/** A three-letter upper-case currency code. */
export function parseCurrency(raw: RawValue): string {
  const text = parseText(raw);
  if (!/^[A-Z]{3}$/.test(text))
    throw new FieldValueError(`${show(text)} is not a currency code (three capital letters)`);
  return text;
}

/**
 * A decimal amount converted exactly to integer minor units of `currency` (no floating point on the way).
 * Accepts `1234`, `1234.5`, `-0.07`; rejects `12,5`, exponents, and more decimals than the currency has
 * (unless the extra digits are zeros), so a cent is never lost or invented.
 */
export function parseAmountMinor(raw: RawValue, currency: string, allowNegative = false): number {
  const text = typeof raw === 'number' ? String(raw) : parseText(raw);
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new FieldValueError(`${show(raw)} is not a decimal`);
  const [, sign = '', whole = '', fraction = ''] = m;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new FieldValueError(`${show(text)} has more than ${exponent} decimal places for ${currency}`);
  }
  const minor = Number(`${whole}${kept}`);
  if (!Number.isSafeInteger(minor)) throw new FieldValueError(`${show(text)} is too large`);
  const value = sign === '-' ? -minor : minor;
  if (value < 0 && !allowNegative) throw new FieldValueError(`${show(text)} is negative`);
  return value === 0 ? 0 : value;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

/**
 * A time as epoch milliseconds: ISO 8601 (`2024-03-01`, `2024-03-01T10:15:00Z`, with an offset, or
 * without one = UTC) or Unix seconds (`1289241911.72836`, fractions kept to the millisecond).
 */
export function parseTimeMs(raw: RawValue): number {
  const text = typeof raw === 'number' ? String(raw) : parseText(raw);
  let ms: number;
  if (/^\d{1,11}(\.\d+)?$/.test(text)) {
    ms = Math.round(Number(text) * 1000);
  } else {
    const m = ISO.exec(text);
    if (!m) throw new FieldValueError(`${show(raw)} is not an ISO 8601 time or Unix seconds`);
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
    const base = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''}`;
    ms = Date.parse(`${base}${zone === undefined ? 'Z' : normaliseZone(zone)}`);
    const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    const calendarOk = check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d);
    if (Number.isNaN(ms) || !calendarOk || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
      throw new FieldValueError(`${show(text)} is not a valid date and time`);
    }
  }
  if (ms < MIN_MS || ms >= MAX_MS) throw new FieldValueError(`${show(text)} is outside the years 1900..2199`);
  return ms;
}

function normaliseZone(zone: string): string {
  if (zone === 'Z') return zone;
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}
