import { z } from '../shared/zod.js';
import { savedViews } from '../../db/schema/index.js';
import { SAVED_VIEW_LISTS } from '../../db/schema/vocabulary.js';
import { createSelectSchema } from '../shared/schema-factory.js';

/** A list's filters, sort and columns saved under a name: the user's own, or shared with everyone. */
export const SavedViewSchema = createSelectSchema(savedViews).extend({ ownerName: z.string().nullable(), mine: z.boolean() });
export type SavedView = z.infer<typeof SavedViewSchema>;

const columns = z.array(z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a column id')).max(40);
const query = z.string().max(2000).refine((q) => !q.startsWith('?'), 'the query string without the leading ?')
  .describe('The list\'s URL query string: filters, sort and order');

export const SaveViewInput = z.strictObject({
  list: z.enum(SAVED_VIEW_LISTS),
  name: z.string().trim().min(1).max(80),
  query: query.default(''),
  columns: columns.default([]).describe('Visible column ids, in order; empty means the list\'s default'),
  shared: z.boolean().default(false).describe('Visible to every user (only its owner can change it)'),
});
export type SaveViewInput = z.infer<typeof SaveViewInput>;

export const UpdateViewInput = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(), query: query.optional(), columns: columns.optional(), shared: z.boolean().optional(),
});
export type UpdateViewInput = z.infer<typeof UpdateViewInput>;

export const SavedViewsQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });
