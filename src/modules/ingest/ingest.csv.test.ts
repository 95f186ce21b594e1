import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { parseColumnMap, readCsv } from './ingest.csv.js';
import type { SourceItem } from './ingest.source.js';
import { validateConversation } from './ingest.validator.js';

async function read(text: string, map = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readCsv(Readable.from([text]), map)) items.push(item);
  return items;
}

describe('readCsv', () => {
  it('groups adjacent rows of one conversation into its messages', async () => {
    const csv = [
      'conversation_id,channel,created_at,agent_id,agent_name,team,customer_id,role,at,text,csat,order_id',
      'z-1,chat,2026-03-02T09:14:05Z,a-17,Ivana Horvat,Zagreb L1,c-9902,customer,2026-03-02T09:14:05Z,"Dobar dan, naplatili ste mi račun dva puta.",5,A-1182',
      'z-1,chat,2026-03-02T09:14:05Z,a-17,Ivana Horvat,Zagreb L1,c-9902,agent,2026-03-02T09:15:10Z,"Dobar dan, Petre! Žao mi je zbog toga.",5,A-1182',
      'z-2,email,2026-03-03T10:00:00Z,a-18,,,c-1,customer,,Hello,,',
    ].join('\n');
    const items = await read(csv);
    assert.equal(items.length, 2);
    const first = validateConversation(items[0]?.raw);
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.messages.length, 2);
    assert.equal(first.value.messages[1]?.text, 'Dobar dan, Petre! Žao mi je zbog toga.');
    assert.equal(first.value.agent?.team, 'Zagreb L1');
    assert.deepEqual(
      first.value.feedback.map((f) => f.score),
      [5],
    );
    assert.deepEqual(first.value.custom, { order_id: 'A-1182' });
    assert.equal(first.value.source, 'csv');
    assert.equal(items[1]?.line, 4);
  });

  it('reads one row per conversation with a transcript column', async () => {
    const csv =
      'conversation_id,channel,created_at,transcript\nt-1,phone,2026-03-02T09:00:00Z,"Agent: Good morning!\nCustomer: My internet is down.\nagain since Monday\nAgent: Sorry about that."\n';
    const [item] = await read(csv);
    const verdict = validateConversation(item?.raw);
    assert.ok(verdict.ok);
    assert.deepEqual(
      verdict.value.messages.map((m) => [m.role, m.text]),
      [
        ['agent', 'Good morning!'],
        ['customer', 'My internet is down.\nagain since Monday'],
        ['agent', 'Sorry about that.'],
      ],
    );
  });

  it("maps the help desk's column names to fields", async () => {
    const csv =
      'Ticket ID,Medium,Opened,From,Body\nT-9,email,2026-03-02T09:00:00Z,customer,Where is my order?\n';
    const [item] = await read(
      csv,
      parseColumnMap('conversation_id=Ticket ID,channel=Medium,created_at=Opened,role=From,text=Body'),
    );
    const verdict = validateConversation(item?.raw);
    assert.ok(verdict.ok, JSON.stringify(verdict));
    assert.equal(verdict.value.externalId, 'T-9');
    assert.equal(verdict.value.messages[0]?.text, 'Where is my order?');
  });

  it('rejects a conversation whose rows are not adjacent, naming the line', async () => {
    const csv = [
      'conversation_id,channel,created_at,role,text',
      'a,chat,2026-03-02T09:00:00Z,customer,one',
      'b,chat,2026-03-02T09:00:00Z,customer,two',
      'a,chat,2026-03-02T09:00:00Z,agent,three',
    ].join('\n');
    const items = await read(csv);
    assert.equal(items.length, 3);
    assert.equal(items[2]?.line, 4);
    assert.match(items[2]?.parseError ?? '', /must be adjacent/);
  });

  it('points a message error at the row of that message', async () => {
    const csv = [
      'conversation_id,channel,created_at,role,text',
      'a,chat,2026-03-02T09:00:00Z,customer,one',
      'a,chat,2026-03-02T09:00:00Z,robot,two',
    ].join('\n');
    const [item] = await read(csv);
    const verdict = validateConversation(item?.raw);
    assert.ok(!verdict.ok);
    assert.equal(verdict.errors[0]?.field, 'messages[1].role');
    assert.equal(item?.lineOf?.('messages[1].role'), 3);
  });

  it('refuses a malformed --map', () => {
    assert.throws(() => parseColumnMap('conversation_id'), /expected field=Column/);
  });
});
