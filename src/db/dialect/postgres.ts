/** PostgreSQL, for production and scale (`DATABASE_URL`). */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PostgresConversationWriter } from '../../modules/conversations/writers/postgres.writer.js';
import type { Database, DialectOperations } from '../database.js';
import { searchWords } from '../database.js';
import type { DB } from '../schema.js';

// int8 columns hold epoch milliseconds and ids, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.FLOAT4, (value) => Number(value));

/** Connects to PostgreSQL at `url`. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start-up, with the reason, rather than on the first request.
  const client = await pool.connect();
  client.release();
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  const dialect: DialectOperations = {
    name: 'postgres',
    conversationMatches(idColumn, query) {
      const words = searchWords(query);
      if (words.length === 0) return sql<boolean>`true`;
      const tsquery = words.map((word) => `${word}:*`).join(' & ');
      return sql<boolean>`${sql.ref(idColumn)} IN (SELECT conversation_id FROM conversation_search WHERE body @@ to_tsquery('simple', ${tsquery}))`;
    },
    // The planner weighs the matches against the order itself; no count is needed to steer it.
    async countMatchesUpTo() {
      return 0;
    },
    createConversationWriter: () => new PostgresConversationWriter(kysely),
    async rowArrays(query) {
      const result = await pool.query({
        text: query.sql,
        values: query.parameters as unknown[],
        rowMode: 'array',
      });
      return result.rows as unknown[][];
    },
  };

  const redacted = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
  return {
    kysely,
    dialect,
    location: redacted,
    async close() {
      await kysely.destroy();
    },
  };
}
