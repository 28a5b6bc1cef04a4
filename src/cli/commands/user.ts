import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../db/schema/vocabulary.js';
import { createUser } from '../../domain/identity/create-user.js';
import { findUserByEmail } from '../../domain/identity/find-user-by-email.js';
import { listUsers } from '../../domain/identity/list-users.js';
import { resetPassword } from '../../domain/identity/reset-password.js';
import { randomToken } from '../../domain/identity/tokens.js';
import { updateUser } from '../../domain/identity/update-user.js';
import { CreateUserInput } from '../../domain/identity/user.schema.js';
import { PasswordSchema } from '../../domain/identity/passwords.js';
import { parseInput } from '../parse-input.js';
import { withContext } from '../open-context.js';

type CreateOptions = { email: string; name: string; role: Role; timezone: string; password?: string; manager?: string; teamId?: string };

/** `truce user create|list|disable|enable|reset-password`: users for a fresh install or a locked-out admin. */
export function userCommand(): Command {
  const cmd = new Command('user').description('manage users (sign-ins)');
  cmd.command('create')
    .description('create a user who can sign in; without --password one is generated and printed once')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .option('--password <password>', 'initial password (at least 10 characters); prefer TRUCE_NEW_USER_PASSWORD to keep it out of the shell history')
    .option('--manager <email>', "the manager's e-mail")
    .option('--team-id <uuid>', 'the team id')
    .option('--timezone <tz>', 'IANA time zone', 'UTC')
    .action(async (o: CreateOptions) => {
      await withContext(async (ctx) => {
        const given = o.password ?? process.env.TRUCE_NEW_USER_PASSWORD;
        const password = given ?? randomToken(12);
        const managerId = o.manager ? (await findUserByEmail(ctx, o.manager)).id : undefined;
        const u = await createUser(ctx, parseInput(CreateUserInput, {
          email: o.email, name: o.name, role: o.role, timezone: o.timezone, password,
          ...(managerId ? { managerId } : {}), ...(o.teamId ? { teamId: o.teamId } : {}),
        }));
        process.stdout.write(`Created ${u.role} ${u.email} (${u.id})\n`);
        if (!given) process.stdout.write(`Password (shown once): ${password}\n`);
      });
    });
  cmd.command('list')
    .description('list users: x marks a disabled one')
    .addOption(new Option('--role <role>').choices(ROLES as unknown as string[]))
    .action(async (o: { role?: Role }) => {
      await withContext(async (ctx) => {
        let cursor: string | undefined;
        do {
          const page = await listUsers(ctx, o.role ? { role: o.role } : {}, { limit: 500, cursor, sort: 'name', order: 'asc' });
          for (const u of page.data) process.stdout.write(`${u.active ? ' ' : 'x'} ${u.role.padEnd(14)} ${u.email.padEnd(36)} ${u.name}\n`);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      });
    });
  for (const [name, active] of [['disable', false], ['enable', true]] as const) {
    cmd.command(name).argument('<email>')
      .description(active ? 'let a disabled user sign in again' : 'stop a user from signing in and end their sessions')
      .action(async (email: string) => {
        await withContext(async (ctx) => {
          const u = await findUserByEmail(ctx, email);
          await updateUser(ctx, u.id, { active });
          process.stdout.write(`${active ? 'Enabled' : 'Disabled'} ${u.email}\n`);
        });
      });
  }
  cmd.command('reset-password').argument('<email>')
    .description('set a new password (given, or generated and printed once); unlocks the user and ends their sessions')
    .option('--password <password>')
    .action(async (email: string, o: { password?: string }) => {
      await withContext(async (ctx) => {
        const u = await findUserByEmail(ctx, email);
        const given = o.password ?? process.env.TRUCE_NEW_USER_PASSWORD;
        const { password } = await resetPassword(ctx, u.id, given === undefined ? undefined : parseInput(PasswordSchema, given));
        process.stdout.write(`Reset the password of ${u.email}; their sessions were ended.\n`);
        if (!given) process.stdout.write(`Password (shown once): ${password}\n`);
      });
    });
  return cmd;
}
