/** AutoQA results: one analysis per conversation, its check results for filtering, and the QA queue. */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('conversation_analysis')
    .addColumn('conversation_id', 'bigint', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('settings_hash', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_confidence', 'real', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'real', (c) => c.notNull())
    .addColumn('sentiment_start', 'text', (c) => c.notNull())
    .addColumn('sentiment_end', 'text', (c) => c.notNull())
    .addColumn('complaint', 'integer', (c) => c.notNull())
    .addColumn('complaint_confidence', 'real', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('analysed_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('check_results')
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_results_pkey', ['conversation_id', 'check_id'])
    .execute();
  await db.schema
    .createIndex('check_results_check_idx')
    .on('check_results')
    .columns(['check_id', 'result'])
    .execute();

  await db.schema
    .createTable('qa_queue')
    .addColumn('conversation_id', 'bigint', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_queue_status_idx')
    .on('qa_queue')
    .columns(['status', 'created_at'])
    .execute();
}
