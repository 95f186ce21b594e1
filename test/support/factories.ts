/** Builders of exchange-format conversations for tests: valid by default, overridable per field. */
import type { ConversationInput } from '../../src/modules/conversations/conversations.schema.js';
import type { Principal } from '../../src/modules/users/users.service.js';

/** An administrator as the services see a signed-in user. */
export const adminPrincipal: Principal = {
  id: 1,
  email: 'a@x',
  name: 'A',
  role: 'admin',
  agentId: null,
  agentExternalId: null,
};

/** A valid chat conversation numbered `n`, with `overrides` applied on top. */
export function conversation(
  n: number,
  overrides: Partial<ConversationInput> & Record<string, unknown> = {},
): ConversationInput {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    id: `t-${n}`,
    source: 'test',
    channel: 'chat',
    language: 'en',
    subject: `Order ${n} arrived damaged`,
    status: 'resolved',
    created_at: `2026-03-${day}T09:${String(n % 60).padStart(2, '0')}:00Z`,
    resolved_at: `2026-03-${day}T10:00:00Z`,
    agent: { id: `a-${n % 3}`, name: `Agent ${n % 3}`, team: n % 3 === 0 ? 'Zagreb L1' : 'London L1' },
    customer: { id: `c-${n}`, name: `Customer ${n}`, email: `c${n}@example.com`, phone: '+385911234567' },
    tags: n % 2 === 0 ? ['billing'] : ['delivery', 'refund'],
    messages: [
      {
        role: 'customer',
        author: `c-${n}`,
        at: `2026-03-${day}T09:00:00Z`,
        text: `Hello, my parcel ${n} is broken.`,
      },
      {
        role: 'agent',
        author: `a-${n % 3}`,
        at: `2026-03-${day}T09:01:00Z`,
        text: 'I am sorry to hear that. A new one ships today.',
      },
    ],
    feedback: n % 3 === 0 ? [{ type: 'csat', score: 5, scale: 5, comment: 'Quick and kind' }] : [],
    ...overrides,
  } as ConversationInput;
}

/** JSON Lines of the given items. */
export function jsonl(items: unknown[]): string {
  return `${items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n')}\n`;
}
