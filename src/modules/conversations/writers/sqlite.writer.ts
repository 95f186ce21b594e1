/**
 * Batch writer for SQLite: prepared statements run synchronously inside one transaction per
 * batch, which is what a bare better-sqlite3 loop does too, so the import runs near its ceiling.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  CONVERSATION_COLUMNS,
  type ConversationWriter,
  filterableFields,
  type NormalizedConversation,
  searchDocument,
  type WriteResult,
} from '../conversations.writer.js';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

interface AgentState {
  id: number;
  name: string | null;
  teamId: number | null;
}

/** Stores conversations in SQLite. */
export class SqliteConversationWriter implements ConversationWriter {
  private readonly findConversation: Statement;
  private readonly insertConversation: Statement;
  private readonly updateConversation: Statement;
  private readonly deleteMessages: Statement;
  private readonly deleteFeedback: Statement;
  private readonly deleteTags: Statement;
  private readonly deleteFields: Statement;
  private readonly deleteSearch: Statement;
  private readonly insertMessage: Statement;
  private readonly insertFeedback: Statement;
  private readonly insertTagLink: Statement;
  private readonly insertField: Statement;
  private readonly insertSearch: Statement;
  private readonly upsertTeam: Statement;
  private readonly upsertAgent: Statement;
  private readonly findCustomer: Statement;
  private readonly insertCustomer: Statement;
  private readonly insertCustomerPii: Statement;
  private readonly upsertCustomerPii: Statement;
  private readonly upsertTag: Statement;
  private readonly writeTransaction: (batch: readonly NormalizedConversation[]) => WriteResult[];

  // Caches of ids already in the database; cleared whenever a transaction fails.
  private readonly teamIds = new Map<string, number>();
  private readonly agents = new Map<string, AgentState>();
  private readonly tagIds = new Map<string, number>();

