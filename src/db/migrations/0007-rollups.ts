/**
 * Metric rollups: per day, ISO week and month × team × agent × channel × language × source, the
 * sums (and duration sketches) every additive metric needs, so dashboards never scan raw rows;
 * and the same cells packed per grain × period column by column into blocks, which is what
 * queries read.
 * Triggers note each conversation a write touches (the conversation itself, or one of its
 * reviews) in `rollup_dirty`; messages and survey answers are only ever written together with
 * their conversation row, whose trigger covers them. `rollup_members` remembers the cell each
 * conversation was last counted in, so a move or a deletion also refreshes the cell it left.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .createTable('metric_rollups')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('team_id', 'bigint', (c) => c.notNull())
    .addColumn('agent_id', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('conversations', 'integer', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_rollups_pkey', [
      'grain',
      'period',
      'team_id',
      'agent_id',
      'channel',
      'language',
      'source',
    ])
    .execute();

  // The cells of one grain and period packed column by column (parts), at two levels: what
  // queries read, a few parts per period instead of thousands of rows.
  await db.schema
    .createTable('metric_blocks')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_blocks_pkey', ['grain', 'level', 'part', 'period'])
    .execute();

  // Week and month cells, and blocks, waiting to be recomputed after day cells changed.
  await db.schema
    .createTable('rollup_stale')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('team_id', 'bigint', (c) => c.notNull())
    .addColumn('agent_id', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_stale_pkey', [
      'grain',
      'period',
      'team_id',
      'agent_id',
      'channel',
      'language',
      'source',
    ])
    .execute();

  await db.schema
    .createTable('rollup_members')
    .addColumn('conversation_id', 'bigint', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('team_id', 'bigint', (c) => c.notNull())
    .addColumn('agent_id', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rollup_dirty')
    .addColumn('conversation_id', 'bigint', (c) => c.primaryKey())
    .execute();

  // First-contact resolution looks for the same customer's next conversation.
  await db.schema
    .createIndex('conversations_customer_created_idx')
    .on('conversations')
    .columns(['customer_id', 'created_at'])
    .execute();

  // Conversations stored before rollups existed are counted by the first refresh.
  await sql`INSERT INTO rollup_dirty (conversation_id) SELECT id FROM conversations`.execute(db);

  if (dialect === 'sqlite') {
    for (const [table, event, row, column] of [
      ['conversations', 'INSERT', 'NEW', 'id'],
      ['conversations', 'UPDATE', 'NEW', 'id'],
      ['conversations', 'DELETE', 'OLD', 'id'],
      ['reviews', 'INSERT', 'NEW', 'conversation_id'],
      ['reviews', 'UPDATE', 'NEW', 'conversation_id'],
      ['reviews', 'DELETE', 'OLD', 'conversation_id'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER rollup_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
             INSERT OR IGNORE INTO rollup_dirty (conversation_id) VALUES (${row}.${column});
           END`,
        )
        .execute(db);
    }
    return;
  }

  // One statement-level trigger per event: bulk writes mark their rows in one insert.
  for (const [table, column] of [
    ['conversations', 'id'],
    ['reviews', 'conversation_id'],
  ] as const) {
    for (const [event, transition] of [
      ['insert', 'NEW'],
      ['update', 'NEW'],
      ['delete', 'OLD'],
    ] as const) {
      const name = `rollup_${table}_${event}`;
      await sql
        .raw(
          `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             INSERT INTO rollup_dirty (conversation_id)
               SELECT DISTINCT ${column} FROM changed_rows ON CONFLICT DO NOTHING;
             RETURN NULL;
           END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${name} AFTER ${event.toUpperCase()} ON ${table}
           REFERENCING ${transition} TABLE AS changed_rows
           FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
        )
        .execute(db);
    }
  }
}
