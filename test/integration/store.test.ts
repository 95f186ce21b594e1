/** The contact store on both databases: upsert, idempotency, reads, filters, paging, visibility. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConversationInput } from '../../src/modules/conversations/conversations.schema.js';
import { ConversationsService } from '../../src/modules/conversations/conversations.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import type { Principal } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { adminPrincipal, conversation } from '../support/factories.js';

const admin = adminPrincipal;

async function store(test: TestDatabase, items: ConversationInput[]) {
  return ingestItems(
    test.database,
    items.map((raw) => ({ raw })),
    'test',
  );
}

async function count(test: TestDatabase, table: 'conversations' | 'messages' | 'feedback' | 'customer_pii') {
  const row = await test.database.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const kind of DATABASE_KINDS) {
  describe(`contact store on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let service: ConversationsService;

    before(async () => {
      test = await kind.create();
      service = new ConversationsService(test.database);
      await store(
        test,
        Array.from({ length: 30 }, (_, n) => conversation(n)),
      );
    });
    after(async () => {
      await test?.drop();
    });

    it('stores conversations with their messages, feedback, tags and the customer apart', async () => {
      assert.equal(await count(test, 'conversations'), 30);
      assert.equal(await count(test, 'messages'), 60);
      assert.equal(await count(test, 'feedback'), 10);
      assert.equal(await count(test, 'customer_pii'), 30);
      const page = await service.list(admin, { q: 'parcel 7' } as never);
      const found = page.items.find((item) => item.external_id === 't-7');
      assert.ok(found, 'conversation t-7 is found by its text');
      const detail = await service.get(admin, found.id);
      assert.equal(detail?.messages.length, 2);
      assert.equal(detail?.messages[0]?.text, 'Hello, my parcel 7 is broken.');
      assert.deepEqual(detail?.tags, ['delivery', 'refund']);
      assert.equal(detail?.customer?.email, 'c7@example.com');
      assert.equal(detail?.agent?.id, 'a-1');
      assert.equal(detail?.team, 'London L1');
    });

    it('updates instead of duplicating when the same (source, id) comes again', async () => {
      const again = await store(test, [
        conversation(3),
        conversation(4, {
          subject: 'Changed subject',
          messages: [{ role: 'customer', text: 'only one now' }],
        }),
      ]);
      assert.deepEqual(
        again.results.map((r) => r.status),
        ['updated', 'updated'],
      );
      assert.equal(again.summary.unchanged, 1);
      assert.equal(await count(test, 'conversations'), 30);
      const page = await service.list(admin, { q: 'only one now' } as never);
      assert.equal(page.items.length, 1);
      const detail = await service.get(admin, page.items[0]?.id ?? 0);
      assert.equal(detail?.subject, 'Changed subject');
      assert.deepEqual(
        detail?.messages.map((m) => m.text),
        ['only one now'],
      );
      await store(test, [conversation(4)]);
    });

    it('keeps the good items of a batch and reports the bad ones by index', async () => {
      const result = await ingestItems(
        test.database,
        [{ raw: conversation(100) }, { raw: { ...conversation(101), created_at: 'yesterday' } }],
        'test',
      );
      assert.deepEqual(
        result.results.map((r) => r.status),
        ['imported', 'rejected'],
      );
      assert.equal(result.results[1]?.errors?.[0]?.field, 'created_at');
      const stored = await service.list(admin, { q: 'parcel 101' } as never);
      assert.equal(stored.items.length, 0);
    });

    it('filters by channel, agent, team, language, tag, status, feedback and period', async () => {
      await store(test, [
        conversation(200, {
          channel: 'email',
          language: 'hr',
          status: 'open',
          resolved_at: undefined as never,
          tags: ['vip'],
        }),
      ]);
      const ids = async (query: Record<string, unknown>) =>
        (await service.list(admin, { limit: 500, ...query } as never)).items.map((i) => i.external_id).sort();
      assert.deepEqual(await ids({ channel: 'email' }), ['t-200']);
      assert.deepEqual(await ids({ language: 'hr' }), ['t-200']);
      assert.deepEqual(await ids({ status: 'open' }), ['t-200']);
      assert.deepEqual(await ids({ tag: 'vip' }), ['t-200']);
      assert.equal((await ids({ agent: 'a-0' })).length, 10);
      assert.equal((await ids({ team: 'Zagreb L1' })).length, 10);
      assert.equal((await ids({ has_feedback: true })).length, 10);
      assert.deepEqual(await ids({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' }), [
        't-1',
        't-29',
      ]);
      assert.deepEqual(await ids({ channel: 'email', tag: 'billing' }), []);
    });

    it('pages through every conversation exactly once in both orders', async () => {
      for (const sort of ['-created_at', 'created_at'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await service.list(admin, { sort, limit: 7, ...(cursor ? { cursor } : {}) } as never);
          seen.push(...page.items.map((i) => i.external_id));
          cursor = page.next_cursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 20);
        assert.equal(seen.length, 32);
        assert.equal(new Set(seen).size, 32);
        const times = seen.length;
        assert.ok(times > 0);
      }
    });

    it('shows an agent only their own conversations', async () => {
      const agentRow = await test.database.kysely
        .selectFrom('agents')
        .select('id')
        .where('external_id', '=', 'a-1')
        .executeTakeFirstOrThrow();
      const agent: Principal = { ...admin, role: 'agent', agentId: agentRow.id, agentExternalId: 'a-1' };
      const mine = await service.list(agent, { limit: 500 } as never);
      assert.ok(mine.items.length > 0);
      assert.ok(mine.items.every((item) => item.agent?.id === 'a-1'));
      const someoneElses = (await service.list(admin, { agent: 'a-2', limit: 1 } as never)).items[0];
      assert.ok(someoneElses);
      assert.equal(await service.get(agent, someoneElses.id), null);
      const unlinked: Principal = { ...agent, agentId: null, agentExternalId: null };
      assert.equal((await service.list(unlinked, {} as never)).items.length, 0);
    });
  });
}
