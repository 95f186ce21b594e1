/** Organisation settings the engine applies: checks on or off, extra phrases, jargon, targets. */

/** Settings of the AutoQA engine; every field has a default. */
export interface EngineSettings {
  /** Check ids that are switched off. */
  disabledChecks: string[];
  /** Extra phrases per language per lexicon category (`agent.greeting`, `customer.problem` …). */
  extraPhrases: Record<string, Record<string, string[]>>;
  /** Jargon terms per language; replaces the lexicon's default list for that language when set. */
  jargon: Record<string, string[]>;
  /** First-response targets in seconds per channel (`default` for the rest). */
  firstResponseTargetS: Record<string, number>;
  /** Longest gap between agent updates of an open case, in hours. */
  followUpHours: number;
  /** Calls: overlaps shorter than this (seconds) are not talk-over. */
  talkOverMinOverlapS: number;
  /** Calls: more talk-overs than this fail the check. */
  talkOverMaxCount: number;
  /** Calls: a silence longer than this (seconds) fails `long_silence`. */
  longSilenceS: number;
  /** Calls: an agent share of talking time above this (0–1) fails `talk_ratio`. */
  talkRatioMax: number;
  /** Checks whose failure puts the conversation into the QA queue. */
  criticalChecks: string[];
  /** Mask e-mail addresses, phone numbers, card numbers and IBANs in text before it is stored. */
  redactStoredText: boolean;
}

/** The defaults. */
export const DEFAULT_SETTINGS: EngineSettings = {
  disabledChecks: [],
  extraPhrases: {},
  jargon: {},
  firstResponseTargetS: {
    chat: 60,
    messenger: 300,
    social: 3600,
    sms: 3600,
    email: 4 * 3600,
    forum: 24 * 3600,
    phone: 30,
    default: 3600,
  },
  followUpHours: 24,
  talkOverMinOverlapS: 0.5,
  talkOverMaxCount: 2,
  longSilenceS: 20,
  talkRatioMax: 0.7,
  criticalChecks: ['positive_tone', 'no_blame'],
  redactStoredText: false,
};
