/** SQL of customers and their personal data. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Reads and writes customers. */
export class CustomersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The customer with this id in the source system, with its personal data when kept. */
  find(externalId: string) {
    return this.db
      .selectFrom('customers as c')
      .leftJoin('customer_pii as p', 'p.customer_id', 'c.id')
      .select(['c.id', 'c.erased_at', 'p.name', 'p.email', 'p.phone'])
      .where('c.external_id', '=', externalId)
      .executeTakeFirst();
  }

  /** Which of these customers (ids in the source system) have been erased. */
  async erasedAmong(externalIds: readonly string[]): Promise<Set<string>> {
    if (externalIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('customers')
      .select('external_id')
      .where('external_id', 'in', [...new Set(externalIds)])
      .where('erased_at', 'is not', null)
      .execute();
    return new Set(rows.map((row) => row.external_id));
  }

  /** Deletes the personal data (also the contact details of their complaints) and records the erasure, in one transaction. */
  async markErased(customerId: number, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('customer_pii').where('customer_id', '=', customerId).execute();
      await trx
        .updateTable('complaints')
        .set({ contact_name: null, contact_email: null, contact_phone: null, updated_at: now })
        .where('customer_id', '=', customerId)
        .execute();
      await trx.updateTable('customers').set({ erased_at: now }).where('id', '=', customerId).execute();
    });
  }

  /** Ids of the customer's conversations. */
  async conversationIds(customerId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Drops stored analyses (they quote the text) so the conversations are analysed again. */
  async dropAnalyses(conversationIds: readonly number[]): Promise<void> {
    if (conversationIds.length === 0) return;
    await this.db
      .deleteFrom('conversation_analysis')
      .where('conversation_id', 'in', conversationIds)
      .execute();
  }
}
