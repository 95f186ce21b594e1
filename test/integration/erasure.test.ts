/** Erasing a customer's personal data on both databases: fields gone, texts masked, never restored. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationsService } from '../../src/modules/conversations/conversations.service.js';
import { eraseCustomer, UnknownCustomerError } from '../../src/modules/customers/customers.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { adminPrincipal, conversation } from '../support/factories.js';

const admin = adminPrincipal;
const personal = conversation(1, {
  customer: { id: 'c-9902', name: 'Petar Kovač', email: 'petar@example.com', phone: '+385911234567' },
  subject: 'Račun za petar@example.com',
  messages: [
    { role: 'customer', text: 'Dobar dan, ovdje Petar Kovač, moj broj je +385 91 123 4567.' },
    { role: 'agent', text: 'Dobar dan, Petre! Provjeravam.' },
  ],
});

for (const kind of DATABASE_KINDS) {
  describe(`customer erasure on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let service: ConversationsService;
    const detail = async () => {
      const page = await service.list(admin, { source: 'test' } as never);
      const found = page.items.find((item) => item.external_id === 't-1');
      assert.ok(found);
      return service.get(admin, found.id);
    };

    before(async () => {
      test = await kind.create();
      service = new ConversationsService(test.database);
      await ingestItems(test.database, [{ raw: personal }, { raw: conversation(2) }], 'test');
    });
    after(async () => {
      await test?.drop();
    });

    it('deletes the personal fields and masks them and the name in every text', async () => {
      assert.equal((await eraseCustomer(test.database, 'c-9902')).conversations, 1);
      const erased = await detail();
      assert.deepEqual(erased?.customer, { id: 'c-9902', name: null, email: null, phone: null });
      assert.equal(erased?.subject, 'Račun za [email]');
      assert.deepEqual(
        erased?.messages.map((m) => m.text),
        ['Dobar dan, ovdje [name] [name], moj broj je [phone].', 'Dobar dan, [name]! Provjeravam.'],
      );
      const other = (await service.list(admin, { source: 'test' } as never)).items.find(
        (i) => i.external_id === 't-2',
      );
      assert.equal((await service.get(admin, other?.id ?? 0))?.customer?.email, 'c2@example.com');
    });

    it('keeps the data erased when the same conversation is imported again, and can run again', async () => {
      await ingestItems(test.database, [{ raw: personal }], 'test');
      const again = await detail();
      assert.equal(again?.customer?.email, null);
      assert.ok(again?.messages.every((m) => !m.text.includes('Petar') && !m.text.includes('4567')));
      assert.equal((await eraseCustomer(test.database, 'c-9902')).conversations, 1);
      await assert.rejects(eraseCustomer(test.database, 'nobody'), UnknownCustomerError);
    });

    it('finds the conversation no longer by the erased words', async () => {
      assert.equal((await service.list(admin, { q: 'Petar' } as never)).items.length, 0);
      assert.equal((await service.list(admin, { q: 'Provjeravam' } as never)).items.length, 1);
    });
  });
}
