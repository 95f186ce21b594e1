/** Saved views: a named set of list filters per user and page, optionally shared with everyone. */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const idColumn = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('saved_views')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saved_views_owner_name_idx')
    .on('saved_views')
    .columns(['user_id', 'page', 'name'])
    .unique()
    .execute();
  await db.schema
    .createIndex('saved_views_shared_idx')
    .on('saved_views')
    .columns(['page', 'shared'])
    .execute();
}
