/**
 * The reviewer's workflow: versioned scorecards, reviews with their ratings and audit trail,
 * disputes, follow-up tasks, sampling rules and assignments, coaching and calibration sessions.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const idColumn = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('scorecards')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scorecard_versions')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('scorecard_id', 'bigint', (c) => c.notNull().references('scorecards.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('scorecard_versions_unique', ['scorecard_id', 'version'])
    .execute();

  await db.schema
    .createTable('calibration_sessions')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scorecard_version_id', 'bigint', (c) => c.notNull().references('scorecard_versions.id'))
    .addColumn('lead_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('baseline_user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revealed_at', 'bigint')
    .execute();
  await db.schema
    .createTable('calibration_conversations')
    .addColumn('session_id', 'bigint', (c) =>
      c.notNull().references('calibration_sessions.id').onDelete('cascade'),
    )
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('calibration_conversations_pkey', ['session_id', 'conversation_id'])
    .execute();
  await db.schema
    .createTable('calibration_participants')
    .addColumn('session_id', 'bigint', (c) =>
      c.notNull().references('calibration_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('calibration_participants_pkey', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('scorecard_version_id', 'bigint', (c) => c.notNull().references('scorecard_versions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reviewer_user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('agent_id', 'bigint', (c) => c.references('agents.id'))
    .addColumn('calibration_session_id', 'bigint', (c) =>
      c.references('calibration_sessions.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('passed', 'integer')
    .addColumn('auto_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .execute();
  await db.schema.createIndex('reviews_conversation_idx').on('reviews').column('conversation_id').execute();
  await db.schema
    .createIndex('reviews_agent_idx')
    .on('reviews')
    .columns(['agent_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('reviews_reviewer_idx')
    .on('reviews')
    .columns(['reviewer_user_id', 'updated_at'])
    .execute();
  // One automatic review per conversation; one review per reviewer in a calibration session.
  await db.schema
    .createIndex('reviews_auto_unique')
    .on('reviews')
    .column('conversation_id')
    .unique()
    .where(sql.ref('kind'), '=', 'auto')
    .execute();

  await db.schema
    .createTable('review_ratings')
    .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('category_key', 'text', (c) => c.notNull())
    .addColumn('rating', 'double precision')
    .addColumn('na', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('category_score', 'double precision')
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_ratings_pkey', ['review_id', 'category_key'])
    .execute();
  await db.schema
    .createIndex('review_ratings_category_idx')
    .on('review_ratings')
    .column('category_key')
    .execute();

  await db.schema
    .createTable('review_audit')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_audit_review_idx').on('review_audit').column('review_id').execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('opened_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_comment', 'text')
    .execute();
  await db.schema
    .createIndex('disputes_status_idx')
    .on('disputes')
    .columns(['status', 'opened_at'])
    .execute();
  await db.schema.createIndex('disputes_review_idx').on('disputes').column('review_id').execute();

  await db.schema
    .createTable('review_tasks')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('review_id', 'bigint', (c) => c.references('reviews.id').onDelete('cascade'))
    .addColumn('conversation_id', 'bigint', (c) => c.references('conversations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('due_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('review_tasks_owner_idx')
    .on('review_tasks')
    .columns(['owner_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('sampling_rules')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'bigint', (c) => c.notNull().references('scorecards.id'))
    .addColumn('per_agent', 'integer', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('reviewer_ids', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('reviewer_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('scorecard_id', 'bigint', (c) => c.notNull().references('scorecards.id'))
    .addColumn('rule_id', 'bigint', (c) => c.references('sampling_rules.id').onDelete('set null'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_id', 'bigint', (c) => c.references('reviews.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // A conversation is assigned once per scorecard, however often sampling runs.
  await db.schema
    .createIndex('review_assignments_unique')
    .on('review_assignments')
    .columns(['conversation_id', 'scorecard_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('review_assignments_reviewer_idx')
    .on('review_assignments')
    .columns(['reviewer_user_id', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('coaching_sessions')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('agent_id', 'bigint', (c) => c.notNull().references('agents.id'))
    .addColumn('lead_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('held_at', 'bigint', (c) => c.notNull())
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('action_items', 'text', (c) => c.notNull())
    .addColumn('follow_up_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coaching_sessions_agent_idx')
    .on('coaching_sessions')
    .columns(['agent_id', 'held_at'])
    .execute();
  await db.schema
    .createTable('coaching_reviews')
    .addColumn('session_id', 'bigint', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('review_id', 'bigint', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('coaching_reviews_pkey', ['session_id', 'review_id'])
    .execute();
}
