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

type CreateOptions = { email: string; name: string; role: Role; timezone: string; password?: string; passwordStdin?: boolean; manager?: string; teamId?: string };

/** The password from --password, or from standard input with --password-stdin; undefined when neither. */
async function givenPassword(o: { password?: string; passwordStdin?: boolean }): Promise<string | undefined> {
  if (!o.passwordStdin) return o.password;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/** `truce user create|list|disable|enable|reset-password`: users for a fresh install or a locked-out admin. */
export function userCommand(): Command {
  const cmd = new Command('user').description('manage users (sign-ins)');
  cmd.command('create')
    .description('create a user who can sign in; without --password one is generated and printed once')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .option('--password <password>', 'initial password (at least 10 characters)')
    .option('--password-stdin', 'read the password from standard input (keeps it out of the shell history and the process list)')
    .option('--manager <email>', "the manager's e-mail")
    .option('--team-id <uuid>', 'the team id')
    .option('--timezone <tz>', 'IANA time zone', 'UTC')
    .action(async (o: CreateOptions) => {
      await withContext(async (ctx) => {
        const given = await givenPassword(o);
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
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (email: string, o: { password?: string; passwordStdin?: boolean }) => {
      await withContext(async (ctx) => {
        const u = await findUserByEmail(ctx, email);
        const given = await givenPassword(o);
        const { password } = await resetPassword(ctx, u.id, given === undefined ? undefined : parseInput(PasswordSchema, given));
        process.stdout.write(`Reset the password of ${u.email}; their sessions were ended.\n`);
        if (!given) process.stdout.write(`Password (shown once): ${password}\n`);
      });
    });
  return cmd;
}
