/**
 * The complaints and suggestions register: entries with reference numbers, owners, deadlines,
 * resolution and topic; their conversations, history, notes and communication log; complaint
 * candidates detected by AutoQA; corrective actions; and in-app notifications (escalations).
 */
import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const idColumn = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('complaint_sequences')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('category', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('remedy_sought', 'text')
    .addColumn('owner_user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('department', 'text')
    .addColumn('subject_agent_id', 'bigint', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('duplicate_of', 'bigint', (c) => c.references('complaints.id').onDelete('set null'))
    .addColumn('acknowledge_due_at', 'bigint')
    .addColumn('resolve_due_at', 'bigint')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('acknowledge_escalated_at', 'bigint')
    .addColumn('resolve_escalated_at', 'bigint')
    .addColumn('root_cause', 'text')
    .addColumn('resolution_type', 'text')
    .addColumn('resolution_amount', 'double precision')
    .addColumn('resolution_currency', 'text')
    .addColumn('customer_satisfied', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('evaluation', 'text')
    .addColumn('topic', 'text')
    .addColumn('topic_label', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaints_status_idx')
    .on('complaints')
    .columns(['status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('complaints_owner_idx')
    .on('complaints')
    .columns(['owner_user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('complaints_customer_idx')
    .on('complaints')
    .columns(['customer_id', 'category'])
    .execute();
  await db.schema
    .createIndex('complaints_external_unique')
    .on('complaints')
    .columns(['source', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('complaint_conversations')
    .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('complaint_conversations_pkey', ['complaint_id', 'conversation_id'])
    .execute();
  await db.schema
    .createIndex('complaint_conversations_conversation_idx')
    .on('complaint_conversations')
    .column('conversation_id')
    .execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_events_complaint_idx')
    .on('complaint_events')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('complaint_notes')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'bigint')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaint_communications')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'bigint')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaint_candidates')
    .addColumn('conversation_id', 'bigint', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'bigint', (c) => c.references('complaints.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'bigint')
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('complaint_candidates_status_idx')
    .on('complaint_candidates')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createIndex('complaints_topic_idx')
    .on('complaints')
    .columns(['topic', 'received_at'])
    .execute();

  await db.schema
    .createTable('corrective_actions')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('corrective_action_complaints')
    .addColumn('action_id', 'bigint', (c) =>
      c.notNull().references('corrective_actions.id').onDelete('cascade'),
    )
    .addColumn('complaint_id', 'bigint', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('corrective_action_complaints_pkey', ['action_id', 'complaint_id'])
    .execute();

  // Who manages whom: escalations go to the owner's manager.
  await db.schema.alterTable('users').addColumn('manager_user_id', 'bigint').execute();
}
