/**
 * `kvalita start`: the server. The first start creates the database, an administrator and the
 * demo data set, and prints where to sign in; later starts just serve.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/database.js';
import { SettingsRepository } from '../../modules/settings/settings.repository.js';
import { UsersService } from '../../modules/users/users.service.js';
import { CliError, type GlobalOptions } from '../context.js';
import { ProgressLine } from '../progress.js';
import { VERSION } from '../version.js';

/** E-mail of the administrator created on first start. */
export const FIRST_ADMIN_EMAIL = 'admin@kvalita.local';
const INITIALISED = 'initialised_at';

interface StartFlags {
  port?: string;
  host?: string;
  demo: boolean;
  demoSize: string;
}

/** Registers the command. */
export function registerStartCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('start')
    .description('start the server (API and web app); the first start loads demo data and creates an admin')
    .option('--port <port>', 'HTTP port (default 8080, env KVALITA_PORT)')
    .option('--host <host>', 'interface to bind (default 0.0.0.0, env KVALITA_HOST)')
    .option('--no-demo', 'on first start, create the admin but load no demo data')
    .option('--demo-size <n>', 'demo conversations loaded on first start', '5000')
    .action(async (flags: StartFlags) => {
      const port = flags.port === undefined ? undefined : Number(flags.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new CliError(`--port: not a port number: "${flags.port}"`);
      }
      const demoSize = Number(flags.demoSize);
      if (!Number.isSafeInteger(demoSize) || demoSize < 0)
        throw new CliError(`--demo-size: not a count: "${flags.demoSize}"`);
      const config = loadConfig({ ...globals(), port, host: flags.host });
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const settings = new SettingsRepository(database.kysely);
      const users = new UsersService(database.kysely, config.sessionHours);

      let credentials: string | null = null;
      if (!(await settings.get(INITIALISED))) {
        // The password is printed before the demo loads, so a start interrupted while loading
        // still told the user how to sign in; an interrupted start begins again with a new one.
        const existing = (await users.listUsers()).find((u) => u.email === FIRST_ADMIN_EMAIL);
        const password = existing
          ? await users.resetPassword(FIRST_ADMIN_EMAIL)
          : (await users.createUser({ email: FIRST_ADMIN_EMAIL, role: 'admin', name: 'Administrator' }))
              .password;
        credentials = `  e-mail:   ${FIRST_ADMIN_EMAIL}\n  password: ${password}\n`;
        process.stdout.write(`First start: created the administrator\n${credentials}`);
        if (flags.demo && demoSize > 0) {
          const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
          process.stdout.write(`Loading ${demoSize} demo conversations into ${database.location} …\n`);
          const { loadDemo } = await import('../../modules/demo/demo.service.js');
          const summary = await loadDemo(database, { count: demoSize, seed: 1 }, (s) =>
            progress?.update(s.read, demoSize, 'demo', s.read),
          );
          progress?.clear();
          process.stdout.write(`Loaded ${summary.imported + summary.updated} demo conversations.\n`);
        }
        await settings.put(INITIALISED, new Date().toISOString());
      }

      // The server is loaded only by the command that serves, so other commands start quickly.
      const { buildApp } = await import('../../http/app.js');
      const { createServices } = await import('../../http/services.js');
      const app = await buildApp(createServices(config, database), {
        logger: process.env.KVALITA_LOG_LEVEL !== undefined,
        version: VERSION,
      });
      const { startBackgroundScoring } = await import('../../modules/autoqa/autoqa.service.js');
      const stopScoring = startBackgroundScoring(database, (message) => process.stdout.write(`${message}\n`));
      const { startRegisterUpkeep } = await import('../../modules/complaints/complaints.service.js');
      const stopUpkeep = startRegisterUpkeep(database, (message) => process.stdout.write(`${message}\n`));
      const { startAlertUpkeep } = await import('../../modules/alerts/alerts.service.js');
      const stopAlerts = startAlertUpkeep(database, (message) => process.stdout.write(`${message}\n`));
      const { startReportSchedule } = await import('../../modules/reports/reports.schedule.js');
      const stopReports = startReportSchedule(database, (message) => process.stdout.write(`${message}\n`));
      const { startRollupUpkeep } = await import('../../modules/analytics/rollups.service.js');
      const stopRollups = startRollupUpkeep(database, (message) => process.stdout.write(`${message}\n`));
      const shutdown = async () => {
        await stopScoring();
        await stopUpkeep();
        await stopAlerts();
        await stopReports();
        await stopRollups();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const address = await app.listen({ port: config.port, host: config.host });
      const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
      // One write, so that whoever reads the output sees the whole banner at once.
      process.stdout.write(
        [
          `\nKvalita ${VERSION} is running at ${shown}\n`,
          `  API:      ${shown}/api/v1   (OpenAPI: ${shown}/api/docs)\n`,
          `  database: ${database.location}\n`,
          credentials
            ? `Sign in with\n${credentials}`
            : `Sign in with your account (forgot the admin password? kvalita user password --email ${FIRST_ADMIN_EMAIL})\n`,
        ].join(''),
      );
    });
}
