/**
 * Query-string validation for the exploration routes: a zod schema per route; a bad parameter
 * answers 400 naming it (`errors: [{field: 'depth', reason: ...}]`).
 */
import { z } from 'zod';
import { ValidationError } from '../../errors/app-error.js';

/** Parses `query` with `schema`; throws ValidationError naming every bad parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'query'), reason: i.message }));
  const names = [...new Set(problems.map((p) => p.field))].join(', ');
  throw new ValidationError(`invalid query parameter${problems.length > 1 ? 's' : ''}: ${names}`, problems);
}

/** An integer parameter within [min, max] with a default. */
export const intParam = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `an integer from ${min} to ${max}` })
    .int(`an integer from ${min} to ${max}`)
    .min(min, `at least ${min}`)
    .max(max, `at most ${max}`)
    .default(fallback);

/** An instant: `2024-05-01` or a full ISO-8601 date-time with offset. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const instantParam = z
  .string()
  .refine((s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)), 'an ISO-8601 date (2024-05-01) or date-time with offset');

/** An amount in minor units (≥ 0). */
export const amountParam = z.coerce.number({ message: 'a number ≥ 0 (minor units)' }).min(0, 'a number ≥ 0 (minor units)');

/** An entity id: 1..200 printable characters. */
export const idParam = z.string({ message: 'required' }).min(1, 'required').max(200, 'at most 200 characters');
