import { asc, eq } from 'drizzle-orm';
import { forms } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { Form } from './form.schema.js';
import { authorize } from '../identity/access/authorize.js';

export async function listForms(ctx: Ctx): Promise<Form[]> {
  authorize(ctx, 'forms:manage');
  return ctx.db.select().from(forms).orderBy(asc(forms.name));
}

export async function findFormByKey(ctx: Ctx, key: string): Promise<Form> {
  const [row] = await ctx.db.select().from(forms).where(eq(forms.key, key));
  if (!row) throw notFound('form', key);
  return row;
}

export async function getForm(ctx: Ctx, id: string): Promise<Form> {
  authorize(ctx, 'forms:manage');
  const [row] = await ctx.db.select().from(forms).where(eq(forms.id, id));
  if (!row) throw notFound('form', id);
  return row;
}
