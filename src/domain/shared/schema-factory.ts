import { createSchemaFactory } from 'drizzle-zod';
import { z } from './zod.js';

/**
 * Request schemas derive from the Drizzle tables (the one source of truth); dates are coerced
 * from ISO strings, and every object schema is strict so unknown fields are refused.
 */
export const { createInsertSchema, createSelectSchema, createUpdateSchema } = createSchemaFactory({
  zodInstance: z,
  coerce: { date: true },
});

/** A country as ISO 3166-1 alpha-2, upper-cased. */
export const countryCode = z.string().trim().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as DE')
  .transform((s) => s.toUpperCase());

export const email = z.string().trim().max(254).pipe(z.email({ message: 'invalid e-mail address' }))
  .transform((s) => s.toLowerCase());

export const currency = z.string().trim().regex(/^[A-Za-z]{3}$/, 'expected an ISO 4217 code such as USD')
  .transform((s) => s.toUpperCase());

export const customValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** A repeatable query parameter (`?cf=a&cf=b`): one value arrives as a string, several as an array. */
export const stringList = z.preprocess(
  (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
  z.array(z.string()).optional(),
);
