/**
 * Goals per metric and scope over a span of days, and the trend alerts raised from them and from
 * the band of previous buckets, each raised once and delivered to the webhook once.
 */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const idColumn = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('goals')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    // Empty for the organisation, so that equal scopes compare equal in both databases.
    .addColumn('scope_value', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_metric_idx').on('goals').columns(['metric', 'scope']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_value', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('band_mean', 'double precision')
    .addColumn('band_low', 'double precision')
    .addColumn('band_high', 'double precision')
    .addColumn('goal', 'double precision')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('alerts_unique')
    .on('alerts')
    .columns(['metric', 'scope', 'scope_value', 'bucket', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('alerts_created_idx').on('alerts').column('created_at').execute();
  await db.schema
    .createIndex('alerts_delivery_idx')
    .on('alerts')
    .columns(['delivered_at', 'next_attempt_at'])
    .execute();
}
