/**
 * Building blocks of request schemas (query and path parameters) shared by the route definitions. Each
 * message says what is allowed, so a 400 names the parameter and the rule it broke.
 */
import { z } from 'zod';
import './registry.js';

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
  .refine(
    (s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)),
    'an ISO-8601 date (2024-05-01) or date-time with offset',
  )
  .openapi({ example: '2024-05-01', description: 'ISO-8601 date or date-time with offset' });

/** An amount in minor units (≥ 0). */
export const amountParam = z.coerce
  .number({ message: 'a number ≥ 0 (minor units)' })
  .min(0, 'a number ≥ 0 (minor units)');

/** An entity (or run, community, ring, job) id: 1..200 characters. */
export const idParam = z
  .string({ message: 'required' })
  .min(1, 'required')
  .max(200, 'at most 200 characters');

/** Path parameters `{id}`. */
export const ID_PARAMS = z.object({ id: idParam.openapi({ example: 'E-1042' }) });

/** An id prefix applied to every id of the loaded rows (isolates test and benchmark data). */
export const ID_PREFIX = z
  .string()
  .regex(/^[A-Za-z0-9_:.-]{0,64}$/, 'at most 64 of A-Z a-z 0-9 _ : . -')
  .openapi({ description: 'prefix added to every id of the rows (at most 64 of A-Z a-z 0-9 _ : . -)' });

/** Responses with a JSON body of `schema`. */
export const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema } });
