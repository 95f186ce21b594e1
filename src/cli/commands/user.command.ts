/** `kvalita user …` and `kvalita token create`: accounts and API tokens from the command line. */
import type { Command } from 'commander';
import { ROLES } from '../../modules/users/users.schema.js';
import { UserInputError, UsersService } from '../../modules/users/users.service.js';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';

async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw new CliError(error.message);
    throw error;
  }
}

/** Registers `user add`, `user list`, `user password` and `token create`. */
export function registerUserCommands(program: Command, globals: () => GlobalOptions): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user; prints a generated password when none is given')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--password <password>', 'at least 10 characters (prefer the generated one)')
    .option('--agent-id <id>', 'for agents: their agent id in the source system')
    .action(
      async (flags: { email: string; role: string; name?: string; password?: string; agentId?: string }) => {
        await withDatabase(globals(), async (database) => {
          const users = new UsersService(database.kysely);
          const created = await asCliError(() =>
            users.createUser({ ...flags, agentExternalId: flags.agentId }),
          );
          process.stdout.write(`created ${created.user.email} (${created.user.role})\n`);
          if (created.password) process.stdout.write(`password: ${created.password}\n`);
        });
      },
    );
  user
    .command('list')
    .description('list users')
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        for (const u of await new UsersService(database.kysely).listUsers()) {
          process.stdout.write(
            `${u.id}\t${u.email}\t${u.role}\t${u.name}${u.agentExternalId ? `\tagent ${u.agentExternalId}` : ''}\n`,
          );
        }
      });
    });
  user
    .command('password')
    .description('set a new password; prints a generated one when none is given')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .option('--password <password>', 'the new password')
    .action(async (flags: { email: string; password?: string }) => {
      await withDatabase(globals(), async (database) => {
        const next = await asCliError(() =>
          new UsersService(database.kysely).resetPassword(flags.email, flags.password),
        );
        process.stdout.write(flags.password ? 'password changed\n' : `password: ${next}\n`);
      });
    });

  program
    .command('token')
    .description('personal API tokens')
    .command('create')
    .description('create an API token for a user; printed once, stored hashed')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (flags: { email: string; name: string }) => {
      await withDatabase(globals(), async (database) => {
        const users = new UsersService(database.kysely);
        const owner = (await users.listUsers()).find((u) => u.email === flags.email.trim().toLowerCase());
        if (!owner) throw new CliError(`--email: no such user: "${flags.email}"`);
        const token = await users.createApiToken(owner.id, flags.name);
        process.stdout.write(`${token.token}\n`);
      });
    });
}
