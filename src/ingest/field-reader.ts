/**
 * Reads the fields of one raw record through the field parsers, collecting every problem instead of
 * stopping at the first, so a rejected row lists all that is wrong with it.
 */
import type { FieldProblem } from '../errors/app-error.js';
import { FieldValueError, isBlank, parseText, type RawValue } from './field-parsers.js';

export interface ReadOptions {
  /** Prepended to every id (entity, payment, loan, flag ids; hashed with identifier values); '' for none. */
  readonly idPrefix: string;
  /** The secret identifier values are hashed with (IDENTIFIER_HMAC_KEY); required to read identifiers. */
  readonly identifierHmacKey?: string;
}

export class FieldReader {
  readonly problems: FieldProblem[] = [];

  constructor(
    private readonly raw: Readonly<Record<string, RawValue>>,
    readonly options: ReadOptions,
  ) {}

  /** A required field; on a problem records it and returns a placeholder the caller must not use. */
  req<T>(field: string, parse: (raw: RawValue) => T): T {
    const raw = this.raw[field];
    if (isBlank(raw)) {
      this.problems.push({ field, reason: 'is required' });
      return undefined as T;
    }
    return this.parse(field, raw, parse);
  }

  /** An optional field: null when absent or blank. */
  opt<T>(field: string, parse: (raw: RawValue) => T): T | null {
    const raw = this.raw[field];
    return isBlank(raw) ? null : this.parse(field, raw, parse);
  }

  /** A required id, with the run's id prefix prepended. */
  id(field: string): string {
    const value = this.req(field, (v) => parseText(v));
    return value === undefined ? value : `${this.options.idPrefix}${value}`;
  }

  /** Records a problem that involves a relation between fields (e.g. payer = payee). */
  fail(field: string, reason: string): void {
    this.problems.push({ field, reason });
  }

  /** True when no field had a problem so far. */
  get ok(): boolean {
    return this.problems.length === 0;
  }

  private parse<T>(field: string, raw: RawValue, parse: (raw: RawValue) => T): T {
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      this.problems.push({ field, reason: error.message });
      return undefined as T;
    }
  }
}
