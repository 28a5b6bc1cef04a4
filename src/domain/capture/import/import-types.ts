import type { Database } from '../../../db/client.js';
import type { CustomField } from '../../custom-fields/custom-field.schema.js';
import type { Ctx } from '../../shared/context.js';

export type RowError = { rowNumber: number; field: string | null; code: string; message: string };

/** One CSV data row: mapped field values, plus the unmapped columns (kept as touch properties). */
export type SourceRow = { rowNumber: number; values: Record<string, string>; extra: Record<string, string> };

export type ChunkWriter = (tx: Database, rows: SourceRow[], env: WriterEnv) => Promise<{ ok: number; errors: RowError[] }>;

export type WriterEnv = {
  ctx: Ctx;
  importId: string;
  customFields: CustomField[];
  options: { occurredAt?: string | undefined; campaignExternalId?: string | undefined };
  /** Account parents named by external id that were not known yet; resolved after the last row. */
  deferredParents: { rowNumber: number; accountId: string; parentExternalId: string }[];
};