  constructor(db: BetterSqlite3.Database) {
    const placeholders = CONVERSATION_COLUMNS.map(() => '?').join(', ');
    this.findConversation = db.prepare(
      'SELECT id, content_hash FROM conversations WHERE source = ? AND external_id = ?',
    );
    this.insertConversation = db.prepare(
      `INSERT INTO conversations (${CONVERSATION_COLUMNS.join(', ')}, imported_at) VALUES (${placeholders}, ?)`,
    );
    this.updateConversation = db.prepare(
      `UPDATE conversations SET ${CONVERSATION_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    this.deleteMessages = db.prepare('DELETE FROM messages WHERE conversation_id = ?');
    this.deleteFeedback = db.prepare('DELETE FROM feedback WHERE conversation_id = ?');
    this.deleteTags = db.prepare('DELETE FROM conversation_tags WHERE conversation_id = ?');
    this.deleteFields = db.prepare('DELETE FROM conversation_fields WHERE conversation_id = ?');
    this.deleteSearch = db.prepare('DELETE FROM conversation_search WHERE rowid = ?');
    this.insertMessage = db.prepare(
      'INSERT INTO messages (conversation_id, seq, role, author, at, text, internal, start_s, end_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFeedback = db.prepare(
      'INSERT INTO feedback (conversation_id, seq, type, score, scale, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertTagLink = db.prepare('INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)');
    this.insertField = db.prepare(
      'INSERT INTO conversation_fields (conversation_id, key, value) VALUES (?, ?, ?)',
    );
    this.insertSearch = db.prepare('INSERT INTO conversation_search (rowid, body) VALUES (?, ?)');
    this.upsertTeam = db.prepare(
      'INSERT INTO teams (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id',
    );
    this.upsertAgent = db.prepare(
      `INSERT INTO agents (external_id, name, team_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (external_id) DO UPDATE SET name = coalesce(excluded.name, agents.name),
         team_id = coalesce(excluded.team_id, agents.team_id)
       RETURNING id, name, team_id`,
    );
    this.findCustomer = db.prepare('SELECT id FROM customers WHERE external_id = ?');
    this.insertCustomer = db.prepare('INSERT INTO customers (external_id, created_at) VALUES (?, ?)');
    this.insertCustomerPii = db.prepare(
      'INSERT INTO customer_pii (customer_id, name, email, phone, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.upsertCustomerPii = db.prepare(
      `INSERT INTO customer_pii (customer_id, name, email, phone, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET name = coalesce(excluded.name, customer_pii.name),
         email = coalesce(excluded.email, customer_pii.email), phone = coalesce(excluded.phone, customer_pii.phone),
         updated_at = excluded.updated_at`,
    );
    this.upsertTag = db.prepare(
      'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id',
    );
    this.writeTransaction = db.transaction((batch: readonly NormalizedConversation[]) =>
      batch.map((conversation) => this.writeOne(conversation, Date.now())),
    );
  }

  async writeBatch(batch: readonly NormalizedConversation[]): Promise<WriteResult[]> {
    try {
      return this.writeTransaction(batch);
    } catch (error) {
      this.teamIds.clear();
      this.agents.clear();
      this.tagIds.clear();
      throw error;
    }
  }

  private writeOne(conversation: NormalizedConversation, now: number): WriteResult {
    const existing = this.findConversation.get(conversation.source, conversation.externalId) as
      | { id: number; content_hash: string }
      | undefined;
    if (existing && existing.content_hash === conversation.contentHash) {
      return { id: existing.id, outcome: 'unchanged' };
    }
    const teamId = conversation.agent?.team ? this.teamId(conversation.agent.team, now) : null;
    const agentId = conversation.agent ? this.agentId(conversation.agent, teamId, now) : null;
    const customerId = conversation.customer ? this.customerId(conversation.customer, now) : null;
    const values = [
      conversation.source,
      conversation.externalId,
      conversation.channel,
      conversation.language,
      conversation.subject,
      conversation.status,
      conversation.priority,
      conversation.createdAt,
      conversation.resolvedAt,
      agentId,
      teamId,
      customerId,
      conversation.waitS,
      conversation.handleS,
      conversation.transfers,
      conversation.abandoned === null ? null : conversation.abandoned ? 1 : 0,
      conversation.reopened,
      conversation.outcome,
      conversation.complaint ? 1 : 0,
      conversation.feedback.length > 0 ? 1 : 0,
      conversation.messages.length,
      conversation.custom ? JSON.stringify(conversation.custom) : null,
      conversation.contentHash,
      now,
    ];
    let id: number;
    if (existing) {
      id = existing.id;
      this.updateConversation.run(...values, id);
      this.deleteMessages.run(id);
      this.deleteFeedback.run(id);
      this.deleteTags.run(id);
      this.deleteFields.run(id);
      this.deleteSearch.run(id);
    } else {
      id = Number(this.insertConversation.run(...values, now).lastInsertRowid);
    }
    this.writeParts(id, conversation);
    return { id, outcome: existing ? 'updated' : 'imported' };
  }

  private writeParts(id: number, conversation: NormalizedConversation): void {
    conversation.messages.forEach((message, seq) => {
      this.insertMessage.run(
        id,
        seq,
        message.role,
        message.author,
        message.at,
        message.text,
        message.internal ? 1 : 0,
        message.startS,
        message.endS,
      );
    });
    conversation.feedback.forEach((answer, seq) => {
      this.insertFeedback.run(id, seq, answer.type, answer.score, answer.scale, answer.comment, answer.at);
    });
    for (const tag of conversation.tags) this.insertTagLink.run(id, this.tagId(tag));
    for (const [key, value] of filterableFields(conversation.custom)) this.insertField.run(id, key, value);
    this.insertSearch.run(id, searchDocument(conversation));
  }

  private teamId(name: string, now: number): number {
    let id = this.teamIds.get(name);
    if (id === undefined) {
      id = (this.upsertTeam.get(name, now) as { id: number }).id;
      this.teamIds.set(name, id);
    }
    return id;
  }

  private agentId(
    agent: NonNullable<NormalizedConversation['agent']>,
    teamId: number | null,
    now: number,
  ): number {
    const known = this.agents.get(agent.externalId);
    if (
      known &&
      (agent.name === null || agent.name === known.name) &&
      (teamId === null || teamId === known.teamId)
    ) {
      return known.id;
    }
    const row = this.upsertAgent.get(agent.externalId, agent.name, teamId, now) as {
      id: number;
      name: string | null;
      team_id: number | null;
    };
    this.agents.set(agent.externalId, { id: row.id, name: row.name, teamId: row.team_id });
    return row.id;
  }

  // Customers are not cached: there are as many as conversations, and memory must stay flat.
  private customerId(customer: NonNullable<NormalizedConversation['customer']>, now: number): number {
    const personal = customer.name !== null || customer.email !== null || customer.phone !== null;
    const found = this.findCustomer.get(customer.externalId) as { id: number } | undefined;
    if (found) {
      if (personal) this.upsertCustomerPii.run(found.id, customer.name, customer.email, customer.phone, now);
      return found.id;
    }
    const id = Number(this.insertCustomer.run(customer.externalId, now).lastInsertRowid);
    if (personal) this.insertCustomerPii.run(id, customer.name, customer.email, customer.phone, now);
    return id;
  }

  private tagId(name: string): number {
    let id = this.tagIds.get(name);
    if (id === undefined) {
      id = (this.upsertTag.get(name) as { id: number }).id;
      this.tagIds.set(name, id);
    }
    return id;
  }
}
