/** `kvalita rollups rebuild|refresh|status`: the pre-aggregated metric cells. */
import type { Command } from 'commander';
import { RollupsService } from '../../modules/analytics/rollups.service.js';
import { type GlobalOptions, withDatabase } from '../context.js';

/** Registers the commands. */
export function registerRollupsCommands(program: Command, globals: () => GlobalOptions): void {
  const rollups = program.command('rollups').description('pre-aggregated metrics behind dashboards and kpi');
  rollups
    .command('rebuild')
    .description('empty the rollups and count every stored conversation again')
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        const started = performance.now();
        const done = await new RollupsService(database).rebuild((n) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${n} conversations`);
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(
          `rebuilt rollups from ${done} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      });
    });
  rollups
    .command('refresh')
    .description('bring the rollups up to date with the changes waiting (queries do this themselves)')
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        const done = await new RollupsService(database).refresh();
        process.stdout.write(`refreshed rollups for ${done} changed conversations\n`);
      });
    });
  rollups
    .command('status')
    .description('how many changed conversations wait for a refresh')
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        process.stdout.write(
          `${await new RollupsService(database).pending()} changed conversations waiting\n`,
        );
      });
    });
}
