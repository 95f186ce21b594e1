/**
 * Deterministic generator of realistic customer-service conversations for `kvalita demo`, the
 * first start of the product and the import benchmark.
 *
 * Every agent has a hidden skill that decides how many items of the conversation checklist
 * (REQUIREMENTS §2) they do in each contact; customers' scores follow what happened, so the
 * product's checks, metrics and driver analysis have something true to find. Output depends only
 * on the options (no clock, no Math.random), and conversations are produced one at a time, in
 * roughly chronological order, with memory that does not grow with the count.
 */
import type {
  Channel,
  ConversationInput,
  ConversationStatus,
  FeedbackInput,
  MessageInput,
  MessageRole,
} from '../conversations/conversations.schema.js';
import { hashSeed, Random, WeightedTable } from './demo.random.js';
import { bg } from './phrases/bg.js';
import { en } from './phrases/en.js';
import { hr } from './phrases/hr.js';
import { hu } from './phrases/hu.js';
import type {
  GivenName,
  PersonName,
  PhraseBank,
  TopicKey,
  TopicPhrases,
  TopicQuestion,
} from './phrases/phrase-bank.js';
import { ru } from './phrases/ru.js';

/** What to generate. */
export interface DemoOptions {
  /** Same seed and count give the same conversations, byte for byte. */
  seed: number;
  count: number;
  /** Start of the period; default 365 days before `end`. */
  start?: Date;
  /** End of the period (exclusive); default 2026-11-01T00:00:00Z, so output does not depend on the clock. */
  end?: Date;
}

/** A team of the demo contact centre. */
export interface DemoTeam {
  name: string;
  /** BCP 47 code of the language it serves; `mul` for the mixed escalations team. */
  language: string;
}

/** An agent of the demo contact centre. */
export interface DemoAgent {
  id: string;
  name: string;
  email: string;
  team: string;
  language: string;
  /** Hidden 0..1: how much of the checklist the agent does. */
  skill: number;
}

/** Teams and agents the demo conversations are handled by. */
export interface DemoRoster {
  teams: DemoTeam[];
  agents: DemoAgent[];
}

type Language = 'en' | 'ru' | 'bg' | 'hr' | 'hu';
type Style = 'call' | 'letter' | 'thread';
type Outcome = 'positive' | 'negative';

interface RosterAgent extends DemoAgent {
  given: string;
  female: boolean;
  speaks: Language;
  escalations: boolean;
}

interface Customer {
  id: string;
  person: PersonName;
  female: boolean;
  email: string;
  phone: string;
  given: GivenName;
  /** Father's name, for the Russian patronymic; fixed per customer like the rest. */
  father: GivenName;
  surnameIndex: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DEFAULT_END_MS = Date.UTC(2026, 10, 1);
const COMPANY = 'Lumio';

const BANKS: Record<Language, PhraseBank> = { en, ru, bg, hr, hu };

const LANGUAGE_TABLE = new WeightedTable<Language>([
  ['en', 30],
  ['ru', 20],
  ['bg', 15],
  ['hr', 20],
  ['hu', 15],
]);
const LANGUAGE_SHARE: Record<Language, number> = { en: 0.3, ru: 0.2, bg: 0.15, hr: 0.2, hu: 0.15 };
const LANGUAGE_INDEX: Record<Language, number> = { en: 0, ru: 1, bg: 2, hr: 3, hu: 4 };

const CHANNEL_TABLE = new WeightedTable<Channel>([
  ['chat', 30],
  ['email', 24],
  ['phone', 20],
  ['messenger', 8],
  ['social', 5],
  ['sms', 4],
  ['in_person', 4],
  ['forum', 3],
  ['other', 2],
]);

const STYLE: Record<Channel, Style> = {
  phone: 'call',
  in_person: 'call',
  email: 'letter',
  other: 'letter',
  chat: 'thread',
  messenger: 'thread',
  social: 'thread',
  sms: 'thread',
  forum: 'thread',
};

const TOPIC_TABLE = new WeightedTable<TopicKey>([
  ['billing', 16],
  ['delivery', 18],
  ['refund', 10],
  ['technical', 16],
  ['account_access', 10],
  ['plan_change', 10],
  ['agent_complaint', 4],
  ['cancellation', 7],
  ['damaged_item', 9],
]);

const TOPIC_TAGS: Record<TopicKey, readonly string[]> = {
  billing: ['billing'],
  delivery: ['delivery', 'order'],
  refund: ['refund'],
  technical: ['technical'],
  account_access: ['account', 'login'],
  plan_change: ['plan', 'sales'],
  agent_complaint: ['complaint', 'service_quality'],
  cancellation: ['cancellation', 'retention'],
  damaged_item: ['order', 'damaged'],
};

const TOPIC_OUTCOMES: Record<TopicKey, readonly string[]> = {
  billing: ['refund', 'credit', 'explained'],
  delivery: ['redelivered', 'replacement', 'refund', 'explained'],
  refund: ['refund'],
  technical: ['fixed', 'technician_visit', 'replacement'],
  account_access: ['fixed'],
  plan_change: ['converted', 'plan_changed', 'explained'],
  agent_complaint: ['apology', 'credit'],
  cancellation: ['cancelled', 'retained'],
  damaged_item: ['replacement', 'refund'],
};

/** Topics where the customer reports trouble, so an apology is expected. */
const PROBLEM_TOPICS: ReadonlySet<TopicKey> = new Set([
  'billing',
  'delivery',
  'refund',
  'technical',
  'account_access',
  'agent_complaint',
  'damaged_item',
]);

/** Topics whose work takes days, so e-mail cases run over several days with follow-ups. */
const SLOW_TOPICS: ReadonlySet<TopicKey> = new Set([
  'refund',
  'technical',
  'agent_complaint',
  'delivery',
  'billing',
]);

const PLANS = ['Lumio Start 100', 'Lumio Plus 300', 'Lumio Max 1000', 'Lumio Mobile 20 GB', 'Lumio Family'];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'];
const PRIORITY_TABLE = new WeightedTable<string>([
  ['low', 15],
  ['normal', 60],
  ['high', 18],
  ['urgent', 7],
]);

/** Sources by channel, with the id prefix and whether the source writes local offsets instead of Z. */
interface SourceInfo {
  name: string;
  prefix: string;
  localOffset: boolean;
  /** Which optional fields this help desk exports. */
  hasPriority: boolean;
  hasReopened: boolean;
}
const SOURCES: Record<string, SourceInfo> = {
  zendesk: { name: 'zendesk', prefix: 'zd', localOffset: false, hasPriority: true, hasReopened: true },
  freshdesk: { name: 'freshdesk', prefix: 'fd', localOffset: true, hasPriority: true, hasReopened: true },
  intercom: { name: 'intercom', prefix: 'ic', localOffset: false, hasPriority: false, hasReopened: true },
  livechat: { name: 'livechat', prefix: 'lc', localOffset: false, hasPriority: false, hasReopened: false },
  phone: { name: 'phone-system', prefix: 'call', localOffset: true, hasPriority: false, hasReopened: false },
};
const SOURCE_BY_CHANNEL: Record<Channel, WeightedTable<SourceInfo>> = {
  phone: new WeightedTable([[SOURCES.phone as SourceInfo, 1]]),
  chat: new WeightedTable([
    [SOURCES.livechat as SourceInfo, 55],
    [SOURCES.intercom as SourceInfo, 45],
  ]),
  email: new WeightedTable([
    [SOURCES.zendesk as SourceInfo, 60],
    [SOURCES.freshdesk as SourceInfo, 40],
  ]),
  messenger: new WeightedTable([
    [SOURCES.intercom as SourceInfo, 70],
    [SOURCES.zendesk as SourceInfo, 30],
  ]),
  social: new WeightedTable([
    [SOURCES.zendesk as SourceInfo, 60],
    [SOURCES.freshdesk as SourceInfo, 40],
  ]),
  sms: new WeightedTable([[SOURCES.zendesk as SourceInfo, 1]]),
  in_person: new WeightedTable([[SOURCES.freshdesk as SourceInfo, 1]]),
  forum: new WeightedTable([[SOURCES.freshdesk as SourceInfo, 1]]),
  other: new WeightedTable([[SOURCES.zendesk as SourceInfo, 1]]),
};

/** Pace of written channels: median seconds before a reply, and the spread of its logarithm. */
interface Pace {
  customer: number;
  agent: number;
  firstAgent: number;
  spread: number;
}
const PACE: Record<Channel, Pace> = {
  chat: { customer: 35, agent: 45, firstAgent: 60, spread: 0.6 },
  messenger: { customer: 150, agent: 240, firstAgent: 900, spread: 1.1 },
  social: { customer: 500, agent: 700, firstAgent: 3600, spread: 1.1 },
  sms: { customer: 240, agent: 420, firstAgent: 1800, spread: 1.0 },
  forum: { customer: 3 * 3600, agent: 2 * 3600, firstAgent: 5 * 3600, spread: 0.9 },
  email: { customer: 3 * 3600, agent: 3 * 3600, firstAgent: 5 * 3600, spread: 1.0 },
  other: { customer: 3 * 3600, agent: 3 * 3600, firstAgent: 6 * 3600, spread: 1.0 },
  phone: { customer: 0, agent: 0, firstAgent: 0, spread: 0 },
  in_person: { customer: 0, agent: 0, firstAgent: 0, spread: 0 },
};

/* ------------------------------------------------------------------------------------------ */
/* Roster                                                                                      */
/* ------------------------------------------------------------------------------------------ */

interface TeamPlan {
  name: string;
  language: string;
  speakers: readonly Language[];
}

const TEAM_PLANS: readonly TeamPlan[] = [
  { name: 'London L1', language: 'en', speakers: ['en', 'en', 'en', 'en', 'en', 'en', 'en'] },
  { name: 'Moscow L1', language: 'ru', speakers: ['ru', 'ru', 'ru', 'ru', 'ru'] },
  { name: 'Sofia L1', language: 'bg', speakers: ['bg', 'bg', 'bg', 'bg'] },
  { name: 'Zagreb L1', language: 'hr', speakers: ['hr', 'hr', 'hr', 'hr', 'hr'] },
  { name: 'Budapest L1', language: 'hu', speakers: ['hu', 'hu', 'hu', 'hu'] },
  { name: 'Escalations', language: 'mul', speakers: ['en', 'ru', 'bg', 'hr', 'hu'] },
];

/** Latin letters for Cyrillic, for e-mail addresses only (texts stay in their own script). */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  đ: 'dj',
};

