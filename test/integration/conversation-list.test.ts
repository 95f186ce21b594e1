/** The conversation list's two ways of applying a tag or text filter give the same pages, on both databases. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationsRepository } from '../../src/modules/conversations/conversations.repository.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

for (const kind of DATABASE_KINDS) {
  describe(`conversation list filters on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let repository: ConversationsRepository;

    before(async () => {
      test = await kind.create();
      repository = new ConversationsRepository(test.database.kysely, test.database.dialect);
      // Even numbers are tagged billing, odd ones delivery and refund (see the factory).
      await ingestItems(
        test.database,
        Array.from({ length: 30 }, (_, n) => ({ raw: conversation(n + 1) })),
        'test',
      );
    });
    after(async () => {
      await test?.drop();
    });

    it('counts a tag as dense only from the threshold on', async () => {
      assert.equal(await repository.tagIsDense('billing', 15), true);
      assert.equal(await repository.tagIsDense('billing', 16), false);
      assert.equal(await repository.tagIsDense('no such tag', 1), false);
    });

    it('pages a tag the same whether rows are checked one by one or collected first', async () => {
      for (const descending of [true, false]) {
        const pages = async (denseTag: boolean) => {
          const ids: number[] = [];
          let after: { createdAt: number; id: number } | undefined;
          for (;;) {
            const rows = await repository.list({ tag: 'refund', denseTag }, { descending, limit: 4, after });
            ids.push(...rows.map((row) => row.id));
            const last = rows.at(-1);
            if (rows.length < 4 || !last) return ids;
            after = { createdAt: last.created_at, id: last.id };
          }
        };
        const checked = await pages(true);
        assert.equal(checked.length, 15);
        assert.deepEqual(checked, await pages(false));
      }
    });

    it('pages a text search the same whether matches are checked in order or read and sorted', async () => {
      assert.equal(await repository.textIsDense('parcel', 30), kind.name === 'sqlite');
      for (const text of ['parcel', 'broken parcel', 'parcel 17']) {
        for (const descending of [true, false]) {
          const page = (denseText: boolean) =>
            repository
              .list({ text, denseText }, { descending, limit: 40 })
              .then((rows) => rows.map((r) => r.id));
          const inOrder = await page(true);
          assert.ok(inOrder.length > 0, text);
          assert.deepEqual(inOrder, await page(false), text);
        }
      }
    });
  });
}
