import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { HONEYPOT_FIELD, FormSubmission, type Form } from './form.schema.js';
import { validateTouchpoints } from './validate-touchpoints.js';
import { writeOneTouchpoint } from './write-one-touchpoint.js';
import type { WriteResult } from './write-touchpoints.js';

export type SubmitResult = { stored: boolean; personCreated: boolean } & Pick<WriteResult, 'personIds' | 'firstAt'>;

const KNOWN = new Set(['email', 'firstName', 'lastName', 'company', 'title', 'country', 'phone', 'message', 'pageUrl', HONEYPOT_FIELD]);

/**
 * A hand-raiser fills a form on the company's website: one touch of the form's kind, the
 * person upserted and matched to an account. A filled honeypot is a bot: answered as a
 * success (so it learns nothing) but nothing is stored. Written in one statement
 * (`writeOneTouchpoint`): a form post is answered in a few milliseconds.
 */
export async function submitForm(ctx: Ctx, form: Form, body: Record<string, unknown>): Promise<SubmitResult> {
  if (!form.active) throw new DomainError('form_inactive', `The form "${form.name}" no longer accepts submissions.`);
  const parsed = FormSubmission.safeParse(body);
  if (!parsed.success) {
    throw new DomainError('validation_failed', 'Please check the highlighted fields.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })));
  }
  const s = parsed.data;
  if (s[HONEYPOT_FIELD]) {
    ctx.log.warn({ form: form.key }, 'form honeypot filled; submission dropped');
    return { stored: false, personCreated: false, personIds: [], firstAt: new Map() };
  }
  const extra = Object.fromEntries(Object.entries(s).filter(([k, v]) => !KNOWN.has(k) && typeof v === 'string'));
  const { valid, issues } = await validateTouchpoints(ctx, [{
    occurredAt: ctx.clock.now().toISOString(),
    kind: form.kind,
    email: s.email,
    person: { firstName: s.firstName, lastName: s.lastName, companyName: s.company, title: s.title, country: s.country, phone: s.phone },
    ...(form.campaignId ? { campaignId: form.campaignId } : {}),
    ...(form.asset ? { asset: form.asset } : {}),
    properties: { formKey: form.key, ...(s.message ? { message: s.message } : {}), ...(s.pageUrl ? { pageUrl: s.pageUrl } : {}), ...extra },
  }], { pathPrefix: '' });
  if (issues.length > 0) throw new DomainError('validation_failed', 'Please check the highlighted fields.', issues.flatMap((i) => i.issues));
  const result = await writeOneTouchpoint(ctx, valid[0]!);
  return { stored: true, personCreated: result.peopleCreated > 0, personIds: result.personIds, firstAt: result.firstAt };
}
