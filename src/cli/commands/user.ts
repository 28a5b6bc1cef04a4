import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../db/schema/vocabulary.js';
import { createUser } from '../../domain/identity/create-user.js';
import { listUsers } from '../../domain/identity/list-users.js';
import { updateUser } from '../../domain/identity/update-user.js';
import { users } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { withContext } from '../open-context.js';

export function userCommand(): Command {
  const cmd = new Command('user').description('manage users');
  cmd.command('create')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(new Option('--role <role>').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .option('--timezone <tz>', 'IANA time zone', 'UTC')
    .action(async (o: { email: string; name: string; role: Role; timezone: string }) => {
      await withContext(async (ctx) => {
        const u = await createUser(ctx, { email: o.email.toLowerCase(), name: o.name, role: o.role, timezone: o.timezone });
        process.stdout.write(`Created ${u.role} ${u.email} (${u.id})\n`);
      });
    });
  cmd.command('list').option('--role <role>').action(async (o: { role?: Role }) => {
    await withContext(async (ctx) => {
      let cursor: string | undefined;
      do {
        const page = await listUsers(ctx, o.role ? { role: o.role } : {}, { limit: 500, cursor, sort: 'name', order: 'asc' });
        for (const u of page.data) process.stdout.write(`${u.active ? ' ' : 'x'} ${u.role.padEnd(14)} ${u.email.padEnd(36)} ${u.name}\n`);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    });
  });
  cmd.command('disable').argument('<email>').action(async (email: string) => {
    await withContext(async (ctx) => {
      const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
      if (!u) throw new Error(`No user with e-mail ${email}.`);
      await updateUser(ctx, u.id, { active: false });
      process.stdout.write(`Disabled ${email}\n`);
    });
  });
  return cmd;
}
