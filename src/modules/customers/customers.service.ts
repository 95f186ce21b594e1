/**
 * Erasure of a customer's personal data: the personal fields are deleted, the customer's
 * conversations are rewritten with e-mail addresses, phone numbers, card numbers, IBANs and the
 * customer's name masked, their analyses dropped, and later imports store none of it again.
 * Running it again finishes an erasure that was interrupted.
 */
import type { Database } from '../../db/database.js';
import { redactNames, redactPii } from '../../engine/redact.js';
import { ConversationsRepository } from '../conversations/conversations.repository.js';
import type { NormalizedConversation } from '../conversations/conversations.writer.js';
import { CustomersRepository } from './customers.repository.js';

/** Raised when the customer does not exist. */
export class UnknownCustomerError extends Error {}

const BATCH = 200;

/** Masks personal data, and the given names, in every text of a conversation. */
export function maskConversation(
  conversation: NormalizedConversation,
  names: readonly string[],
): NormalizedConversation {
  const mask = (text: string) => redactNames(redactPii(text), names);
  return {
    ...conversation,
    subject: conversation.subject === null ? null : mask(conversation.subject),
    customer: conversation.customer
      ? { ...conversation.customer, name: null, email: null, phone: null }
      : null,
    messages: conversation.messages.map((message) => ({ ...message, text: mask(message.text) })),
    feedback: conversation.feedback.map((answer) => ({
      ...answer,
      comment: answer.comment === null ? null : mask(answer.comment),
    })),
  };
}

/** Erases the personal data of the customer with this id in the source system; returns how many conversations were rewritten. */
export async function eraseCustomer(
  database: Database,
  externalId: string,
): Promise<{ conversations: number }> {
  const customers = new CustomersRepository(database.kysely);
  const customer = await customers.find(externalId);
  if (!customer) throw new UnknownCustomerError(`no customer with id "${externalId}"`);
  const names = [customer.name].filter((name): name is string => Boolean(name));
  await customers.markErased(customer.id, Date.now());
  const conversations = new ConversationsRepository(database.kysely, database.dialect);
  const writer = database.dialect.createConversationWriter();
  const ids = await customers.conversationIds(customer.id);
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    const rewritten = (await conversations.loadForRewrite(slice)).map((conversation) => ({
      ...maskConversation(conversation, names),
      contentHash: `erased:${conversation.contentHash}`.slice(0, 64),
    }));
    await writer.writeBatch(rewritten);
    await customers.dropAnalyses(slice);
  }
  return { conversations: ids.length };
}

/** Drops the personal data of erased customers from a batch about to be stored. */
export async function withoutErasedCustomers(
  database: Database,
  batch: readonly NormalizedConversation[],
): Promise<readonly NormalizedConversation[]> {
  const ids = batch.flatMap((c) => (c.customer ? [c.customer.externalId] : []));
  const erased = await new CustomersRepository(database.kysely).erasedAmong(ids);
  if (erased.size === 0) return batch;
  return batch.map((conversation) =>
    conversation.customer && erased.has(conversation.customer.externalId)
      ? maskConversation(
          conversation,
          [conversation.customer.name].filter((name): name is string => Boolean(name)),
        )
      : conversation,
  );
}
