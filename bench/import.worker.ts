/**
 * One measured import for bench/import.bench.ts, run in its own process so that its peak RSS
 * is its own. Prints one JSON line: conversations, messages, seconds, peakRssMb.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/database.js';
import type { ConversationInput } from '../src/modules/conversations/conversations.schema.js';
import { importFiles } from '../src/modules/ingest/ingest.service.js';

const [mode, file, dataDir] = process.argv.slice(2);
if (!mode || !file || !dataDir) throw new Error('usage: import.worker.ts baseline|kvalita FILE DATA_DIR');

// Both runs start from the same migrated, empty schema.
const database = await openDatabase({ dataDir });
await database.close();

const started = performance.now();
let conversations = 0;
if (mode === 'kvalita') {
  const fresh = await openDatabase({ dataDir });
  const summary = await importFiles(fresh, [file]);
  await fresh.close();
  conversations = summary.imported;
} else {
  conversations = await baseline(file, path.join(dataDir, 'kvalita.sqlite'));
}
const seconds = (performance.now() - started) / 1000;
const check = new Database(path.join(dataDir, 'kvalita.sqlite'), { readonly: true });
const messages = (check.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
check.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ conversations, messages, seconds, peakRssMb })}\n`);

/** The ceiling: parse each line and insert the same rows with bare prepared statements. */
async function baseline(input: string, dbFile: string): Promise<number> {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  const now = Date.now();
  const insertConversation = db.prepare(
    `INSERT INTO conversations (source, external_id, channel, language, subject, status, priority, created_at,
      resolved_at, agent_id, team_id, customer_id, wait_s, handle_s, transfers, abandoned, reopened, outcome,
      complaint, has_feedback, message_count, custom, content_hash, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMessage = db.prepare(
    'INSERT INTO messages (conversation_id, seq, role, author, at, text, internal, start_s, end_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFeedback = db.prepare(
    'INSERT INTO feedback (conversation_id, seq, type, score, scale, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
  const insertAgent = db.prepare(
    'INSERT INTO agents (external_id, name, team_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertCustomer = db.prepare('INSERT INTO customers (external_id, created_at) VALUES (?, ?)');
  const insertPii = db.prepare(
    'INSERT INTO customer_pii (customer_id, name, email, phone, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?)');
  const insertTagLink = db.prepare('INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)');
  const insertField = db.prepare(
    'INSERT INTO conversation_fields (conversation_id, key, value) VALUES (?, ?, ?)',
  );
  const insertSearch = db.prepare('INSERT INTO conversation_search (rowid, body) VALUES (?, ?)');
  const teams = new Map<string, number>();
  const agents = new Map<string, number>();
  const customers = new Map<string, number>();
  const tags = new Map<string, number>();
  const ms = (value: string | undefined) => (value === undefined ? null : Date.parse(value));
  const idOf = (map: Map<string, number>, key: string, create: () => number) => {
    let id = map.get(key);
    if (id === undefined) {
      id = create();
      map.set(key, id);
    }
    return id;
  };
  const writeBatch = db.transaction((batch: ConversationInput[]) => {
    for (const c of batch) {
      const teamName = c.agent?.team;
      const teamId = teamName
        ? idOf(teams, teamName, () => Number(insertTeam.run(teamName, now).lastInsertRowid))
        : null;
      const agentId = c.agent
        ? idOf(agents, String(c.agent.id), () =>
            Number(insertAgent.run(String(c.agent?.id), c.agent?.name ?? null, teamId, now).lastInsertRowid),
          )
        : null;
      const customer = c.customer;
      const customerId = customer
        ? idOf(customers, String(customer.id), () => {
            const id = Number(insertCustomer.run(String(customer.id), now).lastInsertRowid);
            insertPii.run(id, customer.name ?? null, customer.email ?? null, customer.phone ?? null, now);
            return id;
          })
        : null;
      const id = Number(
        insertConversation.run(
          c.source ?? 'import',
          String(c.id),
          c.channel,
          c.language ?? null,
          c.subject ?? null,
          c.status ?? null,
          c.priority ?? null,
          Date.parse(c.created_at),
          ms(c.resolved_at),
          agentId,
          teamId,
          customerId,
          c.wait_s ?? null,
          c.handle_s ?? null,
          c.transfers ?? null,
          c.abandoned === undefined ? null : c.abandoned ? 1 : 0,
          c.reopened ?? null,
          c.outcome ?? null,
          c.complaint ? 1 : 0,
          c.feedback?.length ? 1 : 0,
          c.messages?.length ?? 0,
          c.custom ? JSON.stringify(c.custom) : null,
          '',
          now,
          now,
        ).lastInsertRowid,
      );
      const texts: string[] = c.subject ? [c.subject] : [];
      (c.messages ?? []).forEach((m, seq) => {
        insertMessage.run(
          id,
          seq,
          m.role,
          m.author ?? null,
          ms(m.at),
          m.text,
          m.internal ? 1 : 0,
          m.start_s ?? null,
          m.end_s ?? null,
        );
        texts.push(m.text);
      });
      (c.feedback ?? []).forEach((f, seq) => {
        insertFeedback.run(id, seq, f.type, f.score, f.scale ?? 5, f.comment ?? null, ms(f.at));
      });
      for (const tag of new Set(c.tags ?? [])) {
        insertTagLink.run(
          id,
          idOf(tags, tag, () => Number(insertTag.run(tag).lastInsertRowid)),
        );
      }
      for (const [key, value] of Object.entries(c.custom ?? {})) {
        if (typeof value === 'string' || typeof value === 'number') insertField.run(id, key, String(value));
      }
      insertSearch.run(id, texts.join('\n'));
    }
  });
  const lines = readline.createInterface({
    input: fs.createReadStream(input, { highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: ConversationInput[] = [];
  let total = 0;
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as ConversationInput);
    if (batch.length === 1000) {
      writeBatch(batch);
      total += batch.length;
      batch = [];
    }
  }
  writeBatch(batch);
  total += batch.length;
  db.close();
  return total;
}
