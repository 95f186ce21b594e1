/**
 * The call timeline of a conversation: who spoke when, where the parties talked over each other
 * and where nobody spoke. Pure, so the rules are tested without a browser.
 */

/**
 * AutoQA's defaults (src/engine/settings.ts): an organisation may change them, but the settings
 * are not readable by every role, so the timeline marks by the shipped thresholds.
 */
export const LONG_SILENCE_S = 20;
/** Overlaps shorter than this are the ordinary overlap of turn-taking, as AutoQA treats them. */
export const TALK_OVER_MIN_OVERLAP_S = 0.5;

/** A horizontal lane of the timeline; bots and system prompts get their own so the agent's lane stays the agent's. */
export type TimelineLane = 'customer' | 'agent' | 'other';
/** A side of the call: the customer or the company (agent, bot, system). */
export type TimelineParty = 'customer' | 'agent';

/**
 * What the timeline needs of a message; the role stays generic so this file imports nothing and
 * runs in Node's tests as it is.
 */
export interface TimelineMessage<Role extends string = string> {
  seq: number;
  role: Role;
  start_s: number | null;
  end_s: number | null;
}

/** One utterance placed on the timeline. */
export interface TimelineUtterance<Role extends string = string> {
  /** Position of the message in the conversation's message list. */
  index: number;
  seq: number;
  role: Role;
  lane: TimelineLane;
  party: TimelineParty;
  start: number;
  end: number;
  /** The party this utterance started talking over, or null. */
  talksOver: TimelineParty | null;
  /** Seconds both parties spoke at once at the start of this utterance; 0 without talk-over. */
  overlapS: number;
}

/** A stretch between utterances in which nobody spoke. */
export interface TimelineSilence {
  from: number;
  to: number;
  /** Longer than the long-silence threshold. */
  long: boolean;
  /** The utterance that ends the silence. */
  beforeSeq: number;
}

/** The timeline of a call. */
export interface CallTimeline<Role extends string = string> {
  /** Seconds from the call start to the end of the last utterance. */
  duration: number;
  /** The lanes that have utterances, in display order. */
  lanes: TimelineLane[];
  /** Utterances by start time. */
  utterances: TimelineUtterance<Role>[];
  silences: TimelineSilence[];
  /** Messages left off the timeline because they have no usable offsets. */
  untimed: number;
}

const LANE_ORDER: readonly TimelineLane[] = ['customer', 'agent', 'other'];

function laneOf(role: string): TimelineLane {
  if (role === 'customer' || role === 'agent') return role;
  return 'other';
}

/** The id of a message's element in the thread, which timeline bars scroll to. */
export function messageAnchorId(seq: number): string {
  return `message-${seq}`;
}

/**
 * Lanes, talk-overs and silences of the messages that carry call offsets; null when none do
 * (a chat, or a call without timings), so the page shows no timeline at all.
 */
export function buildCallTimeline<Role extends string>(
  messages: readonly TimelineMessage<Role>[],
  options: { longSilenceS?: number; talkOverMinOverlapS?: number } = {},
): CallTimeline<Role> | null {
  const longSilenceS = options.longSilenceS ?? LONG_SILENCE_S;
  const minOverlap = options.talkOverMinOverlapS ?? TALK_OVER_MIN_OVERLAP_S;
  const timed: TimelineUtterance<Role>[] = [];
  messages.forEach((message, index) => {
    const { start_s: start, end_s: end } = message;
    // A message with one offset or reversed ones cannot be drawn as a span.
    if (start === null || end === null || !Number.isFinite(start) || !Number.isFinite(end)) return;
    if (start < 0 || end < start) return;
    const lane = laneOf(message.role);
    timed.push({
      index,
      seq: message.seq,
      role: message.role,
      lane,
      party: lane === 'customer' ? 'customer' : 'agent',
      start,
      end,
      talksOver: null,
      overlapS: 0,
    });
  });
  if (timed.length === 0) return null;
  // Imports do not guarantee message order matches call order; the offsets decide.
  timed.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);

  const partyEnd: Record<TimelineParty, number> = { customer: -1, agent: -1 };
  const silences: TimelineSilence[] = [];
  let spokenUntil = timed[0]?.start ?? 0;
  for (const utterance of timed) {
    const other: TimelineParty = utterance.party === 'customer' ? 'agent' : 'customer';
    // The same rule as AutoQA's talk-over check, applied to both parties.
    if (partyEnd[other] - utterance.start >= minOverlap) {
      utterance.talksOver = other;
      utterance.overlapS = Math.min(partyEnd[other], utterance.end) - utterance.start;
    }
    partyEnd[utterance.party] = Math.max(partyEnd[utterance.party], utterance.end);
    if (utterance.start > spokenUntil) {
      const gap = utterance.start - spokenUntil;
      silences.push({
        from: spokenUntil,
        to: utterance.start,
        long: gap > longSilenceS,
        beforeSeq: utterance.seq,
      });
    }
    spokenUntil = Math.max(spokenUntil, utterance.end);
  }
  const present = new Set(timed.map((utterance) => utterance.lane));
  return {
    duration: Math.max(...timed.map((utterance) => utterance.end)),
    lanes: LANE_ORDER.filter((lane) => present.has(lane)),
    utterances: timed,
    silences,
    untimed: messages.length - timed.length,
  };
}

/** Evenly spaced axis marks (seconds) at a readable step, at most about `count` of them. */
export function timelineTicks(duration: number, count = 5): number[] {
  if (!(duration > 0)) return [0];
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step =
    steps.find((candidate) => duration / candidate <= count) ?? Math.ceil(duration / count / 3600) * 3600;
  const ticks: number[] = [];
  for (let at = 0; at <= duration + 1e-9; at += step) ticks.push(at);
  return ticks;
}
