/** Contacts: teams, agents, customers (personal data apart), conversations and their parts. */
import { type Kysely, sql } from 'kysely';
import type { MigrationDialect } from './index.js';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const idColumn = dialect === 'postgres' ? 'bigserial' : 'integer';
  const bigint = 'bigint' as const;

  await db.schema
    .createTable('teams')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('team_id', bigint, (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customer_pii')
    .addColumn('customer_id', bigint, (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('subject', 'text')
    .addColumn('status', 'text')
    .addColumn('priority', 'text')
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('resolved_at', bigint)
    .addColumn('agent_id', bigint, (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('team_id', bigint, (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('customer_id', bigint, (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('wait_s', 'real')
    .addColumn('handle_s', 'real')
    .addColumn('transfers', 'integer')
    .addColumn('abandoned', 'integer')
    .addColumn('reopened', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('complaint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_feedback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custom', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', bigint, (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .addUniqueConstraint('conversations_source_external_id_key', ['source', 'external_id'])
    .execute();
  // The list's default order and the filters the API offers; other filters ride on these.
  await db.schema
    .createIndex('conversations_created_idx')
    .on('conversations')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('conversations_agent_created_idx')
    .on('conversations')
    .columns(['agent_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_team_created_idx')
    .on('conversations')
    .columns(['team_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_channel_created_idx')
    .on('conversations')
    .columns(['channel', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_customer_idx')
    .on('conversations')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('conversation_id', bigint, (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('at', bigint)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_s', 'real')
    .addColumn('end_s', 'real')
    .addPrimaryKeyConstraint('messages_pkey', ['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('conversation_id', bigint, (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('scale', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', bigint)
    .addPrimaryKeyConstraint('feedback_pkey', ['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', idColumn, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('conversation_tags')
    .addColumn('conversation_id', bigint, (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('tag_id', bigint, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('conversation_tags_pkey', ['conversation_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('conversation_tags_tag_idx')
    .on('conversation_tags')
    .columns(['tag_id', 'conversation_id'])
    .execute();

  await db.schema
    .createTable('conversation_fields')
    .addColumn('conversation_id', bigint, (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_fields_pkey', ['conversation_id', 'key'])
    .execute();
  await db.schema
    .createIndex('conversation_fields_key_value_idx')
    .on('conversation_fields')
    .columns(['key', 'value'])
    .execute();

  // Full-text search: one document per conversation (subject and every message).
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE conversation_search USING fts5(
      body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await db.schema
      .createTable('conversation_search')
      .addColumn('conversation_id', bigint, (c) =>
        c.primaryKey().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('body', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX conversation_search_body_idx ON conversation_search USING gin (body)`.execute(db);
  }
}
