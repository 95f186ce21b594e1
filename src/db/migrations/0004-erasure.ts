/** Erasure of a customer's personal data: when it happened, so that later imports do not bring it back. */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('customers').addColumn('erased_at', 'bigint').execute();
}
