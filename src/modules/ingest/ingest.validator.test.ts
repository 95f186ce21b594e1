import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from '../../../test/support/factories.js';
import { formatErrors, validateConversation } from './ingest.validator.js';

function rejectReasons(raw: unknown): string {
  const verdict = validateConversation(raw);
  assert.equal(verdict.ok, false, 'expected a rejection');
  return verdict.ok ? '' : formatErrors(verdict.errors);
}

describe('validateConversation', () => {
  it('accepts a complete conversation and converts times to epoch milliseconds', () => {
    const verdict = validateConversation(conversation(1));
    assert.ok(verdict.ok);
    assert.equal(verdict.value.externalId, 't-1');
    assert.equal(verdict.value.createdAt, Date.parse('2026-03-02T09:01:00Z'));
    assert.equal(verdict.value.messages.length, 2);
    assert.equal(verdict.value.agent?.team, 'London L1');
  });

  it('defaults the source to import and numeric ids to strings', () => {
    const { source: _unused, ...rest } = conversation(2);
    const verdict = validateConversation({ ...rest, id: 42 });
    assert.ok(verdict.ok);
    assert.equal(verdict.value.source, 'import');
    assert.equal(verdict.value.externalId, '42');
  });

  it('keeps unknown top-level fields in custom instead of dropping them', () => {
    const verdict = validateConversation({
      ...conversation(3),
      order_id: 'A-1182',
      custom: { plan: 'gold' },
    });
    assert.ok(verdict.ok);
    assert.deepEqual(verdict.value.custom, { order_id: 'A-1182', plan: 'gold' });
  });

  it('names the field and the bad value of an impossible date', () => {
    assert.equal(
      rejectReasons(conversation(4, { created_at: '32/13/2026' })),
      'created_at: not a date: "32/13/2026"',
    );
  });

  it('rejects a date without a time zone offset', () => {
    assert.match(
      rejectReasons(conversation(4, { created_at: '2026-03-02T09:14:05' })),
      /^created_at: not a date/,
    );
  });

  it('lists the allowed channels when the channel is unknown', () => {
    assert.match(
      rejectReasons(conversation(5, { channel: 'pigeon' as never })),
      /^channel: must be one of phone, email, chat/,
    );
  });

  it('reports missing required fields by name', () => {
    const { id: _id, channel: _channel, ...rest } = conversation(6);
    const reasons = rejectReasons(rest);
    assert.match(reasons, /id: required/);
    assert.match(reasons, /channel: required/);
  });

  it('points into the messages array with the index of the bad message', () => {
    const item = conversation(7);
    const messages = [...(item.messages ?? []), { role: 'robot', text: 'hi' }];
    assert.match(
      rejectReasons({ ...item, messages }),
      /^messages\[2\]\.role: must be one of customer, agent, bot, system/,
    );
  });

  it('checks survey scores against their scale', () => {
    assert.equal(
      rejectReasons(conversation(8, { feedback: [{ type: 'csat', score: 7, scale: 5 }] })),
      'feedback[0].score: must be between 1 and 5, not 7',
    );
    assert.equal(
      rejectReasons(conversation(8, { feedback: [{ type: 'nps', score: 11 }] })),
      'feedback[0].score: must be between 0 and 10, not 11',
    );
  });

  it('refuses a resolution before creation and an utterance that ends before it starts', () => {
    assert.match(
      rejectReasons(conversation(9, { resolved_at: '2026-01-01T00:00:00Z' })),
      /^resolved_at: before created_at/,
    );
    const call = conversation(9, {
      channel: 'phone',
      messages: [{ role: 'agent', text: 'Hello', start_s: 5, end_s: 2 }],
    });
    assert.match(rejectReasons(call), /^messages\[0\]\.end_s: before start_s/);
  });

  it('rejects values of the wrong type with what was given', () => {
    assert.equal(
      rejectReasons(conversation(10, { wait_s: 'soon' as never })),
      'wait_s: must be a number, not "soon"',
    );
    assert.equal(rejectReasons('just text'), 'not a JSON object');
  });

  it('gives the same content digest for the same content and another for changed content', () => {
    const first = validateConversation(conversation(11));
    const again = validateConversation(conversation(11));
    const changed = validateConversation(conversation(11, { subject: 'Another subject' }));
    assert.ok(first.ok && again.ok && changed.ok);
    assert.equal(first.value.contentHash, again.value.contentHash);
    assert.notEqual(first.value.contentHash, changed.value.contentHash);
  });
});
