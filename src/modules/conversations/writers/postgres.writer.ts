/**
 * Batch writer for PostgreSQL: a handful of multi-row statements per batch inside one
 * transaction, so a batch costs a few round trips whatever its size.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  CONVERSATION_COLUMNS,
  type ConversationWriter,
  filterableFields,
  type NormalizedConversation,
  searchDocument,
  type WriteResult,
} from '../conversations.writer.js';

// PostgreSQL accepts at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 60_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

// Every column an update rewrites: all but the key (and the time of the first import).
const UPDATED_COLUMNS = CONVERSATION_COLUMNS.filter(
  (column) => column !== 'source' && column !== 'external_id',
);

const keyOf = (conversation: NormalizedConversation) =>
  `${conversation.source}\u0000${conversation.externalId}`;

/** Stores conversations in PostgreSQL. */
export class PostgresConversationWriter implements ConversationWriter {
  constructor(private readonly kysely: Kysely<DB>) {}

  async writeBatch(batch: readonly NormalizedConversation[]): Promise<WriteResult[]> {
    // One multi-row upsert cannot touch the same row twice, so a batch that repeats a
    // conversation is written in parts, in order, and the later copy wins as it would in a loop.
    return this.kysely.transaction().execute(async (trx) => {
      const results: WriteResult[] = [];
      let part: NormalizedConversation[] = [];
      const seen = new Set<string>();
      for (const conversation of batch) {
        const key = keyOf(conversation);
        if (seen.has(key)) {
          results.push(...(await this.writePart(trx, part)));
          part = [];
          seen.clear();
        }
        seen.add(key);
        part.push(conversation);
      }
      results.push(...(await this.writePart(trx, part)));
      return results;
    });
  }

  private async writePart(trx: Transaction<DB>, part: NormalizedConversation[]): Promise<WriteResult[]> {
    if (part.length === 0) return [];
    const now = Date.now();
    const existing = new Map<string, { id: number; hash: string }>();
    for (const slice of chunks(part, 2)) {
      const rows = await trx
        .selectFrom('conversations')
        .select(['id', 'source', 'external_id', 'content_hash'])
        .where((eb) =>
          eb(
            eb.refTuple('source', 'external_id'),
            'in',
            slice.map((c) => eb.tuple(c.source, c.externalId)),
          ),
        )
        .execute();
      for (const row of rows) {
        existing.set(`${row.source}\u0000${row.external_id}`, { id: row.id, hash: row.content_hash });
      }
    }
    const changed = part.filter((c) => existing.get(keyOf(c))?.hash !== c.contentHash);
    const ids = new Map<string, number>();
    if (changed.length > 0) {
      const teamIds = await this.upsertTeams(trx, changed, now);
      const agentIds = await this.upsertAgents(trx, changed, teamIds, now);
      const customerIds = await this.upsertCustomers(trx, changed, now);
      const tagIds = await this.upsertTags(trx, changed);
      const rows = changed.map((c) => ({
        source: c.source,
        external_id: c.externalId,
        channel: c.channel,
        language: c.language,
        subject: c.subject,
        status: c.status,
        priority: c.priority,
        created_at: c.createdAt,
        resolved_at: c.resolvedAt,
        agent_id: c.agent ? (agentIds.get(c.agent.externalId) ?? null) : null,
        team_id: c.agent?.team ? (teamIds.get(c.agent.team) ?? null) : null,
        customer_id: c.customer ? (customerIds.get(c.customer.externalId) ?? null) : null,
        wait_s: c.waitS,
        handle_s: c.handleS,
        transfers: c.transfers,
        abandoned: c.abandoned === null ? null : c.abandoned ? 1 : 0,
        reopened: c.reopened,
        outcome: c.outcome,
        complaint: c.complaint ? 1 : 0,
        has_feedback: c.feedback.length > 0 ? 1 : 0,
        message_count: c.messages.length,
        custom: c.custom ? JSON.stringify(c.custom) : null,
        content_hash: c.contentHash,
        imported_at: now,
        updated_at: now,
      }));
      for (const slice of chunks(rows, 25)) {
        const stored = await trx
          .insertInto('conversations')
          .values(slice)
          .onConflict((oc) =>
            oc
              .columns(['source', 'external_id'])
              .doUpdateSet((eb) =>
                Object.fromEntries(
                  UPDATED_COLUMNS.map((column) => [
                    column,
                    eb.ref(`excluded.${column}` as 'excluded.channel'),
                  ]),
                ),
              ),
          )
          .returning(['id', 'source', 'external_id'])
          .execute();
        for (const row of stored) ids.set(`${row.source}\u0000${row.external_id}`, row.id);
      }
      const replacedIds = changed.flatMap((c) => {
        const found = existing.get(keyOf(c));
        return found ? [found.id] : [];
      });
      if (replacedIds.length > 0) {
        for (const table of [
          'messages',
          'feedback',
          'conversation_tags',
          'conversation_fields',
          'conversation_search',
        ] as const) {
          await trx.deleteFrom(table).where('conversation_id', 'in', replacedIds).execute();
        }
      }
      await this.insertParts(trx, changed, ids, tagIds);
    }
    return part.map((c) => {
      const found = existing.get(keyOf(c));
      if (found && found.hash === c.contentHash) return { id: found.id, outcome: 'unchanged' as const };
      const id = ids.get(keyOf(c));
      if (id === undefined) throw new Error(`conversation ${c.source}/${c.externalId} was not stored`);
      return { id, outcome: found ? ('updated' as const) : ('imported' as const) };
    });
  }

