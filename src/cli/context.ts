/** What every command needs: the configuration and an open database. */
import { type ConfigOverrides, type KvalitaConfig, loadConfig } from '../config/config.js';
import { type Database, openDatabase } from '../db/database.js';

/** Exit codes shared by the commands. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const;

/** An error to report on one line and exit with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** Global flags of every command. */
export interface GlobalOptions {
  dataDir?: string;
}

/** Runs `body` with an open database and closes it afterwards. */
export async function withDatabase<T>(
  options: GlobalOptions & ConfigOverrides,
  body: (database: Database, config: KvalitaConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(options);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await body(database, config);
  } finally {
    await database.close();
  }
}
