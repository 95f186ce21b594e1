/**
 * What the register list and the corrective actions need beyond 0006: an index for the period
 * filter and the newest-first order of the register, and the outcome of a corrective action.
 */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

/** Adds the register's received-date index and the outcome column of corrective actions. */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  // The list's default order (newest first, id breaking ties) and its received-date filter;
  // 0006 indexes received_at only behind status, topic or owner.
  await db.schema
    .createIndex('complaints_received_idx')
    .on('complaints')
    .columns(['received_at', 'id'])
    .execute();
  // What was done and what came of it, apart from the description of what was planned.
  await db.schema
    .alterTable('corrective_actions')
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