/** Lower-case ASCII form of a name for an e-mail address. */
function asciiName(value: string, language: Language): string {
  let out = '';
  for (const char of value.toLowerCase().normalize('NFD')) {
    const code = char.charCodeAt(0);
    if (code >= 0x61 && code <= 0x7a) out += char;
    else if (language === 'ru' && char === 'щ') out += 'shch';
    else if (language === 'ru' && char === 'ъ') out += '';
    else if (language === 'ru' && char === 'х') out += 'kh';
    else {
      const mapped = CYRILLIC_TO_LATIN[char];
      if (mapped !== undefined) out += mapped;
    }
  }
  return out;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Teams and agents of the demo contact centre, the same for the same seed. */
export function demoRoster(seed: number): DemoRoster {
  const agents = buildAgents(seed);
  return {
    teams: TEAM_PLANS.map((plan) => ({ name: plan.name, language: plan.language })),
    agents: agents.map(({ id, name, email, team, language, skill }) => ({
      id,
      name,
      email,
      team,
      language,
      skill,
    })),
  };
}

function buildAgents(seed: number): RosterAgent[] {
  const random = new Random(hashSeed(seed, 0x7e4a11));
  const agents: RosterAgent[] = [];
  const usedNames = new Set<string>();
  let sequence = 1;
  for (const plan of TEAM_PLANS) {
    const escalations = plan.language === 'mul';
    // Each front-line team gets one weak and one strong agent so the contrast shows on every dashboard.
    const skills = plan.speakers.map((_, index) => {
      if (escalations) return random.between(0.74, 0.95);
      if (index === 0) return random.between(0.1, 0.28);
      if (index === 1) return random.between(0.86, 0.97);
      return clamp(0.62 + random.normal() * 0.13, 0.35, 0.88);
    });
    for (let index = skills.length - 1; index > 0; index--) {
      const other = random.int(0, index);
      const swap = skills[index] as number;
      skills[index] = skills[other] as number;
      skills[other] = swap;
    }
    plan.speakers.forEach((speaks, index) => {
      const bank = BANKS[speaks];
      let person: PersonName;
      let female: boolean;
      let surname: string;
      do {
        female = random.chance(0.62);
        const given = random.pick(female ? bank.names.female : bank.names.male);
        const family = random.pick(bank.names.surnames);
        person = bank.formatName(given, family, female, undefined, false);
        surname = female ? family.female : family.male;
      } while (usedNames.has(person.full));
      usedNames.add(person.full);
      const id = `a-${String(sequence++).padStart(3, '0')}`;
      agents.push({
        id,
        name: person.full,
        email: `${asciiName(person.given, speaks)}.${asciiName(surname, speaks)}@lumio.example`,
        team: plan.name,
        language: speaks,
        skill: Math.round((skills[index] as number) * 1000) / 1000,
        given: person.given,
        female,
        speaks,
        escalations,
      });
    });
  }
  return agents;
}

/* ------------------------------------------------------------------------------------------ */
/* Time                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** Relative contact volume by local hour on a weekday. */
const HOUR_SHAPE = [
  0.07, 0.05, 0.04, 0.03, 0.04, 0.07, 0.18, 0.42, 0.82, 1.0, 1.0, 0.95, 0.85, 0.93, 1.0, 0.96, 0.9, 0.78, 0.6,
  0.46, 0.36, 0.28, 0.19, 0.11,
];
/** Relative volume by day of week, Sunday first. */
const DAY_SHAPE = [0.3, 1.15, 1.05, 1.0, 1.0, 0.9, 0.45];

const summerCache = new Map<number, readonly [number, number]>();

/** EU summer time: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC. */
function isEuSummer(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  let bounds = summerCache.get(year);
  if (bounds === undefined) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    bounds = [lastSunday(2), lastSunday(9)];
    summerCache.set(year, bounds);
  }
  return utcMs >= bounds[0] && utcMs < bounds[1];
}

