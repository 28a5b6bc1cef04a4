import { z } from '../shared/zod.js';
import { ROLES } from '../../db/schema/vocabulary.js';
import { PasswordSchema } from './passwords.js';
import { UserSchema } from './user.schema.js';

export const SignInInput = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

export const SessionSchema = z.object({
  user: UserSchema,
  role: z.enum(ROLES),
  via: z.enum(['session', 'api_key', 'system']),
  teamUserIds: z.array(z.uuid()).describe('Whose records count as this user\'s (the user, their team or reports).'),
  csrfToken: z.string().nullable().describe('Send as `x-csrf-token` on writes made with the session cookie.'),
});

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

export const ResetPasswordInput = z.strictObject({
  password: PasswordSchema.optional().describe('The new password; omitted → a random one, returned once.'),
});
