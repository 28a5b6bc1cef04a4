import { z } from '../shared/zod.js';
import { teams, users } from '../../db/schema/index.js';
import { ROLES, TEAM_KINDS } from '../../db/schema/vocabulary.js';
import { createSelectSchema, email } from '../shared/schema-factory.js';
import { PasswordSchema } from './passwords.js';

/** A user as the API shows it: never the password hash. */
export const UserSchema = createSelectSchema(users).omit({ passwordHash: true });
export type User = z.infer<typeof UserSchema>;
export const TeamSchema = createSelectSchema(teams);
export type Team = z.infer<typeof TeamSchema>;

const timezone = z.string().refine((tz) => {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}, 'expected an IANA time zone such as Europe/Berlin');

export const CreateUserInput = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  timezone: timezone.optional(),
  password: PasswordSchema.optional().describe('Optional: lets the user sign in at once. Stored as an argon2id hash.'),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  teamId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  timezone: timezone.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const CreateTeamInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(TEAM_KINDS),
  managerId: z.uuid().nullable().optional(),
});
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const UsersFilter = z.object({
  q: z.string().trim().min(1).optional(),
  role: z.enum(ROLES).optional(),
  teamId: z.uuid().optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type UsersFilter = z.infer<typeof UsersFilter>;
