/** The embedded database: one SQLite file in the data directory, in WAL mode. */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { SqliteConversationWriter } from '../../modules/conversations/writers/sqlite.writer.js';
import type { Database, DialectOperations } from '../database.js';
import { searchWords } from '../database.js';
import type { DB } from '../schema.js';

// Every word as a quoted prefix: users type the start of a word and expect its forms to match.
function ftsQuery(query: string): string {
  return searchWords(query)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** Opens one connection to the SQLite file with the settings every connection of Kvalita uses. */
export function openSqliteConnection(file: string): SqliteDatabase.Database {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  // NORMAL keeps every committed transaction intact after a crash of the process; only an OS
  // crash can lose the last transactions, never corrupt the file.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -65536');
  raw.pragma('temp_store = MEMORY');
  return raw;
}

/** Opens (creating when missing) the SQLite database file `fileName` in `dataDir`. */
export function openSqlite(dataDir: string, fileName: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, fileName);
  const raw = openSqliteConnection(file);
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });

  // Hot reads repeat the same few statements; preparing one costs more than running it.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const dialect: DialectOperations = {
    name: 'sqlite',
    conversationMatches(idColumn, query, dense = false) {
      const match = ftsQuery(query);
      if (match === '') return sql<boolean>`1 = 1`;
      // The unary + keeps SQLite from driving the query by the id index (every match read, then
      // sorted); the matches become a set checked while the creation-time index is walked.
      return dense
        ? sql<boolean>`+${sql.ref(idColumn)} IN (SELECT rowid FROM conversation_search WHERE conversation_search MATCH ${match})`
        : sql<boolean>`${sql.ref(idColumn)} IN (SELECT rowid FROM conversation_search WHERE conversation_search MATCH ${match})`;
    },
    async countMatchesUpTo(query, cap) {
      const match = ftsQuery(query);
      if (match === '') return cap;
      const row = raw
        .prepare(
          'SELECT count(*) AS n FROM (SELECT rowid FROM conversation_search WHERE conversation_search MATCH ? LIMIT ?)',
        )
        .get(match, cap) as { n: number };
      return row.n;
    },
    createConversationWriter: () => new SqliteConversationWriter(raw),
    async rowArrays(query) {
      let statement = statements.get(query.sql);
      if (!statement) {
        statement = raw.prepare(query.sql).raw(true);
        if (statements.size > 200) statements.clear();
        statements.set(query.sql, statement);
      }
      return statement.all(...(query.parameters as unknown[])) as unknown[][];
    },
  };

  return {
    kysely,
    dialect,
    location: file,
    async close() {
      await kysely.destroy();
    },
  };
}
