/** `kvalita customer erase --id ID`: erase a customer's personal data. */
import type { Command } from 'commander';
import { eraseCustomer, UnknownCustomerError } from '../../modules/customers/customers.service.js';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';

/** Registers the command. */
export function registerCustomerCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('customer')
    .description('customers and their personal data')
    .command('erase')
    .description(
      "erase a customer's personal data: fields deleted, texts masked, never restored by later imports",
    )
    .requiredOption('--id <id>', 'the customer id in the source system')
    .action(async (flags: { id: string }) => {
      await withDatabase(globals(), async (database) => {
        try {
          const result = await eraseCustomer(database, flags.id);
          process.stdout.write(
            `erased customer ${flags.id}: ${result.conversations} conversations rewritten\n`,
          );
        } catch (error) {
          if (error instanceof UnknownCustomerError) throw new CliError(`--id: ${error.message}`);
          throw error;
        }
      });
    });
}