  private async insertParts(
    trx: Transaction<DB>,
    changed: NormalizedConversation[],
    ids: Map<string, number>,
    tagIds: Map<string, number>,
  ): Promise<void> {
    const messages = [];
    const feedback = [];
    const tagLinks = [];
    const fields = [];
    const documents = [];
    for (const c of changed) {
      const id = ids.get(keyOf(c));
      if (id === undefined) continue;
      for (const [seq, m] of c.messages.entries()) {
        messages.push({
          conversation_id: id,
          seq,
          role: m.role,
          author: m.author,
          at: m.at,
          text: m.text,
          internal: m.internal ? 1 : 0,
          start_s: m.startS,
          end_s: m.endS,
        });
      }
      for (const [seq, f] of c.feedback.entries()) {
        feedback.push({
          conversation_id: id,
          seq,
          type: f.type,
          score: f.score,
          scale: f.scale,
          comment: f.comment,
          at: f.at,
        });
      }
      for (const tag of new Set(c.tags)) {
        const tagId = tagIds.get(tag);
        if (tagId !== undefined) tagLinks.push({ conversation_id: id, tag_id: tagId });
      }
      for (const [key, value] of filterableFields(c.custom)) fields.push({ conversation_id: id, key, value });
      documents.push({ conversation_id: id, body: sql<string>`to_tsvector('simple', ${searchDocument(c)})` });
    }
    for (const slice of chunks(messages, 9)) await trx.insertInto('messages').values(slice).execute();
    for (const slice of chunks(feedback, 7)) await trx.insertInto('feedback').values(slice).execute();
    for (const slice of chunks(tagLinks, 2))
      await trx.insertInto('conversation_tags').values(slice).execute();
    for (const slice of chunks(fields, 3))
      await trx.insertInto('conversation_fields').values(slice).execute();
    for (const slice of chunks(documents, 2)) {
      await trx.insertInto('conversation_search').values(slice).execute();
    }
  }

  private async upsertTeams(trx: Transaction<DB>, rows: NormalizedConversation[], now: number) {
    const names = [...new Set(rows.flatMap((c) => (c.agent?.team ? [c.agent.team] : [])))];
    const ids = new Map<string, number>();
    if (names.length === 0) return ids;
    const stored = await trx
      .insertInto('teams')
      .values(names.map((name) => ({ name, created_at: now })))
      .onConflict((oc) => oc.column('name').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
      .returning(['id', 'name'])
      .execute();
    for (const row of stored) ids.set(row.name, row.id);
    return ids;
  }

  private async upsertAgents(
    trx: Transaction<DB>,
    rows: NormalizedConversation[],
    teamIds: Map<string, number>,
    now: number,
  ) {
    const latest = new Map<
      string,
      { external_id: string; name: string | null; team_id: number | null; created_at: number }
    >();
    for (const c of rows) {
      if (!c.agent) continue;
      latest.set(c.agent.externalId, {
        external_id: c.agent.externalId,
        name: c.agent.name,
        team_id: c.agent.team ? (teamIds.get(c.agent.team) ?? null) : null,
        created_at: now,
      });
    }
    const ids = new Map<string, number>();
    if (latest.size === 0) return ids;
    const stored = await trx
      .insertInto('agents')
      .values([...latest.values()])
      .onConflict((oc) =>
        oc.column('external_id').doUpdateSet({
          name: sql`coalesce(excluded.name, agents.name)`,
          team_id: sql`coalesce(excluded.team_id, agents.team_id)`,
        }),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const row of stored) ids.set(row.external_id, row.id);
    return ids;
  }

  private async upsertCustomers(trx: Transaction<DB>, rows: NormalizedConversation[], now: number) {
    const latest = new Map<string, NonNullable<NormalizedConversation['customer']>>();
    for (const c of rows) if (c.customer) latest.set(c.customer.externalId, c.customer);
    const ids = new Map<string, number>();
    if (latest.size === 0) return ids;
    const stored = await trx
      .insertInto('customers')
      .values([...latest.keys()].map((external_id) => ({ external_id, created_at: now })))
      .onConflict((oc) =>
        oc.column('external_id').doUpdateSet({ external_id: (eb) => eb.ref('excluded.external_id') }),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const row of stored) ids.set(row.external_id, row.id);
    const personal = [...latest.values()]
      .filter((c) => c.name !== null || c.email !== null || c.phone !== null)
      .map((c) => ({
        customer_id: ids.get(c.externalId) as number,
        name: c.name,
        email: c.email,
        phone: c.phone,
        updated_at: now,
      }));
    for (const slice of chunks(personal, 5)) {
      await trx
        .insertInto('customer_pii')
        .values(slice)
        .onConflict((oc) =>
          oc.column('customer_id').doUpdateSet({
            name: sql`coalesce(excluded.name, customer_pii.name)`,
            email: sql`coalesce(excluded.email, customer_pii.email)`,
            phone: sql`coalesce(excluded.phone, customer_pii.phone)`,
            updated_at: (eb) => eb.ref('excluded.updated_at'),
          }),
        )
        .execute();
    }
    return ids;
  }

  private async upsertTags(trx: Transaction<DB>, rows: NormalizedConversation[]) {
    const names = [...new Set(rows.flatMap((c) => c.tags))];
    const ids = new Map<string, number>();
    if (names.length === 0) return ids;
    const stored = await trx
      .insertInto('tags')
      .values(names.map((name) => ({ name })))
      .onConflict((oc) => oc.column('name').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
      .returning(['id', 'name'])
      .execute();
    for (const row of stored) ids.set(row.name, row.id);
    return ids;
  }
}
