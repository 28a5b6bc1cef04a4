import { z } from '../shared/zod.js';

const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO currency code').default('USD');
export const SetQuotaInput = z.object({
  userId: z.uuid(),
  startsOn: z.iso.date(), endsOn: z.iso.date().describe('Last day of the quota period (inclusive)'),
  amount: z.number().min(0).max(1e12), currency,
}).refine((q) => q.endsOn >= q.startsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
export type SetQuotaInput = z.infer<typeof SetQuotaInput>;

export const QuotaListQuery = z.object({
  userId: z.uuid().optional(),
  on: z.iso.date().optional().describe('Only quotas whose period holds this day'),
});
export type QuotaListQuery = z.infer<typeof QuotaListQuery>;

export const QuotaImportResult = z.object({
  saved: z.number().int(),
  errors: z.array(z.object({ row: z.number().int().describe('Spreadsheet row (header = 1)'), field: z.string(), message: z.string() })),
}).openapi('QuotaImportResult');
export type QuotaImportResult = z.infer<typeof QuotaImportResult>;
