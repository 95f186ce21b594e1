/** The call timeline's rules: lanes, talk-over in both directions, silences, untimed and unsorted messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildCallTimeline,
  LONG_SILENCE_S,
  messageAnchorId,
  type TimelineMessage,
  timelineTicks,
} from '../../web/src/lib/callTimeline.js';

let nextSeq = 0;
function said(role: string, start: number | null, end: number | null): TimelineMessage {
  nextSeq += 1;
  return { seq: nextSeq, role, start_s: start, end_s: end };
}

describe('call timeline', () => {
  it('puts the customer, the agent and bots on their own lanes in a fixed order', () => {
    const timeline = buildCallTimeline([said('bot', 0, 4), said('agent', 5, 9), said('customer', 10, 12)]);
    assert.ok(timeline);
    assert.deepEqual(timeline.lanes, ['customer', 'agent', 'other']);
    assert.equal(timeline.duration, 12);
    assert.deepEqual(
      timeline.utterances.map((u) => [u.lane, u.party]),
      [
        ['other', 'agent'],
        ['agent', 'agent'],
        ['customer', 'customer'],
      ],
    );
  });

  it('marks an utterance that starts before the other party has finished, in both directions', () => {
    const timeline = buildCallTimeline([
      said('customer', 0, 10),
      said('agent', 8, 15),
      said('customer', 14, 20),
      said('agent', 21, 25),
    ]);
    assert.ok(timeline);
    const [customer, agent, customerAgain, agentAgain] = timeline.utterances;
    assert.equal(customer?.talksOver, null);
    assert.equal(agent?.talksOver, 'customer');
    assert.equal(agent?.overlapS, 2);
    assert.equal(customerAgain?.talksOver, 'agent');
    assert.equal(customerAgain?.overlapS, 1);
    assert.equal(agentAgain?.talksOver, null);
  });

  it('ignores the overlap of ordinary turn-taking and the same party continuing', () => {
    const timeline = buildCallTimeline([
      said('customer', 0, 10),
      said('agent', 9.8, 15),
      said('agent', 14, 18),
    ]);
    assert.ok(timeline);
    assert.deepEqual(
      timeline.utterances.map((u) => u.talksOver),
      [null, null, null],
    );
  });

  it('counts a short interjection inside a long turn as talk-over', () => {
    const timeline = buildCallTimeline([said('customer', 0, 30), said('agent', 10, 10.3)]);
    assert.ok(timeline);
    assert.equal(timeline.utterances[1]?.talksOver, 'customer');
    assert.ok(Math.abs((timeline.utterances[1]?.overlapS ?? 0) - 0.3) < 1e-9);
  });

  it('finds the silences between utterances and marks those over the threshold', () => {
    const timeline = buildCallTimeline([
      said('customer', 0, 5),
      said('agent', 7, 10),
      said('customer', 10 + LONG_SILENCE_S + 5, 40),
      said('agent', 40 + LONG_SILENCE_S, 70),
    ]);
    assert.ok(timeline);
    assert.deepEqual(
      timeline.silences.map((s) => [s.from, s.to, s.long]),
      [
        [5, 7, false],
        [10, 35, true],
        // Exactly the threshold is not longer than it, as in AutoQA.
        [40, 60, false],
      ],
    );
    assert.equal(timeline.silences[1]?.beforeSeq, timeline.utterances[2]?.seq);
  });

  it('sees no silence while the other party is still speaking', () => {
    const timeline = buildCallTimeline([
      said('customer', 0, 50),
      said('agent', 10, 12),
      said('agent', 40, 55),
    ]);
    assert.ok(timeline);
    assert.deepEqual(timeline.silences, []);
  });

  it('leaves messages without usable offsets off the timeline and counts them', () => {
    const timeline = buildCallTimeline([
      said('system', null, null),
      said('customer', 0, 4),
      said('agent', 5, null),
      said('agent', 9, 6),
      said('agent', 6, 8),
    ]);
    assert.ok(timeline);
    assert.equal(timeline.untimed, 3);
    assert.deepEqual(
      timeline.utterances.map((u) => u.index),
      [1, 4],
    );
  });

  it('gives no timeline when no message has offsets', () => {
    assert.equal(buildCallTimeline([said('customer', null, null), said('agent', null, null)]), null);
    assert.equal(buildCallTimeline([]), null);
  });

  it('orders unsorted messages by their offsets before judging them', () => {
    const messages = [said('agent', 8, 15), said('customer', 30, 31), said('customer', 0, 10)];
    const timeline = buildCallTimeline(messages);
    assert.ok(timeline);
    assert.deepEqual(
      timeline.utterances.map((u) => u.index),
      [2, 0, 1],
    );
    assert.equal(timeline.utterances[1]?.talksOver, 'customer');
    assert.deepEqual(
      timeline.silences.map((s) => [s.from, s.to]),
      [[15, 30]],
    );
  });

  it('anchors messages by sequence number and spaces the axis at a readable step', () => {
    assert.equal(messageAnchorId(7), 'message-7');
    assert.deepEqual(timelineTicks(70), [0, 15, 30, 45, 60]);
    assert.deepEqual(timelineTicks(0), [0]);
    assert.ok(timelineTicks(7200).length <= 6);
  });
});
