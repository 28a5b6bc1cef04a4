import type { z } from 'zod';

/** Validates command-line input with the same schema as the API; a failure names each field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(input)'}: ${i.message}`);
  throw new Error(`invalid input:\n${lines.join('\n')}`);
}