/** Offset of the customers' time zone from UTC in minutes (London, Moscow, Sofia, Zagreb, Budapest). */
function zoneOffset(language: Language, utcMs: number): number {
  if (language === 'ru') return 180;
  const summer = isEuSummer(utcMs) ? 60 : 0;
  if (language === 'en') return summer;
  if (language === 'bg') return 120 + summer;
  return 60 + summer;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** ISO 8601 to the second, with Z or with the given offset in minutes. */
function isoTime(utcMs: number, offsetMinutes: number | null): string {
  if (offsetMinutes === null) return `${new Date(utcMs).toISOString().slice(0, 19)}Z`;
  const local = new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${local}${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

/** An incident window with many more contacts, most about the technical fault. */
interface Outage {
  fromHour: number;
  toHour: number;
}

/**
 * Cumulative contact volume per local hour of the period, so that conversation i of n can be
 * placed at the (i/n)-th quantile: output comes out in time order with office-hour peaks, quiet
 * nights and weekends, growth over the year, a Christmas rush and a few outages.
 */
class VolumeCalendar {
  readonly hours: number;
  readonly outages: Outage[];
  private readonly cumulative: Float64Array;

  constructor(
    readonly startMs: number,
    endMs: number,
    random: Random,
  ) {
    this.hours = Math.max(1, Math.ceil((endMs - startMs) / HOUR_MS));
    this.outages = [];
    const outageCount = this.hours > 24 * 60 ? 3 : 0;
    for (let index = 0; index < outageCount; index++) {
      const fromHour = random.int(24, this.hours - 48);
      this.outages.push({ fromHour, toHour: fromHour + random.int(6, 30) });
    }
    this.cumulative = new Float64Array(this.hours);
    let total = 0;
    for (let hour = 0; hour < this.hours; hour++) {
      const wall = new Date(startMs + hour * HOUR_MS);
      const weekday = wall.getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      // Weekends keep a flatter daytime curve; nights are quiet every day.
      const hourWeight = HOUR_SHAPE[wall.getUTCHours()] as number;
      let weight = (DAY_SHAPE[weekday] as number) * (weekend ? 0.3 + 0.7 * hourWeight : hourWeight);
      weight *= 0.85 + (0.3 * hour) / this.hours;
      const month = wall.getUTCMonth();
      const day = wall.getUTCDate();
      if (month === 11 && day <= 23) weight *= 1.25;
      if ((month === 11 && day >= 25) || (month === 0 && day === 1)) weight *= 0.35;
      if (this.outageAt(hour)) weight *= 3.5;
      total += weight;
      this.cumulative[hour] = total;
    }
  }

  /** True when the hour falls in an outage window. */
  outageAt(hour: number): boolean {
    for (const outage of this.outages) if (hour >= outage.fromHour && hour < outage.toHour) return true;
    return false;
  }

  /** Hour bucket at quantile `u` in [0, 1). */
  hourAt(u: number): number {
    const cumulative = this.cumulative;
    const target = u * (cumulative[cumulative.length - 1] as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Text                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Fills a template: `{key}` from `vars`, `{male|female}` by the speaker's sex, `{^male|female}` by the listener's. */
function fillTemplate(
  template: string,
  vars: Record<string, string>,
  speakerFemale: boolean,
  listenerFemale: boolean,
): string {
  if (template.indexOf('{') < 0) return template;
  return template.replace(PLACEHOLDER, (whole: string, key: string) => {
    const bar = key.indexOf('|');
    if (bar < 0) return vars[key] ?? whole;
    const aboutListener = key.charCodeAt(0) === 94; // '^'
    const female = aboutListener ? listenerFemale : speakerFemale;
    return female ? key.slice(bar + 1) : key.slice(aboutListener ? 1 : 0, bar);
  });
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/* ------------------------------------------------------------------------------------------ */
/* One conversation                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** What the agent does in this conversation; each item is drawn from the agent's skill. */
interface Behaviour {
  greet: boolean;
  askName: boolean;
  useName: boolean;
  empathy: boolean;
  clear: boolean;
  jargon: boolean;
  options: boolean;
  concrete: boolean;
  estimate: boolean;
  nextSteps: boolean;
  article: boolean;
  rude: boolean;
  anythingElse: boolean;
  thanks: boolean;
  rating: boolean;
  escalateWhenAsked: boolean;
  followUpDaily: boolean;
  askDetails: boolean;
  interruptRate: number;
}

function drawBehaviour(random: Random, skill: number, irritatedCustomer: boolean): Behaviour {
  const p = (low: number, high: number) => random.chance(low + (high - low) * skill);
  const weakness = 1 - skill;
  return {
    greet: p(0.5, 0.99),
    askName: p(0.25, 0.95),
    useName: p(0.12, 0.92),
    empathy: p(0.15, 0.95),
    clear: p(0.4, 0.98),
    jargon: p(0.55, 0.04),
    options: p(0.08, 0.8),
    concrete: p(0.2, 0.95),
    estimate: p(0.12, 0.9),
    nextSteps: p(0.25, 0.95),
    article: p(0.04, 0.65),
    rude: random.chance(0.35 * weakness * weakness + (irritatedCustomer ? 0.25 * weakness : 0)),
    anythingElse: p(0.15, 0.96),
    thanks: p(0.35, 0.98),
    rating: p(0.04, 0.9),
    escalateWhenAsked: p(0.25, 0.97),
    followUpDaily: p(0.1, 0.92),
    askDetails: random.chance(0.35),
    interruptRate: 0.03 + 0.35 * weakness * weakness,
  };
}

/** The generator's state across conversations: fixed tables plus per-source sequence numbers. */
class DemoWorld {
  readonly random: Random;
  readonly agents: RosterAgent[];
  readonly frontLine: Record<Language, RosterAgent[]>;
  readonly escalations: Record<Language, RosterAgent>;
  readonly calendar: VolumeCalendar;
  readonly endMs: number;
  readonly sequences = new Map<string, number>();
  readonly customerPool: Record<Language, number>;
  /** Sofia L1 had a training at 60 % of the period: its agents do better afterwards (before/after demo). */
  readonly trainingMs: number;

  constructor(
    readonly seed: number,
    readonly count: number,
    startMs: number,
    endMs: number,
  ) {
    this.random = new Random(hashSeed(seed, 0xc0ffee));
    this.agents = buildAgents(seed);
    this.frontLine = { en: [], ru: [], bg: [], hr: [], hu: [] };
    const escalations: Partial<Record<Language, RosterAgent>> = {};
    for (const agent of this.agents) {
      if (agent.escalations) escalations[agent.speaks] = agent;
      else this.frontLine[agent.speaks].push(agent);
    }
    this.escalations = escalations as Record<Language, RosterAgent>;
    this.calendar = new VolumeCalendar(startMs, endMs, new Random(hashSeed(seed, 0xca1e)));
    this.endMs = endMs;
    this.trainingMs = startMs + (endMs - startMs) * 0.6;
    const pool = (language: Language) => Math.max(25, Math.round(count * LANGUAGE_SHARE[language] * 0.6));
    this.customerPool = { en: pool('en'), ru: pool('ru'), bg: pool('bg'), hr: pool('hr'), hu: pool('hu') };
  }

  nextId(source: SourceInfo): string {
    const next = (this.sequences.get(source.prefix) ?? 10_000) + 1;
    this.sequences.set(source.prefix, next);
    return `${source.prefix}-${next}`;
  }

  /** A customer, derived from their number alone so that repeat contacts show the same person. */
  customer(language: Language, index: number): Customer {
    const number = index * 5 + LANGUAGE_INDEX[language];
    const random = new Random(hashSeed(this.seed ^ 0x51ab, number));
    const bank = BANKS[language];
    const female = random.chance(0.52);
    const given = random.pick(female ? bank.names.female : bank.names.male);
    const surnameIndex = random.int(0, bank.names.surnames.length - 1);
    const surname = bank.names.surnames[surnameIndex] ?? { male: 'X', female: 'X' };
    const person = bank.formatName(given, surname, female, undefined, false);
    const first = asciiName(given.name, language);
    const family = asciiName(female ? surname.female : surname.male, language);
    const year = random.int(60, 99) + (random.chance(0.3) ? 1900 : 0);
    const localPart = random.pick([
      `${first}.${family}`,
      `${first.charAt(0)}${family}`,
      `${first}${family}${year % 100}`,
      `${family}.${first}`,
      `${first}_${family}${random.int(1, 99)}`,
      `${first}${year}`,
    ]);
    return {
      id: `c-${String(number).padStart(6, '0')}`,
      person,
      female,
      email: `${localPart}@${random.pick(EMAIL_DOMAINS)}`,
      phone: bank.phone(random),
      given,
      father: random.pick(bank.names.male),
      surnameIndex,
    };
  }
}

/** Builds one conversation: decides the circumstances, then plays the conversation turn by turn. */
class ConversationPlay {
  readonly random: Random;
  readonly bank: PhraseBank;
  readonly topic: TopicPhrases;
  readonly style: Style;
  readonly offsets: boolean;
  readonly pace: Pace;
  readonly vars: Record<string, string>;
  readonly messages: MessageInput[] = [];
  /** Epoch milliseconds of each message, turned into ISO text once the time zone style is known. */
  readonly times: number[] = [];
  readonly tags: string[];
  readonly zoneMinutes: number;
  readonly createdMs: number;
  readonly customer: Customer;
  /** Redrawn when an escalation hands the conversation to a senior agent. */
  behaviour: Behaviour;
  agent: RosterAgent;
  /** How the conversation felt to the customer; drives survey scores and closing words. */
  experience = 0;
  transfers = 0;
  reopened = 0;
  nameKnown: boolean;
  usedName = 0;
  escalated = false;
  concreteGiven = false;
  /** Solutions were offered, so the customer has something to choose from. */
  optionsOffered = false;
  /** A plain-language explanation was given (a senior colleague does not contradict it). */
  explained = false;
  estimateGiven = false;
  waitS = 0;
  answeredMs = 0;
  /** Time of the latest message. */
  clockMs: number;
  /** For calls: seconds from the answer to the end of the latest utterance. */
  callEndS = 0;
  callStartS = 0;
  letterBuffer: string[] = [];
  firstAgentReplyDone = false;
  pendingNote: string | null = null;
  rudeCount = 0;
  /** Everyone who held the conversation, in order; a transfer adds one. */
  readonly handlers: RosterAgent[] = [];
  /** Index the next message will have when the customer's name was last put in front of a sentence. */
  lastNamedMessage = -1;
  outcome: Outcome = 'positive';

  constructor(
    readonly world: DemoWorld,
    readonly language: Language,
    readonly channel: Channel,
    readonly topicKey: TopicKey,
    createdMs: number,
    readonly irritated: boolean,
    readonly complaint: boolean,
    readonly wantsSupervisor: boolean,
  ) {
    const random = world.random;
    this.random = random;
    this.bank = BANKS[language];
    this.topic = this.bank.topics[topicKey];
    this.style = STYLE[channel];
    this.offsets = channel === 'phone';
    this.pace = PACE[channel];
    this.createdMs = createdMs;
    this.clockMs = createdMs;
    this.zoneMinutes = zoneOffset(language, createdMs);
    this.tags = [...TOPIC_TAGS[topicKey]];
    // Only work that takes time calls for an estimate; an unlocked account does not.
    this.estimateGiven = !SLOW_TOPICS.has(topicKey) && topicKey !== 'damaged_item';

    const pool = world.customerPool[language];
    // A skewed draw: a few customers contact us again and again.
    this.customer = world.customer(language, Math.floor(pool * random.next() ** 1.6));

    const direct = complaint ? 0.3 : 0.04;
    this.agent = random.chance(direct) ? world.escalations[language] : random.pick(world.frontLine[language]);
    this.handlers.push(this.agent);
    let skill = this.agent.skill;
    if (this.agent.team === 'Sofia L1' && createdMs >= world.trainingMs) skill = Math.min(0.97, skill + 0.22);
    skill = clamp(skill + random.normal() * 0.07, 0, 1);
    this.behaviour = drawBehaviour(random, skill, irritated);
    // Customers in e-mail and known accounts come with a name; chats and calls often do not.
    this.nameKnown = this.style === 'letter' || (this.style === 'thread' && random.chance(0.6));

    const formal = random.chance(language === 'en' ? 0.12 : language === 'hr' ? 0.3 : 0.5);
    const father = language === 'ru' ? this.customer.father : undefined;
    const surname = this.bank.names.surnames[this.customer.surnameIndex] ?? { male: '', female: '' };
    const person = this.bank.formatName(this.customer.given, surname, this.customer.female, father, formal);
    const plan = random.pick(PLANS);
    let plan2 = random.pick(PLANS);
    if (plan2 === plan) plan2 = PLANS[(PLANS.indexOf(plan) + 1) % PLANS.length] as string;
    const localCreated = createdMs + this.zoneMinutes * 60_000;
    const dayAhead = (days: number) => {
      let target = localCreated + days * DAY_MS;
      if (new Date(target).getUTCDay() === 0) target += DAY_MS;
      return new Date(target);
    };
    const onDays = random.int(1, 6);
    // A deadline never comes before the day something is promised for.
    const byDays = onDays + random.int(0, 3);
    const byDate = dayAhead(byDays);
    const onDate = dayAhead(onDays);
    const article = random.pick(this.topic.articles);
    const amount = random.chance(0.6) ? random.between(8, 60) : random.between(60, 400);
    const sequenceNumber = random.int(40_000, 99_999);
    this.vars = {
      name: person.address,
      customer: person.full,
      given: person.given,
      email: this.customer.email,
      agent: this.agent.given,
      agentFull: this.agent.name,
      team: this.agent.team,
      company: COMPANY,
      ticket: `#${sequenceNumber}`,
      order: `LM-${random.int(100_000, 999_999)}`,
      invoice: `${new Date(localCreated).getUTCFullYear()}-${String(random.int(1, 99_999)).padStart(6, '0')}`,
      amount: this.bank.money(amount),
      amount2: this.bank.money(random.between(5, 80)),
      plan,
      plan2,
      dateOn: this.bank.dateOn(onDate),
      dateBy: this.bank.dateBy(byDate),
      timeAt: this.bank.timeAt(random.int(9, 17), random.chance(0.6) ? 0 : 30),
      timeBy: this.bank.timeBy(random.int(12, 20), random.chance(0.7) ? 0 : 30),
      days: this.bank.days(Math.max(2, byDays)),
      hours: this.bank.hours(random.pick([2, 4, 8, 24, 48, 72])),
      title: article.title,
      url: article.url,
    };
  }

  /* --- text helpers --- */

  private say(template: string, byAgent: boolean): string {
    const speakerFemale = byAgent ? this.agent.female : this.customer.female;
    const listenerFemale = byAgent ? this.customer.female : this.agent.female;
    return fillTemplate(template, this.vars, speakerFemale, listenerFemale);
  }

  private agentLine(templates: readonly string[]): string {
    return this.say(this.random.pick(templates), true);
  }

  private customerLine(templates: readonly string[]): string {
    return this.say(this.random.pick(templates), false);
  }

  /** Prefixes a sentence with the customer's name when the agent uses names and the name is known. */
  private withName(sentence: string, probability: number): string {
    if (!this.behaviour.useName || !this.nameKnown || !this.random.chance(probability)) return sentence;
    // Once per message is attentive; more reads like a script.
    if (this.lastNamedMessage === this.messages.length) return sentence;
    this.lastNamedMessage = this.messages.length;
    this.usedName++;
    const rest = this.bank.keepsCapital.test(sentence)
      ? sentence
      : sentence.charAt(0).toLowerCase() + sentence.slice(1);
    // «г-н Петров, …» opens a sentence, so the title takes the capital.
    return capitalize(`${this.vars.name}, ${rest}`);
  }

  private greeting(): string {
    const localHour = new Date(this.clockMs + this.zoneMinutes * 60_000).getUTCHours();
    const greetings = this.bank.greetings;
    let words: readonly string[] = greetings.neutral;
    if (this.random.chance(0.75)) {
      if (localHour >= 5 && localHour < 12) words = greetings.morning;
      else if (localHour >= 12 && localHour < 18) words = greetings.afternoon;
      else if (localHour >= 18 && localHour < 23) words = greetings.evening;
    }
    const word = this.random.pick(words);
    if (this.behaviour.useName && this.nameKnown) {
      this.usedName++;
      this.lastNamedMessage = this.messages.length;
      return `${word}, ${this.vars.name}!`;
    }
    return `${word}!`;
  }

  /* --- emitting messages --- */

  private push(
    role: MessageRole,
    text: string,
    atMs: number,
    author: string | undefined,
    internal = false,
  ): void {
    const message: MessageInput = { role, text };
    if (author !== undefined) message.author = author;
    if (internal) message.internal = true;
    this.messages.push(message);
    this.times.push(Math.floor(atMs / 1000) * 1000);
  }

  /** Length-based speaking time for a call utterance, in seconds. */
  private speakingTime(text: string): number {
    return Math.max(0.6, text.length / 14 + this.random.between(-0.3, 0.8));
  }

  private utter(
    role: MessageRole,
    author: string | undefined,
    text: string,
    interruptRate: number,
    pauseS = 0,
  ): void {
    const duration = this.speakingTime(text);
    const previousDuration = this.callEndS - this.callStartS;
    let start: number;
    if (
      this.messages.length > 0 &&
      pauseS === 0 &&
      this.random.chance(interruptRate) &&
      previousDuration > 1.2
    ) {
      // Talk-over: starts before the other finished, but ends after them.
      start = this.callEndS - this.random.between(0.3, Math.min(2, previousDuration / 2));
    } else {
      start = this.callEndS + (pauseS > 0 ? pauseS : this.random.between(0.2, 1.6));
    }
    // Offsets are kept to a tenth of a second; both starts and ends strictly increase.
    start = Math.max(Math.round(start * 10) / 10, Math.round((this.callStartS + 0.1) * 10) / 10);
    let end = Math.round((start + duration) * 10) / 10;
    if (end <= this.callEndS) end = Math.round((this.callEndS + 0.4) * 10) / 10;
    const message: MessageInput = { role, text };
    if (author !== undefined) message.author = author;
    if (this.offsets) {
      message.start_s = start;
      message.end_s = end;
    }
    this.messages.push(message);
    this.times.push(Math.floor((this.answeredMs + start * 1000) / 1000) * 1000);
    this.callStartS = start;
    this.callEndS = end;
    this.clockMs = this.answeredMs + end * 1000;
  }

  /** Customer says or writes something. In letters, small talk is dropped. */
  customerSays(text: string, smallTalk = false): void {
    if (this.style === 'letter') {
      if (smallTalk) return;
      this.flushLetter();
      const gap = this.random.logNormal(this.pace.customer, this.pace.spread);
      const atMs = this.clockMs + Math.max(300_000, gap * 1000);
      // Most people do not write e-mails between midnight and seven.
      this.clockMs = Math.round(this.random.chance(0.85) ? this.withinHours(atMs, 7, 24, false) : atMs);
      let body = text;
      if (this.random.chance(0.6)) body = `${this.customerLine(this.bank.customerHellos)}\n\n${body}`;
      if (this.random.chance(0.75)) body = `${body}\n\n${this.customerLine(this.bank.customerSignoffs)}`;
      this.push('customer', body, this.clockMs, this.customer.id);
      return;
    }
    if (this.style === 'call') {
      const interrupts = this.irritated ? 0.18 : 0.05;
      this.utter('customer', this.customer.id, text, interrupts);
      return;
    }
    const gap = this.messages.length === 0 ? 0 : this.random.logNormal(this.pace.customer, this.pace.spread);
    this.clockMs += Math.round((gap + text.length / 5) * 1000);
    this.push('customer', text, this.clockMs, this.customer.id);
  }

  /** Agent says or writes sentences; in letters they collect into one e-mail sent at the next turn. */
  agentSays(sentences: readonly string[], pauseS = 0): void {
    if (sentences.length === 0) return;
    if (this.style === 'letter') {
      this.letterBuffer.push(...sentences);
      return;
    }
    const text = sentences.join(' ');
    if (this.style === 'call') {
      this.utter('agent', this.agent.id, text, this.behaviour.interruptRate, pauseS);
      return;
    }
    let gapS: number;
    if (!this.firstAgentReplyDone) {
      gapS = this.channel === 'chat' ? this.waitS + this.random.between(8, 40) : this.firstReplyDelay();
      if (this.channel === 'chat') this.answeredMs = this.clockMs + this.waitS * 1000;
      this.firstAgentReplyDone = true;
    } else {
      gapS = pauseS > 0 ? pauseS : this.random.logNormal(this.pace.agent, this.pace.spread) + text.length / 7;
    }
    this.clockMs += Math.round(gapS * 1000);
    this.push('agent', text, this.clockMs, this.agent.id);
    this.emitPendingNote();
  }

  private firstReplyDelay(): number {
    const delay = this.random.logNormal(this.pace.firstAgent, this.pace.spread);
    if (this.style !== 'letter' && this.channel !== 'forum') return delay;
    // E-mail teams work office hours: a reply that would land at night waits for the morning.
    const atMs = this.withinHours(this.clockMs + delay * 1000, 8, 19, true);
    return Math.max(60, (atMs - this.clockMs) / 1000);
  }

  /**
   * Moves a moment outside `openHour`–`closeHour` (customer's local time) to shortly after the
   * next opening; with `skipWeekends`, most Saturday and Sunday moments move to Monday.
   */
  private withinHours(atMs: number, openHour: number, closeHour: number, skipWeekends: boolean): number {
    const offsetMs = this.zoneMinutes * 60_000;
    const local = new Date(atMs + offsetMs);
    const hour = local.getUTCHours();
    let shifted = atMs;
    if (hour < openHour || hour >= closeHour) {
      local.setUTCHours(openHour, 0, 0, 0);
      shifted = local.getTime() - offsetMs + (hour >= closeHour ? DAY_MS : 0);
      shifted += this.random.between(0, 2.5) * HOUR_MS;
    }
    if (skipWeekends) {
      const weekday = new Date(shifted + offsetMs).getUTCDay();
      if (weekday === 6 && this.random.chance(0.8)) shifted += 2 * DAY_MS;
      else if (weekday === 0 && this.random.chance(0.8)) shifted += DAY_MS;
    }
    return shifted;
  }

  /** Sends the collected e-mail with salutation and signature. */
  flushLetter(): void {
    if (this.style !== 'letter' || this.letterBuffer.length === 0) return;
    const sentences = this.letterBuffer;
    this.letterBuffer = [];
    const paragraphs: string[] = [];
    for (let index = 0; index < sentences.length; index += 3)
      paragraphs.push(sentences.slice(index, index + 3).join(' '));
    let text = paragraphs.join('\n\n');
    if (this.behaviour.greet) {
      const withName = this.behaviour.useName && this.nameKnown;
      if (withName) this.usedName++;
      const salutation = this.agentLine(
        withName ? this.bank.emailSalutations : this.bank.emailSalutationsPlain,
      );
      text = `${salutation}\n\n${text}`;
    }
    text = `${text}\n\n${this.agentLine(this.bank.emailSignoffs)}`;
    if (this.firstAgentReplyDone) {
      const gapS = Math.max(120, this.random.logNormal(this.pace.agent, this.pace.spread));
      this.clockMs = Math.round(this.withinHours(this.clockMs + gapS * 1000, 8, 19, true));
    } else {
      this.clockMs += Math.round(Math.max(120, this.firstReplyDelay()) * 1000);
    }
    this.firstAgentReplyDone = true;
    this.push('agent', text, this.clockMs, this.agent.id);
    this.emitPendingNote();
  }

  private emitPendingNote(): void {
    if (this.pendingNote === null) return;
    const note = this.pendingNote;
    this.pendingNote = null;
    this.clockMs += Math.round(this.random.between(20, 400) * 1000);
    this.push('agent', note, this.clockMs, this.agent.id, true);
  }

  bot(text: string): void {
    this.clockMs += Math.round(this.random.between(1, 4) * 1000);
    this.push('bot', text, this.clockMs, 'bot');
  }

  system(text: string): void {
    if (this.style === 'call') {
      const atMs = this.answeredMs + (this.callEndS + 0.5) * 1000;
      this.push('system', text, atMs, undefined);
      return;
    }
    this.flushLetter();
    this.clockMs += Math.round(this.random.between(5, 60) * 1000);
    this.push('system', text, this.clockMs, undefined);
  }

  /** The agent changes: a transfer, shown as a system line. */
  transferTo(next: RosterAgent): void {
    this.flushLetter();
    this.handlers.push(next);
    this.agent = next;
    this.vars.agent = next.given;
    this.vars.agentFull = next.name;
    this.vars.team = next.team;
    this.transfers++;
    this.system(this.agentLine(this.bank.transferNotices));
    if (this.style === 'call') {
      // The transferred caller waits on hold for the next agent.
      this.callEndS += this.random.between(15, 120);
    }
  }

  /* --- the conversation --- */

  play(abandoned: boolean, withBot: boolean, randomTransfer: boolean): void {
    let b = this.behaviour;
    const bank = this.bank;
    const topic = this.topic;
    const problem = PROBLEM_TOPICS.has(this.topicKey);
    // Short exchanges: SMS, social and forum threads most often, some chats and calls too.
    const briefChance =
      this.channel === 'sms' || this.channel === 'social' || this.channel === 'forum' ? 0.6 : 0.4;
    const brief = this.style !== 'letter' && this.random.chance(briefChance);
    const questions: TopicQuestion[] = [this.random.pick(topic.questions)];
    if (!brief && topic.questions.length > 1 && this.random.chance(0.2)) {
      const second = this.random.pick(topic.questions);
      if (second !== questions[0]) questions.push(second);
    }

    if (this.style === 'call') {
      this.waitS = Math.round(this.random.logNormal(this.channel === 'phone' ? 70 : 240, 0.8));
      this.answeredMs = this.createdMs + this.waitS * 1000;
      if (abandoned) return;
      const opening: string[] = [];
      if (b.greet) opening.push(this.greeting());
      opening.push(this.agentLine(this.channel === 'phone' ? bank.phoneIntroductions : bank.howCanIHelp));
      this.agentSays(opening);
    } else if (this.style === 'thread' && this.channel === 'chat') {
      this.waitS = Math.round(this.random.logNormal(45, 0.9));
    }

    // The customer's first words.
    if (withBot) this.bot(this.agentLine(bank.botGreetings));
    const opening: string[] = [];
    if (this.style !== 'letter' && this.random.chance(0.55)) {
      // "Hello," opens a letter; in talk the greeting stands on its own.
      opening.push(this.customerLine(bank.customerHellos).replace(/,$/, '!'));
    }
    opening.push(this.customerLine(topic.openings));
    if (this.repeatContact()) opening.push(this.customerLine(bank.repeatContact));
    if (this.irritated) opening.push(this.customerLine(bank.frustration));
    if (this.complaint && this.random.chance(0.7)) opening.push(this.customerLine(bank.complaintWording));
    const askedInOpening = this.style === 'letter';
    if (askedInOpening) opening.push(this.customerLine(questions[0]?.ask ?? topic.openings));
    const openingText = this.style === 'letter' ? this.letterOpening(opening) : opening.join(' ');
    if (this.style === 'letter') this.push('customer', openingText, this.clockMs, this.customer.id);
    else this.customerSays(openingText);
    if (withBot) this.bot(this.agentLine(bank.botHandoffs));

    if (abandoned) {
      // A chat that nobody picked up in time: the customer gives up.
      if (this.random.chance(0.5))
        this.customerSays(this.random.pick(['?', '...', this.customerLine(bank.chasers)]));
      this.waitS = Math.round((this.clockMs - this.createdMs) / 1000 + this.random.between(60, 600));
      return;
    }

    if (randomTransfer) {
      const first = this.agent;
      const colleagues = this.world.frontLine[this.language].filter((agent) => agent !== first);
      // In e-mail the help desk just moves the ticket; in talk the agent says so first.
      if (this.style === 'call' || (this.style === 'thread' && this.random.chance(0.6))) {
        this.agentSays([this.agentLine(bank.transferOffers)]);
      }
      this.transferTo(this.random.pick(colleagues.length > 0 ? colleagues : [first]));
    }

    // Greeting, name, empathy.
    const first: string[] = [];
    if (this.style === 'thread' || (this.style === 'call' && (randomTransfer || this.transfers > 0))) {
      if (b.greet) first.push(this.greeting());
      if (this.style === 'thread' && this.channel !== 'forum' && this.random.chance(0.7)) {
        first.push(this.agentLine(bank.introductions));
      }
    }
    if (!this.nameKnown && b.askName && this.style !== 'letter') {
      first.push(this.agentLine(bank.askName));
      this.agentSays(first);
      first.length = 0;
      this.customerSays(this.customerLine(bank.nameReplies));
      this.nameKnown = true;
    }
    if (problem && b.empathy) {
      first.push(this.withName(this.agentLine(bank.empathy), 0.5));
      this.experience += 0.35;
    } else if (this.irritated && this.random.chance(0.5)) this.experience -= 0.3;
    if (b.askDetails && !brief && topic.details.length > 0) {
      first.push(this.agentLine(bank.askDetails));
      this.agentSays(first);
      first.length = 0;
      this.customerSays(this.customerLine(topic.details));
    }

    // Explanation, options.
    const explanation: string[] = [...first];
    if (this.style !== 'letter' && !brief && this.random.chance(this.style === 'call' ? 0.45 : 0.3)) {
      explanation.push(this.agentLine(bank.hold));
      this.agentSays(explanation);
      explanation.length = 0;
      if (this.style === 'call') {
        explanation.push(this.agentLine(bank.afterHold));
        this.agentSays(explanation, this.random.between(8, 70));
        explanation.length = 0;
      } else {
        explanation.push(this.agentLine(bank.afterHold));
      }
    }
    if (b.clear) {
      explanation.push(this.withName(this.agentLine(topic.explanations), 0.25));
      this.explained = true;
      this.experience += 0.3;
    }
    if (b.jargon || !b.clear) {
      explanation.push(this.agentLine(topic.jargon));
      this.experience -= 0.35;
    }
    if (b.rude && this.random.chance(0.5)) explanation.push(this.rudeLine());
    if (this.style === 'call' && explanation.length > 2) {
      this.agentSays(explanation.slice(0, 2));
      if (this.random.chance(0.4)) this.customerSays(this.customerLine(bank.backchannel), true);
      explanation.splice(0, 2);
    }
    if (b.options) {
      explanation.push(this.agentLine(topic.options));
      this.optionsOffered = true;
      this.experience += 0.3;
    }
    if (this.random.chance(0.12))
      this.pendingNote = this.say(
        this.random.pick(this.random.chance(0.6) ? topic.notes : bank.genericNotes),
        true,
      );

    // Questions and answers.
    let questionIndex = 0;
    if (askedInOpening) {
      explanation.push(this.answer(questions[0] as TopicQuestion));
      questionIndex = 1;
      if (b.estimate && !this.estimateGiven) explanation.push(this.estimate());
    }
    this.agentSays(explanation);

    for (; questionIndex < questions.length; questionIndex++) {
      const question = questions[questionIndex] as TopicQuestion;
      if (this.style === 'letter' && !this.random.chance(0.5)) break;
      this.customerSays(this.customerLine(question.ask));
      const reply = [this.answer(question)];
      if (b.estimate && !this.estimateGiven) reply.push(this.estimate());
      this.agentSays(reply);
    }

    // Pushback on a vague answer.
    if (!this.concreteGiven && this.random.chance(this.irritated ? 0.9 : 0.4)) {
      this.customerSays(this.customerLine(bank.pushback));
      if (this.random.chance(0.2 + 0.6 * this.agent.skill)) {
        this.agentSays([this.say(this.random.pick((questions[0] as TopicQuestion).answers), true)]);
        this.concreteGiven = true;
        this.experience += 0.3;
      } else if (b.rude || this.random.chance(0.3)) {
        this.agentSays([this.rudeLine()]);
      } else {
        this.agentSays([this.agentLine(bank.vague)]);
        this.experience -= 0.3;
      }
    }

    // Asking for a supervisor.
    if (this.wantsSupervisor) {
      this.supervisorRequest();
      b = this.behaviour;
    }

    // How it ends is settled here, so the customer's closing words and scores agree with it.
    this.scoreOutcome();

    // Choice, next steps.
    if (this.optionsOffered && !(brief && this.random.chance(0.5))) {
      this.customerSays(this.customerLine(bank.choices), this.style === 'letter' && this.random.chance(0.4));
    } else if (!brief && this.random.chance(0.5))
      this.customerSays(this.customerLine(bank.acknowledgements), true);
    const wrapUp: string[] = [];
    if (b.nextSteps) {
      wrapUp.push(this.withName(this.agentLine(topic.nextSteps), 0.2));
      this.experience += 0.3;
    }
    if (b.estimate && !this.estimateGiven) wrapUp.push(this.estimate());
    if (b.article) {
      wrapUp.push(this.agentLine(bank.articleOffers));
      this.experience += 0.1;
    }
    if (b.rude && this.rudeCount === 0) wrapUp.push(this.rudeLine());

    if (this.style === 'letter') {
      this.letterWrapUp(wrapUp);
    } else {
      // "Anything else?" often rides on the message with the next steps.
      const askWithWrapUp = b.anythingElse && wrapUp.length > 0 && (brief || this.random.chance(0.5));
      if (askWithWrapUp) wrapUp.push(this.agentLine(bank.anythingElse));
      this.agentSays(wrapUp);
      if (!askWithWrapUp && wrapUp.length > 0 && !brief && this.random.chance(0.25)) {
        this.customerSays(this.customerLine(bank.acknowledgements), true);
      }
      if (b.anythingElse) {
        if (!askWithWrapUp) this.agentSays([this.agentLine(bank.anythingElse)]);
        if (this.style === 'call' || this.random.chance(0.8))
          this.customerSays(this.customerLine(bank.nothingElse));
        this.experience += 0.15;
      }
      this.closing();
    }

    if (this.random.chance(0.05 + (this.outcome === 'negative' ? 0.06 : 0))) this.reopen();
  }

  private repeatContact(): boolean {
    return this.random.chance(this.topicKey === 'agent_complaint' ? 0.5 : 0.07);
  }

  private letterOpening(parts: readonly string[]): string {
    let text = parts.join(' ');
    if (this.random.chance(0.7)) text = `${this.customerLine(this.bank.customerHellos)}\n\n${text}`;
    if (this.random.chance(0.85)) text = `${text}\n\n${this.customerLine(this.bank.customerSignoffs)}`;
    return text;
  }

  private answer(question: TopicQuestion): string {
    if (this.behaviour.concrete) {
      this.concreteGiven = true;
      this.experience += 0.5;
      return this.say(this.random.pick(question.answers), true);
    }
    this.experience -= 0.5;
    return this.agentLine(this.bank.vague);
  }

  private estimate(): string {
    this.estimateGiven = true;
    this.experience += 0.3;
    return this.agentLine(this.bank.estimates);
  }

  private rudeLine(): string {
    this.rudeCount++;
    this.experience -= 1.3;
    return this.agentLine(this.bank.rude);
  }

  private supervisorRequest(): void {
    const bank = this.bank;
    this.customerSays(this.customerLine(bank.escalationRequests));
    this.tags.push('supervisor_request');
    if (!this.behaviour.escalateWhenAsked || this.agent.escalations) {
      if (this.agent.escalations) {
        // Already with the escalations team: the team leader handles it personally.
        const teamLeader = bank.escalationPickups[0] as string;
        this.agentSays([this.say(teamLeader, true), this.agentLine(this.topic.nextSteps)]);
        this.experience += 0.2;
        return;
      }
      this.agentSays([this.agentLine(bank.escalationRefusals)]);
      this.experience -= 1.2;
      return;
    }
    this.agentSays([this.agentLine(bank.escalationOffers)]);
    this.experience += 0.3;
    this.escalated = true;
    this.tags.push('escalated');
    if (this.transfers < 2) {
      const senior = this.world.escalations[this.language];
      this.transferTo(senior);
      this.behaviour = drawBehaviour(this.random, senior.skill, this.irritated);
      const pickup: string[] = [];
      if (this.style !== 'letter' && this.behaviour.greet) pickup.push(this.greeting());
      pickup.push(this.agentLine(bank.escalationPickups));
      if (!this.explained) {
        pickup.push(this.agentLine(this.topic.explanations));
        this.explained = true;
      }
      this.agentSays(pickup);
    }
  }

  /** The agent's last e-mail, and for slow topics follow-ups over the next days. */
  private letterWrapUp(wrapUp: string[]): void {
    const b = this.behaviour;
    const bank = this.bank;
    const longCase = SLOW_TOPICS.has(this.topicKey) && this.random.chance(0.3);
    if (!longCase) {
      if (b.anythingElse) {
        wrapUp.push(this.agentLine(bank.anythingElse));
        this.experience += 0.15;
      }
      this.closingSentences(wrapUp);
      this.agentSays(wrapUp);
      this.flushLetter();
      if (this.random.chance(0.3))
        this.customerSays(this.customerLine(this.experience > 0.5 ? bank.closingsHappy : bank.closingsAngry));
      return;
    }
    this.agentSays(wrapUp);
    this.flushLetter();
    // The case takes days: a good agent writes every day; otherwise the customer has to chase.
    const rounds = this.random.int(1, 3);
    const chaserOffset = this.random.int(0, bank.chasers.length - 1);
    for (let round = 0; round < rounds; round++) {
      // Follow-ups are listed in order (first update, then "as promised…"); chasers never repeat verbatim.
      const followUp = this.say(bank.followUps[Math.min(round, bank.followUps.length - 1)] as string, true);
      if (b.followUpDaily) {
        this.clockMs += Math.round(this.random.between(20, 26) * HOUR_MS);
        this.agentSays([followUp]);
        this.flushLetter();
        this.experience += 0.2;
      } else {
        this.clockMs += Math.round(this.random.between(40, 90) * HOUR_MS);
        this.customerSays(
          this.say(bank.chasers[(chaserOffset + round) % bank.chasers.length] as string, false),
        );
        this.experience -= 0.35;
        this.agentSays([this.random.chance(0.5) ? this.agentLine(bank.vague) : followUp]);
        this.flushLetter();
      }
    }
    const last: string[] = [];
    if (b.nextSteps) last.push(this.agentLine(this.topic.nextSteps));
    if (b.anythingElse) {
      last.push(this.agentLine(bank.anythingElse));
      this.experience += 0.15;
    }
    this.closingSentences(last);
    this.agentSays(last);
    this.flushLetter();
    if (this.random.chance(0.3))
      this.customerSays(this.customerLine(this.experience > 0.5 ? bank.closingsHappy : bank.closingsAngry));
  }

  private closingSentences(into: string[]): void {
    const b = this.behaviour;
    if (b.thanks) {
      into.push(this.withName(this.agentLine(this.bank.thanks), 0.3));
      this.experience += 0.15;
    }
    if (b.rating) into.push(this.agentLine(this.bank.ratingRequests));
    if (this.style !== 'letter' && (b.greet || this.random.chance(0.5)))
      into.push(this.agentLine(this.bank.farewells));
  }

  private closing(): void {
    const last: string[] = [];
    this.closingSentences(last);
    this.agentSays(last);
    if (this.random.chance(this.style === 'call' ? 0.6 : 0.35)) {
      this.customerSays(
        this.customerLine(this.experience > 0.5 ? this.bank.closingsHappy : this.bank.closingsAngry),
      );
    }
  }

  private scoreOutcome(): void {
    if (this.behaviour.greet) this.experience += 0.15;
    if (this.usedName > 0) this.experience += 0.2;
    const skill = this.agent.skill;
    let success =
      0.45 + 0.45 * skill + (this.escalated ? 0.1 : 0) - (this.topicKey === 'agent_complaint' ? 0.1 : 0);
    success += this.experience > 1.5 ? 0.1 : this.experience < -1 ? -0.15 : 0;
    this.outcome = this.random.chance(success) ? 'positive' : 'negative';
    this.experience += this.outcome === 'positive' ? 1.1 : -1.4;
  }

  private reopen(): void {
    // A call is over when the line drops; a comeback is a new call, not a reopened one.
    if (this.style === 'call') return;
    this.reopened++;
    this.flushLetter();
    this.clockMs += Math.round(this.random.between(1, 6) * DAY_MS);
    this.customerSays(this.customerLine(this.bank.reopenings));
    const reply = [this.agentLine(this.bank.reopenReplies)];
    if (this.behaviour.nextSteps) reply.push(this.agentLine(this.topic.nextSteps));
    this.agentSays(reply);
    this.flushLetter();
    this.experience -= 0.6;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The generator                                                                               */
/* ------------------------------------------------------------------------------------------ */

const SURVEY_BY_SCORE = (score: number, bank: PhraseBank): readonly string[] =>
  score >= 4 ? bank.surveyPositive : score <= 2 ? bank.surveyNegative : bank.surveyNeutral;

/** Conversations in the exchange format, one at a time, deterministic for the options. */
export function* generateDemoConversations(options: DemoOptions): Generator<ConversationInput> {
  const endMs = options.end?.getTime() ?? DEFAULT_END_MS;
  const startMs = options.start?.getTime() ?? endMs - 365 * DAY_MS;
  if (!(endMs > startMs)) throw new RangeError('demo period: end must be after start');
  const count = Math.max(0, Math.floor(options.count));
  const world = new DemoWorld(options.seed >>> 0, count, startMs, endMs);
  for (let index = 0; index < count; index++) yield buildConversation(world, index);
}

function buildConversation(world: DemoWorld, index: number): ConversationInput {
  const random = world.random;
  const calendar = world.calendar;
  const language = LANGUAGE_TABLE.pick(random);
  const channel = CHANNEL_TABLE.pick(random);
  const source = SOURCE_BY_CHANNEL[channel].pick(random);

  const hour = calendar.hourAt((index + random.next()) / world.count);
  const outage = calendar.outageAt(hour);
  const localMs = calendar.startMs + (hour + random.next()) * HOUR_MS;
  let createdMs = localMs - zoneOffset(language, localMs) * 60_000;
  createdMs = clamp(Math.floor(createdMs / 1000) * 1000, calendar.startMs, world.endMs - 1000);

  const topicKey: TopicKey = outage && random.chance(0.7) ? 'technical' : TOPIC_TABLE.pick(random);
  const complaintTopic = topicKey === 'agent_complaint';
  const complaint = complaintTopic || random.chance(0.045);
  const irritated = complaint ? random.chance(0.75) : random.chance(0.13);
  const wantsSupervisor = random.chance(complaint ? 0.35 : 0.025);
  const style = STYLE[channel];

  const play = new ConversationPlay(
    world,
    language,
    channel,
    topicKey,
    createdMs,
    irritated,
    complaint,
    wantsSupervisor,
  );
  const abandoned =
    (channel === 'phone' && random.chance(0.07)) || (channel === 'chat' && random.chance(0.04));
  const withBot = (channel === 'chat' || channel === 'messenger') && random.chance(0.25);
  const randomTransfer = !abandoned && random.chance(0.07);
  play.play(abandoned, withBot, randomTransfer);
  play.flushLetter();

  // Offsets are the help desk's habit: some export local time, others UTC.
  const offset = source.localOffset ? play.zoneMinutes : null;
  const messages = play.messages;
  const times = play.times;
  const ageMs = world.endMs - createdMs;
  let status: ConversationStatus;
  let cut = messages.length;
  // Recent conversations are often still running; anything that would run past the end is cut there.
  const openChance =
    ageMs < 3 * DAY_MS ? 0.5 : ageMs < 14 * DAY_MS ? 0.25 : ageMs < 45 * DAY_MS ? 0.06 : 0.025;
  const stillOpen = !abandoned && random.chance(openChance);
  for (let position = 0; position < messages.length; position++) {
    if ((times[position] as number) >= world.endMs) {
      cut = position;
      break;
    }
  }
  // A call cannot stop half-way: its case stays pending instead (engineer visit, callback).
  const pendingCall = stillOpen && style === 'call';
  if (stillOpen && !pendingCall && messages.length > 1) {
    cut = Math.min(cut, random.int(1, Math.max(1, messages.length - 2)));
  }
  if (cut < 1 && messages.length > 0) cut = 1;
  const unfinished = cut < messages.length;
  if (unfinished) messages.length = cut;
  const lastMessage = messages[messages.length - 1];
  const lastMs = messages.length > 0 ? (times[messages.length - 1] as number) : createdMs;
  if (abandoned) status = 'closed';
  else if (unfinished) status = lastMessage?.role === 'customer' ? 'open' : 'pending';
  else if (pendingCall) status = 'pending';
  else status = random.chance(0.82) ? 'resolved' : 'closed';
  const finished = !abandoned && !unfinished && !pendingCall;

  messages.forEach((message, position) => {
    message.at = isoTime(times[position] as number, offset);
  });

  const conversation: ConversationInput = {
    id: world.nextId(source),
    source: source.name,
    channel,
    created_at: isoTime(createdMs, offset),
  };
  if (random.chance(0.85)) conversation.language = language;
  if (style === 'letter' || channel === 'forum' || channel === 'social' || random.chance(0.15)) {
    conversation.subject = fillSubject(play);
  }
  conversation.status = status;
  if (finished) {
    const resolvedMs = lastMs + Math.round(random.between(10, style === 'letter' ? 7200 : 600)) * 1000;
    conversation.resolved_at = isoTime(Math.min(resolvedMs, world.endMs - 1000), offset);
  }
  // Nobody answered an abandoned contact, so it has no agent.
  // A conversation cut short ends with whoever held it at that point.
  const transfers = unfinished
    ? messages.filter((message) => message.role === 'system').length
    : play.transfers;
  const holder = play.handlers[transfers] ?? play.agent;
  if (!abandoned) conversation.agent = { id: holder.id, name: holder.name, team: holder.team };
  conversation.customer = customerRecord(play, random);

  const tags = play.tags;
  if (complaint) tags.push('complaint');
  if (outage && topicKey === 'technical') tags.push('outage');
  if (random.chance(0.03)) tags.push('vip');
  conversation.tags = [...new Set(tags)];
  if (source.hasPriority) {
    let priority = PRIORITY_TABLE.pick(random);
    if ((complaint || wantsSupervisor) && priority !== 'urgent')
      priority = random.chance(0.6) ? 'high' : 'urgent';
    conversation.priority = priority;
  }
  if (style === 'call' || channel === 'chat') conversation.wait_s = play.waitS;
  if (!abandoned && (style === 'call' || channel === 'chat' || source.name === 'zendesk')) {
    conversation.handle_s = handleSeconds(play, random);
  }
  conversation.transfers = transfers;
  if (abandoned) conversation.abandoned = true;
  else if (style === 'call' || channel === 'chat') conversation.abandoned = false;
  if (source.hasReopened) conversation.reopened = play.reopened;
  if (finished) conversation.outcome = outcomeCode(play, random);
  conversation.messages = messages;
  if (finished) {
    const feedback = surveyAnswers(play, random, lastMs, offset, world.endMs);
    if (feedback.length > 0) conversation.feedback = feedback;
  }
  if (complaint && (complaintTopic ? random.chance(0.75) : random.chance(0.45)))
    conversation.complaint = true;
  const custom = customFields(play, random);
  if (custom !== null) conversation.custom = custom;
  return conversation;
}

function fillSubject(play: ConversationPlay): string {
  const template = play.random.pick(play.topic.subjects);
  return fillTemplate(template, play.vars, play.customer.female, play.agent.female);
}

function customerRecord(
  play: ConversationPlay,
  random: Random,
): { id: string; name?: string; email?: string; phone?: string } {
  const customer = play.customer;
  const record: { id: string; name?: string; email?: string; phone?: string } = { id: customer.id };
  const style = play.style;
  if (play.nameKnown || style === 'letter' || random.chance(0.4)) record.name = customer.person.full;
  if (style === 'letter' || play.channel === 'chat' || random.chance(0.5)) record.email = customer.email;
  if (style === 'call' || play.channel === 'sms' || random.chance(0.3)) record.phone = customer.phone;
  return record;
}

function handleSeconds(play: ConversationPlay, random: Random): number {
  if (play.style === 'call') return Math.round(play.callEndS + random.between(15, 150));
  const agentMessages = play.messages.filter((message) => message.role === 'agent').length;
  if (play.channel === 'chat') {
    const first = play.answeredMs;
    const last = play.clockMs;
    return Math.max(30, Math.round((last - first) / 1000));
  }
  return Math.round(agentMessages * random.between(120, 600));
}

function outcomeCode(play: ConversationPlay, random: Random): string {
  if (play.escalated && random.chance(0.5)) return 'escalated';
  if (play.outcome === 'negative') return random.chance(0.6) ? 'unresolved' : 'explained';
  return random.pick(TOPIC_OUTCOMES[play.topicKey]);
}

function surveyAnswers(
  play: ConversationPlay,
  random: Random,
  lastMs: number,
  offset: number | null,
  endMs: number,
): FeedbackInput[] {
  const answers: FeedbackInput[] = [];
  const experience =
    play.experience + random.normal() * 0.6 - (play.irritated ? 0.4 : 0) - play.transfers * 0.25;
  const asked = play.behaviour.rating;
  // People answer more when asked, and when the experience was very good or very bad.
  const extremity = Math.min(1, Math.abs(experience) / 3);
  const atMs = Math.min(endMs - 1000, lastMs + Math.round(random.logNormal(1800, 1.4)) * 1000);
  const at = isoTime(atMs, offset);
  const comment = (score: number, chanceOfComment: number): string | undefined => {
    if (!random.chance(chanceOfComment)) return undefined;
    return random.pick(SURVEY_BY_SCORE(score, play.bank));
  };
  if (random.chance(0.22 + (asked ? 0.12 : 0) + 0.08 * extremity)) {
    const score = clamp(Math.round(3.1 + experience * 0.75), 1, 5);
    const answer: FeedbackInput = { type: 'csat', score, scale: 5, at };
    const text = comment(score, 0.5);
    if (text !== undefined) answer.comment = text;
    answers.push(answer);
  }
  if (random.chance(0.12)) {
    const score = clamp(Math.round(6.8 + experience * 1.1), 0, 10);
    const answer: FeedbackInput = { type: 'nps', score, scale: 10, at };
    const text = comment(score >= 9 ? 5 : score <= 6 ? 1 : 3, answers.length > 0 ? 0.1 : 0.4);
    if (text !== undefined) answer.comment = text;
    answers.push(answer);
  }
  if (random.chance(0.06)) {
    const score = clamp(Math.round(4.6 + experience * 0.7 - play.transfers - play.reopened), 1, 7);
    answers.push({ type: 'ces', score, scale: 7, at });
  }
  return answers;
}

function customFields(play: ConversationPlay, random: Random): Record<string, unknown> | null {
  const custom: Record<string, unknown> = {};
  const topic = play.topicKey;
  if (
    topic === 'delivery' ||
    topic === 'refund' ||
    topic === 'damaged_item' ||
    (topic === 'billing' && random.chance(0.2))
  ) {
    custom.order_id = play.vars.order;
  }
  if (topic === 'plan_change' || topic === 'cancellation' || (topic === 'technical' && random.chance(0.5))) {
    custom.plan = play.vars.plan;
  }
  if (random.chance(0.25)) custom.segment = random.chance(0.8) ? 'consumer' : 'business';
  return Object.keys(custom).length > 0 ? custom : null;
}
