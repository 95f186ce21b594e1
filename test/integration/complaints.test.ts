/**
 * The complaints register on both databases: reference numbers, the lifecycle and refused
 * transitions, deadlines in business hours across a weekend, escalation once, duplicates linked,
 * intake from conversations and AutoQA, and who may settle a complaint.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServiceError } from '../../src/modules/common/service-errors.js';
import { ComplaintsService } from '../../src/modules/complaints/complaints.service.js';
import { saveComplaintSettings } from '../../src/modules/complaints/complaints.settings.js';
import { CorrectiveActionsService } from '../../src/modules/complaints/corrective-actions.service.js';
import { TopicsService } from '../../src/modules/complaints/topics.service.js';
import { ConversationsService } from '../../src/modules/conversations/conversations.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const refused = (promise: Promise<unknown>, kind: string, pattern?: RegExp) =>
  assert.rejects(promise, (error) => {
    assert.ok(error instanceof ServiceError, String(error));
    assert.equal(error.kind, kind, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });

for (const kind of DATABASE_KINDS) {
  describe(`Complaints register on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let complaints: ComplaintsService;
    const webhooks: unknown[] = [];
    let manager: Principal;
    let handler: Principal;
    let agent: Principal;
    let owner: Principal;
    const ids = new Map<string, number>();

    before(async () => {
      test = await kind.create();
      await ingestItems(
        test.database,
        [
          conversation(1, { complaint: true, agent: { id: 'a-1', name: 'Ana', team: 'Zagreb L1' } }),
          conversation(2),
          conversation(3),
        ].map((raw) => ({ raw })),
        'test',
      );
      for (const row of await test.database.kysely
        .selectFrom('conversations')
        .select(['id', 'external_id'])
        .execute()) {
        ids.set(row.external_id, row.id);
      }
      const users = new UsersService(test.database.kysely);
      manager = (await users.createUser({ email: 'm@example.com', role: 'manager' })).user;
      handler = (await users.createUser({ email: 'h@example.com', role: 'reviewer' })).user;
      owner = (await users.createUser({ email: 'o@example.com', role: 'agent', agentExternalId: 'a-2' }))
        .user;
      agent = (await users.createUser({ email: 'a@example.com', role: 'agent', agentExternalId: 'a-1' }))
        .user;
      await test.database.kysely
        .updateTable('users')
        .set({ manager_user_id: manager.id })
        .where('id', '=', owner.id)
        .execute();
      await saveComplaintSettings(test.database.kysely, {
        escalationWebhookUrl: 'http://hooks.example/complaints',
      });
      complaints = new ComplaintsService(test.database, async (_url, payload) => {
        webhooks.push(payload);
        return 200;
      });
    });
    after(async () => {
      await test?.drop();
    });

    it('numbers entries per year and kind', async () => {
      const first = await complaints.create(handler, {
        description: 'Parcel arrived broken',
        received_at: '2026-03-02T10:00:00Z',
      });
      const idea = await complaints.create(handler, {
        kind: 'suggestion',
        description: 'Offer delivery on Saturdays',
        received_at: '2026-03-02T11:00:00Z',
      });
      assert.match(first.reference, /^C-2026-\d{6}$/);
      assert.match(idea.reference, /^S-2026-\d{6}$/);
      assert.notEqual(first.reference.slice(-6), idea.reference.slice(-6));
      assert.equal(idea.evaluation, 'new');
      assert.equal(idea.resolve_due_at, null, 'suggestions carry no complaint deadlines');
    });

    it('sets deadlines in business hours across the weekend', async () => {
      // High severity: acknowledge within 4 business hours, resolve within 40. Received Friday
      // 6 March 2026 at 16:00 UTC: 1 h on Friday, 3 h on Monday → Monday 12:00.
      const entry = await complaints.create(handler, {
        description: 'Charged twice',
        severity: 'high',
        received_at: '2026-03-06T16:00:00Z',
      });
      assert.equal(entry.acknowledge_due_at, '2026-03-09T12:00:00.000Z');
      // 40 h = 1 h Friday + 39 h: Monday–Thursday 32 h, then 7 h on Friday 13 March → 16:00.
      assert.equal(entry.resolve_due_at, '2026-03-13T16:00:00.000Z');
    });

    it('runs the whole lifecycle and records every transition', async () => {
      const entry = await complaints.create(handler, {
        description: 'Wrong item sent',
        owner_user_id: owner.id,
      });
      await complaints.transition(owner, entry.id, { to: 'acknowledged' });
      await complaints.transition(owner, entry.id, { to: 'investigating' });
      await complaints.addNote(owner, entry.id, 'Warehouse picked the wrong SKU.');
      await complaints.addCommunication(owner, entry.id, {
        direction: 'to_customer',
        channel: 'email',
        summary: 'Apologised; replacement on its way',
      });
      const resolved = await complaints.transition(owner, entry.id, {
        to: 'resolved',
        root_cause: 'process',
        resolution_type: 'refund_or_return',
        resolution_amount: 25,
        resolution_currency: 'EUR',
      });
      assert.equal(resolved.status, 'resolved');
      assert.equal(resolved.resolution_amount, 25);
      const closed = await complaints.transition(owner, entry.id, {
        to: 'closed',
        customer_satisfied: 'yes',
      });
      assert.equal(closed.customer_satisfied, 'yes');
      const reopened = await complaints.transition(handler, entry.id, {
        to: 'reopened',
        reason: 'Replacement also wrong',
      });
      assert.equal(reopened.reopen_count, 1);
      assert.deepEqual(
        reopened.history.map((h) => h.action),
        ['received', 'acknowledged', 'investigating', 'resolved', 'closed', 'reopened'],
      );
      assert.equal(reopened.notes.length, 1);
      assert.equal(reopened.communications[0]?.summary, 'Apologised; replacement on its way');
    });

    it('refuses transitions the lifecycle does not allow, saying what is allowed', async () => {
      const entry = await complaints.create(handler, { description: 'Rude agent' });
      await refused(
        complaints.transition(handler, entry.id, { to: 'closed' }),
        'conflict',
        /from received only acknowledged, withdrawn, rejected/,
      );
      await refused(
        complaints.transition(handler, entry.id, { to: 'rejected' }),
        'conflict',
        /needs a reason/,
      );
      await complaints.transition(handler, entry.id, { to: 'acknowledged' });
      await refused(
        complaints.transition(handler, entry.id, { to: 'resolved' }),
        'conflict',
        /resolution type/,
      );
      const rejected = await complaints.transition(handler, entry.id, {
        to: 'rejected',
        reason: 'Not our customer',
      });
      assert.equal(rejected.rejection_reason, 'Not our customer');
      await refused(
        complaints.transition(handler, entry.id, { to: 'reopened' }),
        'conflict',
        /nothing \(final\)/,
      );
      await refused(
        complaints.transition(handler, entry.id, { to: 'acknowledged', revision: 1 }),
        'conflict',
      );
    });

    it('never lets an agent settle a complaint about themselves', async () => {
      const entry = await complaints.create(handler, {
        description: 'The agent hung up on me',
        owner_user_id: agent.id,
        subject_agent_id: agent.agentId,
      });
      await complaints.transition(agent, entry.id, { to: 'acknowledged' });
      await refused(
        complaints.transition(agent, entry.id, { to: 'rejected', reason: 'I did not' }),
        'forbidden',
      );
      await refused(
        complaints.transition(agent, entry.id, { to: 'resolved', resolution_type: 'explanation' }),
        'forbidden',
      );
      await refused(complaints.transition(owner, entry.id, { to: 'investigating' }), 'not_found');
    });

    it('links a second complaint of the same customer and topic instead of doubling it', async () => {
      const customerId = (
        await test.database.kysely
          .selectFrom('customers')
          .select('id')
          .where('external_id', '=', 'c-2')
          .executeTakeFirstOrThrow()
      ).id;
      const first = await complaints.create(handler, {
        description: 'Late delivery',
        customer_id: customerId,
        category: 'delivery',
        conversation_ids: [ids.get('t-2') as number],
      });
      const second = await complaints.create(handler, {
        description: 'Still not delivered!',
        customer_id: customerId,
        category: 'delivery',
        conversation_ids: [ids.get('t-3') as number],
      });
      assert.equal(second.linked_to_existing, true);
      assert.equal(second.id, first.id);
      // Each conversation shows the entry it belongs to.
      const conversation = await new ConversationsService(test.database).get(
        handler,
        ids.get('t-3') as number,
      );
      assert.deepEqual(
        conversation?.complaints.map((k) => k.id),
        [first.id],
      );
      assert.equal(second.conversations.length, 2);
      const billing = await complaints.create(handler, {
        description: 'Wrong invoice',
        customer_id: customerId,
        category: 'billing',
      });
      assert.equal(billing.linked_to_existing, false, 'another topic is another complaint');
    });

    it('triages the severity and suggests the category of a complaint that gives neither', async () => {
      const triaged = await complaints.create(handler, {
        description:
          'I want to speak to your manager, my delivery is late again and nobody knows where it is',
      });
      assert.equal(triaged.severity, 'high');
      assert.equal(triaged.category, 'delivery', 'like the earlier delivery complaints');
      const received = triaged.history[0]?.detail as { triage: string[] };
      assert.ok(received.triage.includes('customer.escalationRequest'));
      const plain = await complaints.create(handler, {
        description: 'The colour of the box was not what I expected',
      });
      assert.equal(plain.severity, 'low');
    });

    it("escalates a missed deadline once, to the owner's manager, with the webhook", async () => {
      const entry = await complaints.create(handler, {
        description: 'No answer for days',
        owner_user_id: owner.id,
        severity: 'critical',
        // Eight days ago: both deadlines (1 and 8 business hours) passed within the last 14 days.
        received_at: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      });
      const ancient = await complaints.create(handler, {
        description: 'From last year',
        received_at: '2025-01-06T09:00:00Z',
        severity: 'critical',
      });
      webhooks.length = 0;
      const first = await complaints.escalateOverdue();
      const mine = first.filter((e) => e.complaint_id === entry.id);
      assert.deepEqual(mine.map((e) => e.deadline).sort(), ['acknowledge', 'resolve']);
      assert.ok(mine.every((e) => e.notified.length === 1 && e.notified[0] === manager.id));
      assert.ok(webhooks.some((w) => (w as { reference: string }).reference === entry.reference));
      const again = await complaints.escalateOverdue();
      assert.equal(
        again.filter((e) => e.complaint_id === entry.id).length,
        0,
        'each deadline escalates once',
      );
      assert.ok(!first.some((e) => e.complaint_id === ancient.id), 'history long past is not escalated');
      const notes = await complaints.notifications(manager);
      assert.ok(notes.some((n) => n.subject.startsWith(entry.reference)));
      const overdue = await complaints.list(manager, { overdue: true });
      assert.ok(overdue.some((c) => c.id === entry.id && c.overdue));
    });

    it('brings in conversations marked as complaints, once, and AutoQA detections as candidates', async () => {
      const first = await complaints.intakeFromConversations();
      assert.equal(first.records + first.linked, 1);
      const again = await complaints.intakeFromConversations();
      assert.equal(again.records + again.linked, 0, 'a conversation is taken in once');
      const fromImport = (await complaints.list(manager, {})).find((c) => c.source === 'import');
      assert.ok(fromImport);
      assert.equal(fromImport.subject_agent_id, agent.agentId);
      // A detection by AutoQA on a conversation not marked as a complaint.
      const conversationId = ids.get('t-3') as number;
      await test.database.kysely
        .insertInto('conversation_analysis')
        .values({
          conversation_id: conversationId,
          content_hash: 'x',
          settings_hash: 'x',
          language: 'en',
          language_confidence: 1,
          sentiment: 'negative',
          sentiment_score: -0.8,
          sentiment_start: 'negative',
          sentiment_end: 'negative',
          complaint: 1,
          complaint_confidence: 0.9,
          result: JSON.stringify({
            complaint: { detected: true, confidence: 0.9, topics: ['parcel', 'broken'] },
          }),
          analysed_at: Date.now(),
        })
        .onConflict((oc) => oc.column('conversation_id').doNothing())
        .execute();
      // t-3 is linked to the delivery complaint already, so nothing new; t-2 likewise. Unlink t-3 to see a candidate.
      await test.database.kysely
        .deleteFrom('complaint_conversations')
        .where('conversation_id', '=', conversationId)
        .execute();
      const detected = await complaints.intakeFromConversations();
      assert.equal(detected.candidates, 1);
      const [candidate] = await complaints.candidates();
      assert.deepEqual(candidate?.topics, ['parcel', 'broken']);
      await refused(complaints.decideCandidate(agent, conversationId, 'accept'), 'forbidden');
      const accepted = await complaints.decideCandidate(handler, conversationId, 'accept');
      assert.ok(accepted.complaint_id);
      await refused(complaints.decideCandidate(handler, conversationId, 'dismiss'), 'conflict');
    });

    it('groups recurring problems into topics and measures a corrective action before and after', async () => {
      await ingestItems(
        test.database,
        [20, 21, 22, 23].map((n) => ({ raw: conversation(n, { created_at: `2026-03-${n}T10:00:00Z` }) })),
        'test',
      );
      const crash = async (day: string, text: string) =>
        (await complaints.create(handler, { description: text, received_at: `2026-03-${day}T10:00:00Z` })).id;
      const before1 = await crash('05', 'The mobile application crashes at the login screen');
      await crash('06', 'Application crashes every time I open the login screen');
      await crash('15', 'Login screen crash in the mobile application again');
      await complaints.create(handler, {
        description: 'Invoice total is wrong, invoice charged twice',
        received_at: '2026-03-07T10:00:00Z',
      });
      const topics = new TopicsService(test.database);
      await topics.refresh(Date.parse('2026-04-30T00:00:00Z'));
      const crashTopic = (
        await test.database.kysely
          .selectFrom('complaints')
          .select(['topic'])
          .where('id', '=', before1)
          .executeTakeFirstOrThrow()
      ).topic as string;
      const members = await test.database.kysely
        .selectFrom('complaints')
        .select('id')
        .where('topic', '=', crashTopic)
        .execute();
      assert.equal(members.length, 3, 'the three crash complaints share a topic, nothing else joins it');
      const overview = await topics.overview({
        from: Date.parse('2026-03-01T00:00:00Z'),
        to: Date.parse('2026-04-01T00:00:00Z'),
      });
      const row = overview.topics.find((t) => t.topic === crashTopic);
      assert.equal(row?.count, 3);
      const last = overview.topics[overview.topics.length - 1];
      assert.equal(Math.round(last?.cumulative_share ?? 0), 100, 'the Pareto view ends at 100 %');

      const actions = new CorrectiveActionsService(test.database);
      await assert.rejects(actions.create(agent, { title: 'Fix the app' }), /leads and managers/);
      const action = await actions.create(manager, {
        title: 'Fix the login crash',
        topics: [crashTopic],
        complaint_ids: [before1],
        effective_at: '2026-03-10T00:00:00Z',
      });
      // Before (10 Feb – 10 Mar): 2 crash complaints over the 3 conversations of 2–4 March → 666.7 ‰.
      // After (10 Mar – 7 Apr): 1 over the 4 conversations of 20–23 March → 250 ‰.
      assert.equal(action.effect.before.complaints, 2);
      assert.equal(action.effect.before.conversations, 3);
      assert.equal(action.effect.after.complaints, 1);
      assert.equal(action.effect.after.conversations, 4);
      assert.ok(Math.abs((action.effect.difference_per_1000 ?? 0) - (250 - 2000 / 3)) < 1e-9);
      assert.equal(action.complaints.length, 1);
      const done = await actions.update(manager, action.id, { status: 'done' });
      assert.ok(done.completed_at);
    });

    it("alerts managers once when a topic's last week leaves its usual band", async () => {
      const now = Date.parse('2026-06-17T12:00:00Z'); // a Wednesday; the last complete week is 2026-W24
      const monday = Date.parse('2026-06-08T10:00:00Z');
      const texts = [
        'The printer toner cartridge is leaking',
        'Leaking toner cartridge in the printer again',
      ];
      // One a week for the eight weeks before, then six in the last complete week.
      for (let week = 1; week <= 8; week += 1) {
        await complaints.create(handler, {
          description: texts[week % 2] as string,
          received_at: new Date(monday - week * 7 * 86_400_000).toISOString(),
        });
      }
      for (let i = 0; i < 6; i += 1) {
        await complaints.create(handler, {
          description: texts[i % 2] as string,
          received_at: new Date(monday + i * 3_600_000).toISOString(),
        });
      }
      const topics = new TopicsService(test.database);
      await topics.refresh(now);
      const first = await topics.alertSpikes(now);
      assert.equal(first.length, 1, JSON.stringify(first));
      const notes = await complaints.notifications(manager);
      assert.ok(notes.some((n) => n.kind === 'topic_spike' && n.subject.includes('2026-W24')));
      assert.deepEqual(await topics.alertSpikes(now), [], 'each spike is told once');
    });
  });
}
