/** AutoQA over the store on both databases: incremental, resumable scoring, settings, the QA queue. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AutoQaRepository } from '../../src/modules/autoqa/autoqa.repository.js';
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
import { saveEngineSettings } from '../../src/modules/autoqa/autoqa.settings.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

for (const kind of DATABASE_KINDS) {
  describe(`AutoQA scoring on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;

    before(async () => {
      test = await kind.create();
      const items = Array.from({ length: 40 }, (_, n) => conversation(n));
      items.push(
        conversation(900, {
          feedback: [{ type: 'csat', score: 1, scale: 5 }],
          messages: [
            { role: 'customer', text: 'This is unacceptable, I want my money back!' },
            { role: 'agent', text: 'Not my problem.' },
          ],
        }),
      );
      await ingestItems(
        test.database,
        items.map((raw) => ({ raw })),
        'test',
      );
    });
    after(async () => {
      await test?.drop();
    });

    it('analyses every stored conversation once, in worker threads, and stores the checks', async () => {
      const first = await scoreStored(test.database, { threads: 2, batchSize: 7 });
      assert.equal(first.analysed, 41);
      const again = await scoreStored(test.database, { threads: 2 });
      assert.equal(again.analysed, 0, 'nothing is pending after a full run');
      const checks = await test.database.kysely
        .selectFrom('check_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('check_id', '=', 'greeting')
        .executeTakeFirstOrThrow();
      assert.equal(Number(checks.n), 41);
    });

    it('puts a low-rated conversation into the QA queue with its reasons', async () => {
      const queued = await test.database.kysely
        .selectFrom('qa_queue')
        .innerJoin('conversations', 'conversations.id', 'qa_queue.conversation_id')
        .select(['conversations.external_id', 'qa_queue.reasons', 'qa_queue.status'])
        .where('conversations.external_id', '=', 't-900')
        .executeTakeFirstOrThrow();
      assert.equal(queued.status, 'open');
      assert.ok((JSON.parse(queued.reasons) as string[]).includes('low_rating'));
    });

    it('leaves a dismissed conversation out of the queue when it is analysed again', async () => {
      const row = await test.database.kysely
        .selectFrom('conversations')
        .select('id')
        .where('external_id', '=', 't-900')
        .executeTakeFirstOrThrow();
      await test.database.kysely
        .updateTable('qa_queue')
        .set({ status: 'dismissed' })
        .where('conversation_id', '=', row.id)
        .execute();
      await scoreStored(test.database, { all: true, threads: 1 });
      const queued = await test.database.kysely
        .selectFrom('qa_queue')
        .select('status')
        .where('conversation_id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(queued.status, 'dismissed');
    });

    it('analyses a conversation again when its content changes', async () => {
      await ingestItems(test.database, [{ raw: conversation(3, { subject: 'changed' }) }], 'test');
      assert.equal((await scoreStored(test.database, { threads: 1 })).analysed, 1);
    });

    it('masks personal data in stored text when the setting is on', async () => {
      await saveEngineSettings(test.database, { redactStoredText: true });
      try {
        const text = 'Write to me at ana.novak@example.com or call +385 91 123 4567.';
        await ingestItems(
          test.database,
          [{ raw: conversation(950, { messages: [{ role: 'customer', text }] }) }],
          'test',
        );
        const stored = await test.database.kysely
          .selectFrom('messages')
          .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
          .select('messages.text')
          .where('conversations.external_id', '=', 't-950')
          .executeTakeFirstOrThrow();
        assert.equal(stored.text, 'Write to me at [email] or call [phone].');
      } finally {
        await saveEngineSettings(test.database, { redactStoredText: false });
        await test.database.kysely.deleteFrom('conversations').where('external_id', '=', 't-950').execute();
      }
    });

    it('analyses everything again when the settings change, without the checks switched off', async () => {
      await saveEngineSettings(test.database, { disabledChecks: ['greeting'] });
      assert.equal((await scoreStored(test.database, { threads: 2 })).analysed, 41);
      const row = await test.database.kysely
        .selectFrom('conversations')
        .select('id')
        .where('external_id', '=', 't-5')
        .executeTakeFirstOrThrow();
      const analysis = await new AutoQaRepository(test.database.kysely).analysisOf(row.id);
      assert.ok(analysis);
      assert.equal(analysis.checks.greeting, undefined);
      assert.ok(analysis.checks.thanks);
    });
  });
}
