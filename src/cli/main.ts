/** The `kvalita` command: parses arguments and runs one command; exit codes are documented in the README. */
import { Command, CommanderError } from 'commander';
import { registerAgreementCommand } from './commands/agreement.command.js';
import { registerCheckCommand } from './commands/check.command.js';
import { registerComplaintsCommands } from './commands/complaints.command.js';
import { registerCustomerCommands } from './commands/customer.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerGoalCommands } from './commands/goals.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerKpiCommand } from './commands/kpi.command.js';
import { registerReportCommand } from './commands/report.command.js';
import { registerRollupsCommands } from './commands/rollups.command.js';
import { registerSampleCommand } from './commands/sample.command.js';
import { registerScoreCommand } from './commands/score.command.js';
import { registerScorecardCommands } from './commands/scorecard.command.js';
import { registerStartCommand } from './commands/start.command.js';
import { registerUserCommands } from './commands/user.command.js';
import { CliError, EXIT, type GlobalOptions } from './context.js';
import { VERSION } from './version.js';

/** Builds the command tree. */
export function buildProgram(): Command {
  const program = new Command('kvalita')
    .description('Kvalita: quality control for every customer-service contact')
    .version(VERSION)
    .option('--data-dir <dir>', 'folder of the embedded database (env KVALITA_DATA_DIR, default ./data)')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();
  registerStartCommand(program, globals);
  registerImportCommand(program, globals);
  registerDemoCommand(program, globals);
  registerUserCommands(program, globals);
  registerCustomerCommands(program, globals);
  registerCheckCommand(program);
  registerAgreementCommand(program);
  registerScoreCommand(program, globals);
  registerScorecardCommands(program, globals);
  registerSampleCommand(program, globals);
  registerComplaintsCommands(program, globals);
  registerKpiCommand(program, globals);
  registerGoalCommands(program, globals);
  registerReportCommand(program, globals);
  registerRollupsCommands(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the command line and sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help';
      process.exitCode = ok ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`kvalita: ${error.message}\n`);
      process.exitCode = error.code;
      return;
    }
    process.stderr.write(
      `kvalita: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.failure;
  }
}

await main(process.argv);
