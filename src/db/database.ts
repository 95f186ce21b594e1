/**
 * Opens the configured database (embedded SQLite or PostgreSQL), migrates it and hands out the
 * Kysely instance together with the few dialect-specific operations the application needs.
 */
import { type CompiledQuery, type Kysely, Migrator, type RawBuilder, type SqlBool } from 'kysely';
import type { ConversationWriter } from '../modules/conversations/conversations.writer.js';
import { migrationsFor } from './migrations/index.js';
import type { DB } from './schema.js';

/** Operations whose SQL differs between the databases; everything else goes through Kysely. */
export interface DialectOperations {
  /** `sqlite` or `postgres`. */
  readonly name: 'sqlite' | 'postgres';
  /**
   * A condition on the conversation id column `idColumn` that holds when its text matches the
   * words of `query`. `dense`: so many conversations match that a page is found fastest by
   * walking conversations in order and checking each against the matches, rather than by
   * reading every match and sorting them.
   */
  conversationMatches(idColumn: string, query: string, dense?: boolean): RawBuilder<SqlBool>;
  /** How many conversations match the words of `query`, counting no further than `cap`. */
  countMatchesUpTo(query: string, cap: number): Promise<number>;
  /** A writer that stores conversations in batches at full speed. */
  createConversationWriter(): ConversationWriter;
  /** Runs a read query and returns its rows as arrays of column values: the fast path for hot reads of many rows. */
  rowArrays(query: CompiledQuery): Promise<unknown[][]>;
}

/** An open database. */
export interface Database {
  readonly kysely: Kysely<DB>;
  readonly dialect: DialectOperations;
  /** Where the data lives, for messages to the user (a file path or a redacted URL). */
  readonly location: string;
  close(): Promise<void>;
}

/** What is needed to open a database. */
export interface DatabaseOptions {
  /** PostgreSQL connection string; SQLite in `dataDir` when absent. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file. */
  dataDir: string;
  /** File name inside dataDir (default `kvalita.sqlite`). */
  fileName?: string;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await (await import('./dialect/postgres.js')).openPostgres(options.databaseUrl)
    : (await import('./dialect/sqlite.js')).openSqlite(options.dataDir, options.fileName ?? 'kvalita.sqlite');
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function migrate(database: Database): Promise<void> {
  const migrations = migrationsFor(database.dialect.name);
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
}

/** Splits free text into the words a full-text query looks for (letters and digits, Unicode-aware). */
export function searchWords(query: string): string[] {
  return (query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 20);
}
