/**
 * The AutoQA engine: language, every checklist item with its evidence, sentiment, complaint
 * detection and review flags for one conversation. Pure: the same input gives the same output.
 */
import { type CompiledLexicon, compileLexicon } from './compiled-lexicon.js';
import {
  type DetectedLanguage,
  detectFromEvidence,
  type LetterEvidence,
  letterEvidence,
  UNDETERMINED,
} from './language.js';
import type { Lexicon } from './lexicons/lexicon.js';
import type { PhraseMatch } from './match/phrase-matcher.js';
import { labelOf, messageSentiment } from './sentiment.js';
import type { EngineSettings } from './settings.js';
import { isNumberToken, type Token, tokenize } from './text/tokenize.js';
import type {
  CheckResult,
  ConversationAnalysis,
  EngineConversation,
  Evidence,
  SentimentLabel,
} from './types.js';

/** Every check id, in the order of the checklist. */
export const CHECK_IDS = [
  'greeting',
  'customer_name',
  'empathy',
  'no_jargon',
  'clear_next_steps',
  'time_estimate',
  'concrete_answer',
  'options_offered',
  'education',
  'anything_else',
  'thanks',
  'rating_request',
  'positive_tone',
  'no_blame',
  'escalation_offered',
  'answered_questions',
  'first_response_sla',
  'follow_up_24h',
  'talk_over',
  'long_silence',
  'talk_ratio',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Categories whose presence shows an agent being courteous. */
const COURTESY = [
  'agent.greeting',
  'agent.thanks',
  'agent.apology',
  'agent.empathy',
  'agent.anythingElse',
  'agent.ratingRequest',
];

/** Messages shorter than this many words take the conversation's language. */
const SHORT_MESSAGE_WORDS = 6;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/i;
const DAY_MS = 86_400_000;

interface MessageView {
  index: number;
  role: EngineConversation['messages'][number]['role'];
  internal: boolean;
  text: string;
  tokens: Token[];
  matches: PhraseMatch<string>[];
  categories: Set<string>;
  sentiment: { score: number; label: SentimentLabel };
}

/** The engine, compiled once for a set of lexicons and settings. */
export class AutoQaEngine {
  private readonly compiled: Map<string, CompiledLexicon>;
  private readonly profiles;

  constructor(
    lexicons: Readonly<Record<string, Lexicon>>,
    private readonly settings: EngineSettings,
  ) {
    this.compiled = new Map(
      Object.values(lexicons).map((lexicon) => [lexicon.language, compileLexicon(lexicon, settings)]),
    );
    this.profiles = [...this.compiled.values()].map((c) => c.profile);
  }

  /** Languages the engine has lexicons for. */
  get languages(): string[] {
    return [...this.compiled.keys()];
  }

  /** The supported language a code belongs to (`hr-HR` → `hr`, `sr`/`bs` → `hr`), or null. */
  supported(code: string | null): string | null {
    if (!code) return null;
    const primary = code.toLowerCase().split('-')[0] ?? '';
    const family =
      primary === 'sr' || primary === 'bs' || primary === 'sh' || primary === 'cnr' ? 'hr' : primary;
    return this.compiled.has(family) ? family : null;
  }

  /** Analyses one conversation. */
  analyze(conversation: EngineConversation): ConversationAnalysis {
    const explicit = this.supported(conversation.language);
    // Words and letter counts are taken once per message and serve every detection below.
    const tokenized = conversation.messages.map((message) => tokenize(message.text));
    const letters = conversation.messages.map((message) => letterEvidence(message.text));
    let detected: DetectedLanguage = { language: explicit ?? UNDETERMINED, confidence: 1 };
    if (!explicit) {
      const spoken = conversation.messages.flatMap((m, i) =>
        m.role === 'customer' || m.role === 'agent' ? [i] : [],
      );
      const total = letterEvidence('');
      for (const i of spoken) addLetters(total, letters[i] as LetterEvidence);
      detected = detectFromEvidence(
        total,
        spoken.flatMap((i) => tokenized[i] as Token[]),
        this.profiles,
      );
    }
    const language = detected.language;
    // Undetermined text is read with English, the most common second language of support.
    const lexicon =
      this.compiled.get(language) ?? this.compiled.get('en') ?? this.compiled.values().next().value;
    if (!lexicon) throw new Error('the engine has no lexicon');
    const views: MessageView[] = conversation.messages.map((message, index) => {
      const tokens = tokenized[index] as Token[];
      const all = lexicon.matcher.match(tokens);
      // Sentiment weighs negation itself; the cues below must not fire when negated ("no problem").
      const matches = withoutNegatedCues(all, tokens);
      return {
        index,
        role: message.role,
        internal: message.internal,
        text: message.text,
        tokens,
        matches,
        categories: new Set(matches.map((m) => m.tag)),
        sentiment:
          message.role === 'customer'
            ? customerSentiment(message.text, tokens, all, matches)
            : messageSentiment(message.text, tokens, all),
      };
    });
    const messageLanguages = views.map((view) => {
      if (view.tokens.length < SHORT_MESSAGE_WORDS) return language;
      const own = detectFromEvidence(letters[view.index] as LetterEvidence, view.tokens, this.profiles);
      return own.language === UNDETERMINED ? language : own.language;
    });
    const checks = this.runChecks(conversation, views);
    const sentiment = this.conversationSentiment(views);
    const complaint = this.detectComplaint(conversation, views, lexicon);
    return {
      id: conversation.id,
      language: language === UNDETERMINED ? UNDETERMINED : language,
      languageConfidence: detected.confidence,
      messageLanguages,
      checks,
      sentiment,
      complaint,
      flags: this.flags(conversation, checks, sentiment, complaint),
    };
  }

  private runChecks(conversation: EngineConversation, views: MessageView[]): Record<string, CheckResult> {
    const agent = views.filter((v) => v.role === 'agent' && !v.internal);
    const customer = views.filter((v) => v.role === 'customer');
    const results: Record<string, CheckResult> = {};
    const na = (): CheckResult => ({ result: 'na', evidence: [], confidence: 1 });
    const found = (messages: MessageView[], ...categories: string[]): Evidence[] =>
      messages.flatMap((view) => evidenceOf(view, categories));
    const presence = (messages: MessageView[], ...categories: string[]): CheckResult => {
      if (agent.length === 0) return na();
      const evidence = found(messages, ...categories);
      return evidence.length > 0
        ? { result: 'pass', evidence, confidence: 0.9 }
        : { result: 'fail', evidence: [], confidence: 0.7 };
    };
    const absence = (...categories: string[]): CheckResult => {
      if (agent.length === 0) return na();
      const evidence = found(agent, ...categories);
      return evidence.length > 0
        ? { result: 'fail', evidence, confidence: 0.85 }
        : { result: 'pass', evidence: [], confidence: 0.75 };
    };

    results.greeting = presence(agent.slice(0, 1), 'agent.greeting');
    results.customer_name = this.customerNameCheck(conversation, agent, customer);
    // A problem is anything the customer reports as wrong, complains about or is upset by.
    const problem = customer.some(
      (v) =>
        v.sentiment.label === 'negative' ||
        [...v.categories].some(
          (c) => c === 'customer.problem' || c === 'customer.escalationRequest' || c.startsWith('complaint.'),
        ),
    );
    // Needed once the customer has a problem, even if no agent ever answered.
    const empathy = found(agent, 'agent.apology', 'agent.empathy');
    results.empathy = !problem
      ? na()
      : empathy.length > 0
        ? { result: 'pass', evidence: empathy, confidence: 0.85 }
        : { result: 'fail', evidence: [], confidence: 0.7 };
    results.no_jargon = absence('jargon');
    // A time frame, an escalation or a choice of ways also tells the customer what happens next.
    results.clear_next_steps = presence(
      agent,
      'agent.nextSteps',
      'agent.timeEstimate',
      'agent.escalationOffer',
      'agent.options',
    );
    results.time_estimate = this.timeEstimateCheck(agent, customer);
    results.concrete_answer = this.concreteAnswerCheck(views);
    results.options_offered = presence(agent, 'agent.options');
    results.education = this.educationCheck(agent);
    results.anything_else = presence(agent, 'agent.anythingElse');
    results.thanks = presence(agent, 'agent.thanks');
    results.rating_request = presence(agent, 'agent.ratingRequest');
    results.positive_tone = this.toneCheck(agent, problem);
    results.no_blame = absence('agent.blame');
    results.escalation_offered = this.escalationCheck(views);
    results.answered_questions = this.answeredQuestionsCheck(views);
    results.first_response_sla = this.firstResponseCheck(conversation);
    results.follow_up_24h = this.followUpCheck(conversation);
    const call = this.callChecks(conversation);
    results.talk_over = call.talkOver;
    results.long_silence = call.longSilence;
    results.talk_ratio = call.talkRatio;
    for (const id of this.settings.disabledChecks) delete results[id];
    return results;
  }

  private customerNameCheck(
    conversation: EngineConversation,
    agent: MessageView[],
    customer: MessageView[],
  ): CheckResult {
    if (agent.length === 0) return { result: 'na', evidence: [], confidence: 1 };
    const names = new Set<string>();
    for (const part of tokenize(conversation.customerName ?? ''))
      if (part.word.length >= 2) names.add(part.word);
    for (const view of customer) {
      for (const match of view.matches) {
        if (match.tag !== 'customer.nameIntro') continue;
        const following = view.tokens.slice(match.endToken, match.endToken + 2);
        for (const [position, token] of following.entries()) {
          // The name may start a new line after a sign-off ("Regards,\nAna"), but it does not
          // run on across punctuation ("This is unacceptable. The …").
          if (position > 0 && token.afterBreak) break;
          const original = view.text.slice(token.start, token.end);
          if (token.word.length >= 2 && original[0] !== original[0]?.toLowerCase()) names.add(token.word);
        }
      }
    }
    if (names.size === 0) return { result: 'fail', evidence: [], confidence: 0.6 };
    // Names inflect (Petar → Petre, Иван → Ивану): a shared stem is enough.
    const stems = [...names].map((name) =>
      name.length <= 4 ? name : name.slice(0, Math.max(3, name.length - 2)),
    );
    const evidence: Evidence[] = [];
    for (const view of agent) {
      for (const token of view.tokens) {
        const hit =
          names.has(token.word) ||
          stems.some(
            (stem) => stem.length >= 3 && token.word.startsWith(stem) && token.word.length <= stem.length + 4,
          );
        if (hit)
          evidence.push({
            message: view.index,
            start: token.start,
            end: token.end,
            text: view.text.slice(token.start, token.end),
          });
      }
    }
    return evidence.length > 0
      ? { result: 'pass', evidence: evidence.slice(0, 3), confidence: 0.9 }
      : { result: 'fail', evidence: [], confidence: 0.75 };
  }

  // Rude wording fails the tone. So does an agent who answers a customer's problem without a
  // single courteous word (no greeting, thanks, apology, empathy or offer of more help): curtness
  // shows in what is missing, not in any one phrase.
  private toneCheck(agent: MessageView[], problem: boolean): CheckResult {
    if (agent.length === 0) return { result: 'na', evidence: [], confidence: 1 };
    const rude = agent.flatMap((view) => evidenceOf(view, ['agent.rude']));
    if (rude.length > 0) return { result: 'fail', evidence: rude, confidence: 0.85 };
    const courteous = agent.some((view) => COURTESY.some((category) => view.categories.has(category)));
    if (problem && agent.length >= 2 && !courteous) return { result: 'fail', evidence: [], confidence: 0.6 };
    return { result: 'pass', evidence: [], confidence: 0.75 };
  }

  // A time frame is owed only when something is left to happen after the contact: the agent
  // promised an action, gave a non-answer, escalated, or the customer asked when.
  private timeEstimateCheck(agent: MessageView[], customer: MessageView[]): CheckResult {
    if (agent.length === 0) return { result: 'na', evidence: [], confidence: 1 };
    if (agent.some((view) => view.categories.has('agent.resolvedNow')))
      return { result: 'na', evidence: [], confidence: 0.6 };
    const estimate = agent.flatMap((view) => evidenceOf(view, ['agent.timeEstimate']));
    if (estimate.length > 0) return { result: 'pass', evidence: estimate, confidence: 0.85 };
    const pending =
      agent.some((view) =>
        ['agent.nextSteps', 'agent.vague', 'agent.escalationOffer'].some((c) => view.categories.has(c)),
      ) || customer.some(asksConcrete);
    return pending
      ? { result: 'fail', evidence: [], confidence: 0.7 }
      : { result: 'na', evidence: [], confidence: 0.6 };
  }

  private concreteAnswerCheck(views: MessageView[]): CheckResult {
    const asked = views.findIndex((v) => v.role === 'customer' && asksConcrete(v));
    if (asked < 0) return { result: 'na', evidence: [], confidence: 0.9 };
    const replies = views.slice(asked + 1).filter((v) => v.role === 'agent' && !v.internal);
    const evidence: Evidence[] = [];
    for (const view of replies) {
      evidence.push(...evidenceOf(view, ['concrete', 'agent.timeEstimate']));
      for (const token of view.tokens) {
        if (isNumberToken(token.word))
          evidence.push({ message: view.index, start: token.start, end: token.end, text: token.word });
      }
    }
    if (evidence.length > 0) return { result: 'pass', evidence: evidence.slice(0, 5), confidence: 0.85 };
    const vague = replies.flatMap((view) => evidenceOf(view, ['agent.vague']));
    return { result: 'fail', evidence: vague, confidence: vague.length > 0 ? 0.9 : 0.7 };
  }

  private educationCheck(agent: MessageView[]): CheckResult {
    if (agent.length === 0) return { result: 'na', evidence: [], confidence: 1 };
    const evidence = agent.flatMap((view) => evidenceOf(view, ['agent.education']));
    for (const view of agent) {
      const link = URL.exec(view.text);
      if (link)
        evidence.push({
          message: view.index,
          start: link.index,
          end: link.index + link[0].length,
          text: link[0],
        });
    }
    return evidence.length > 0
      ? { result: 'pass', evidence, confidence: 0.9 }
      : { result: 'fail', evidence: [], confidence: 0.7 };
  }

  private escalationCheck(views: MessageView[]): CheckResult {
    const asked = views.findIndex(
      (v) => v.role === 'customer' && v.categories.has('customer.escalationRequest'),
    );
    if (asked < 0) return { result: 'na', evidence: [], confidence: 0.9 };
    const offers = views
      .slice(asked + 1)
      .filter((v) => v.role === 'agent' && !v.internal)
      .flatMap((view) => evidenceOf(view, ['agent.escalationOffer']));
    return offers.length > 0
      ? { result: 'pass', evidence: offers, confidence: 0.85 }
      : { result: 'fail', evidence: [], confidence: 0.75 };
  }

  private answeredQuestionsCheck(views: MessageView[]): CheckResult {
    const unanswered: Evidence[] = [];
    let questions = 0;
    views.forEach((view, position) => {
      if (view.role !== 'customer') return;
      const question = view.text.includes('?') || asksConcrete(view);
      if (!question) return;
      questions += 1;
      const answered = views.slice(position + 1).some((later) => later.role === 'agent' && !later.internal);
      if (!answered)
        unanswered.push({
          message: view.index,
          start: 0,
          end: view.text.length,
          text: view.text.slice(0, 120),
        });
    });
    if (questions === 0) return { result: 'na', evidence: [], confidence: 0.9 };
    return unanswered.length === 0
      ? { result: 'pass', evidence: [], confidence: 0.8 }
      : { result: 'fail', evidence: unanswered, confidence: 0.8 };
  }

  private firstResponseCheck(conversation: EngineConversation): CheckResult {
    const firstCustomer = conversation.messages.find((m) => m.role === 'customer' && m.at !== null);
    const firstAgent = conversation.messages.find((m) => m.role === 'agent' && !m.internal && m.at !== null);
    if (!firstCustomer?.at || !firstAgent?.at || firstAgent.at < firstCustomer.at) {
      return { result: 'na', evidence: [], confidence: 1 };
    }
    const targets = this.settings.firstResponseTargetS;
    const target = targets[conversation.channel] ?? targets.default ?? 3600;
    const seconds = (firstAgent.at - firstCustomer.at) / 1000;
    const index = conversation.messages.indexOf(firstAgent);
    const evidence = [
      { message: index, start: 0, end: 0, text: `${Math.round(seconds)} s (target ${target} s)` },
    ];
    return { result: seconds <= target ? 'pass' : 'fail', evidence, confidence: 1 };
  }

  private followUpCheck(conversation: EngineConversation): CheckResult {
    const times = conversation.messages.filter((m) => m.at !== null).map((m) => m.at as number);
    const end = conversation.resolvedAt ?? (times.length > 0 ? Math.max(...times) : conversation.createdAt);
    if (end - conversation.createdAt < DAY_MS) return { result: 'na', evidence: [], confidence: 1 };
    const updates = conversation.messages
      .filter((m) => m.role === 'agent' && !m.internal && m.at !== null)
      .map((m) => m.at as number);
    const limit = this.settings.followUpHours * 3_600_000;
    let previous = conversation.createdAt;
    for (const at of [...updates, end]) {
      if (at - previous > limit) {
        return {
          result: 'fail',
          evidence: [
            {
              message: -1,
              start: 0,
              end: 0,
              text: `${Math.round((at - previous) / 3_600_000)} h without an update`,
            },
          ],
          confidence: 0.9,
        };
      }
      previous = Math.max(previous, at);
    }
    return { result: 'pass', evidence: [], confidence: 0.9 };
  }

  private callChecks(conversation: EngineConversation): {
    talkOver: CheckResult;
    longSilence: CheckResult;
    talkRatio: CheckResult;
  } {
    const na: CheckResult = { result: 'na', evidence: [], confidence: 1 };
    const utterances = conversation.messages
      .map((m, index) => ({ ...m, index }))
      .filter((m) => (m.role === 'agent' || m.role === 'customer') && m.startS !== null && m.endS !== null);
    if (conversation.channel !== 'phone' || utterances.length < 2)
      return { talkOver: na, longSilence: na, talkRatio: na };
    const overlaps: Evidence[] = [];
    let customerEnd = -1;
    let lastEnd = utterances[0]?.startS ?? 0;
    let longest = 0;
    let longestAt = 0;
    let agentTime = 0;
    let total = 0;
    for (const u of utterances) {
      const start = u.startS as number;
      const end = u.endS as number;
      if (u.role === 'agent' && customerEnd - start >= this.settings.talkOverMinOverlapS) {
        overlaps.push({
          message: u.index,
          start: 0,
          end: Math.min(u.text.length, 60),
          text: u.text.slice(0, 60),
        });
      }
      if (u.role === 'customer') customerEnd = Math.max(customerEnd, end);
      if (start - lastEnd > longest) {
        longest = start - lastEnd;
        longestAt = u.index;
      }
      lastEnd = Math.max(lastEnd, end);
      total += end - start;
      if (u.role === 'agent') agentTime += end - start;
    }
    const ratio = total > 0 ? agentTime / total : 0;
    return {
      talkOver: {
        result: overlaps.length > this.settings.talkOverMaxCount ? 'fail' : 'pass',
        evidence: overlaps,
        confidence: 1,
      },
      longSilence: {
        result: longest > this.settings.longSilenceS ? 'fail' : 'pass',
        evidence:
          longest > 0
            ? [{ message: longestAt, start: 0, end: 0, text: `${longest.toFixed(1)} s of silence` }]
            : [],
        confidence: 1,
      },
      talkRatio: {
        result: ratio > this.settings.talkRatioMax ? 'fail' : 'pass',
        evidence: [
          { message: -1, start: 0, end: 0, text: `agent ${(ratio * 100).toFixed(0)} % of talk time` },
        ],
        confidence: 1,
      },
    };
  }

  private conversationSentiment(views: MessageView[]): ConversationAnalysis['sentiment'] {
    const customer = views.filter((v) => v.role === 'customer');
    const scoreOf = (list: MessageView[]) => list.reduce((sum, v) => sum + v.sentiment.score, 0);
    const start = customer.length > 0 ? labelOf(scoreOf(customer.slice(0, 1))) : 'neutral';
    const end = customer.length > 0 ? labelOf(scoreOf(customer.slice(-1))) : 'neutral';
    const total = scoreOf(customer);
    const rank = { negative: -1, neutral: 0, positive: 1 } as const;
    return {
      label: labelOf(total),
      score: total,
      start,
      end,
      shift: rank[end] - rank[start],
      messages: views.map((v) => v.sentiment),
    };
  }

  private detectComplaint(
    conversation: EngineConversation,
    views: MessageView[],
    lexicon: CompiledLexicon,
  ): ConversationAnalysis['complaint'] {
    const customer = views.filter((v) => v.role === 'customer');
    const has = (category: string) => customer.some((v) => v.categories.has(category));
    const formal = has('complaint.formal');
    const dissatisfied = has('complaint.dissatisfaction') || customer.some((v) => v.sentiment.score <= -2);
    const demand = has('complaint.demand');
    const problem = has('customer.problem');
    let confidence = 0;
    if (conversation.markedComplaint) confidence = 1;
    else if (formal) confidence = 0.9;
    else if (dissatisfied && demand) confidence = 0.85;
    // A reported fault with a demand for remedy is a complaint too.
    else if (problem && demand) confidence = 0.7;
    else if (dissatisfied && problem) confidence = 0.45;
    const detected = confidence >= 0.5;
    return { detected, confidence, topics: detected ? topicWords(customer, lexicon) : [] };
  }

  private flags(
    conversation: EngineConversation,
    checks: Record<string, CheckResult>,
    sentiment: ConversationAnalysis['sentiment'],
    complaint: ConversationAnalysis['complaint'],
  ): string[] {
    const flags: string[] = [];
    if (
      conversation.feedback.some((f) => (f.type === 'nps' ? f.score <= 1 : f.score <= Math.min(2, f.scale)))
    ) {
      flags.push('low_rating');
    }
    if (sentiment.end === 'negative') flags.push('negative_end');
    if (complaint.detected) flags.push('complaint');
    for (const id of this.settings.criticalChecks) {
      if (checks[id]?.result === 'fail') flags.push(`failed_${id}`);
    }
    return flags;
  }
}

// A customer reporting a fault or complaining is negative even without a sentiment word.
const CUSTOMER_CUES: Record<string, number> = {
  'customer.problem': -1,
  'complaint.dissatisfaction': -1,
  'complaint.formal': -1,
  'customer.escalationRequest': -0.5,
};

function customerSentiment(
  text: string,
  tokens: Token[],
  all: PhraseMatch<string>[],
  cues: PhraseMatch<string>[],
): { score: number; label: SentimentLabel } {
  const base = messageSentiment(text, tokens, all);
  let weight = 0;
  for (const match of cues) weight += CUSTOMER_CUES[match.tag] ?? 0;
  const score = base.score + Math.max(weight, -3);
  return { score, label: labelOf(score) };
}

/** Cue categories that a preceding negator cancels. */
const NEGATABLE = new Set(['customer.problem', 'complaint.dissatisfaction']);

// Drops cue matches preceded by a negator within three words (up to punctuation), unless the
// phrase itself begins with a negator: "никто не помог" keeps "не помог", "nincs semmi probléma"
// drops "probléma".
function withoutNegatedCues(matches: PhraseMatch<string>[], tokens: readonly Token[]): PhraseMatch<string>[] {
  const negators = new Set<number>();
  for (const match of matches) if (match.tag === 'sentiment.negators') negators.add(match.endToken - 1);
  if (negators.size === 0) return matches;
  return matches.filter((match) => {
    if (!NEGATABLE.has(match.tag) || negators.has(match.firstToken)) return true;
    for (let back = 1; back <= 3; back += 1) {
      const candidate = match.firstToken - back;
      if (candidate < 0 || (tokens[candidate + 1] as Token).afterBreak) return true;
      if (negators.has(candidate)) return false;
    }
    return true;
  });
}

// A when / where / how-much question: a question phrase, or a bare question word with a "?".
function asksConcrete(view: MessageView): boolean {
  return (
    view.categories.has('customer.concreteQuestion') ||
    (view.categories.has('customer.questionWords') && view.text.includes('?'))
  );
}

function addLetters(total: LetterEvidence, part: LetterEvidence): void {
  for (const key of Object.keys(part) as Array<keyof LetterEvidence>) total[key] += part[key];
}

function evidenceOf(view: MessageView, categories: string[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const match of view.matches) {
    if (!categories.includes(match.tag)) continue;
    const start = (view.tokens[match.firstToken] as Token).start;
    const end = (view.tokens[match.endToken - 1] as Token).end;
    evidence.push({ message: view.index, start, end, text: view.text.slice(start, end) });
  }
  return evidence;
}

// The most frequent content words of the customer's messages, by stem, as the complaint's topic.
function topicWords(customer: MessageView[], lexicon: CompiledLexicon): string[] {
  const counts = new Map<string, { count: number; word: string }>();
  for (const view of customer) {
    const covered = new Set<number>();
    for (const match of view.matches) {
      if (match.tag.startsWith('sentiment.') || match.tag.startsWith('complaint.')) {
        for (let i = match.firstToken; i < match.endToken; i += 1) covered.add(i);
      }
    }
    view.tokens.forEach((token, i) => {
      if (covered.has(i) || token.word.length < 4 || isNumberToken(token.word)) return;
      if (lexicon.profile.functionWords.has(token.word)) return;
      const stem = token.word.slice(0, 6);
      const entry = counts.get(stem) ?? { count: 0, word: token.word };
      entry.count += 1;
      counts.set(stem, entry);
    });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, 5)
    .map((entry) => entry.word);
}
