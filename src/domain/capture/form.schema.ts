import { z } from '../shared/zod.js';
import { forms } from '../../db/schema/index.js';
import { TOUCH_KINDS } from '../../db/schema/vocabulary.js';
import { countryCode, createSelectSchema, email } from '../shared/schema-factory.js';

export const FormSchema = createSelectSchema(forms);
export type Form = z.infer<typeof FormSchema>;

const origin = z.string().trim().regex(/^https?:\/\/[^/\s]+$/, 'expected an origin such as https://www.example.com (no path)');

export const CreateFormInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(TOUCH_KINDS).optional(),
  campaignId: z.uuid().nullable().optional(),
  asset: z.string().trim().max(500).nullable().optional(),
  allowedOrigins: z.array(origin).max(50).optional(),
  redirectUrl: z.url().nullable().optional(),
  successMessage: z.string().trim().min(1).max(500).optional(),
});
export type CreateFormInput = z.infer<typeof CreateFormInput>;

/** The honeypot: humans never see or fill this field; bots do. */
export const HONEYPOT_FIELD = 'website';

export const FormSubmission = z.object({
  email,
  firstName: z.string().trim().max(200).optional(),
  lastName: z.string().trim().max(200).optional(),
  company: z.string().trim().max(300).optional(),
  title: z.string().trim().max(300).optional(),
  country: countryCode.optional(),
  phone: z.string().trim().max(50).optional(),
  message: z.string().trim().max(5000).optional(),
  pageUrl: z.string().trim().max(2000).optional(),
  [HONEYPOT_FIELD]: z.string().optional(),
}).catchall(z.string().max(2000));
export type FormSubmission = z.infer<typeof FormSubmission>;
