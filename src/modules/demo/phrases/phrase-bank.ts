/**
 * The shape of a demo phrase bank: everything a customer, an agent, a bot or the help desk says
 * in one language, plus the language's rules for names, dates, amounts and phone numbers.
 *
 * Templates may hold placeholders that the generator fills per conversation:
 * {name} how the agent addresses the customer, {customer} the customer's full name, {given} the
 * customer's first name, {agent} the agent's first name, {agentFull}, {team}, {company},
 * {ticket} case reference, {order} order number, {invoice} invoice number, {amount} and {amount2}
 * money, {plan} current and {plan2} other plan, {dateOn} a date as "on <date>", {dateBy} as
 * "by <date>", {timeAt} "at <time>", {timeBy} "by <time>", {days} a count of working days,
 * {hours} a count of hours, {email} the customer's e-mail, {title} and {url} a help article.
 * Where grammar depends on sex (Slavic past tenses, "уважаемый/уважаемая"), `{male|female}` picks
 * by the speaker's sex and `{^male|female}` by the sex of the person spoken to.
 * The exact wording a formatter returns (with or without preposition, case ending or noun) is the
 * bank's own business: each bank's templates are written against its own formatters.
 */
import type { Random } from '../demo.random.js';

/** Topics the demo conversations are about. */
export const TOPIC_KEYS = [
  'billing',
  'delivery',
  'refund',
  'technical',
  'account_access',
  'plan_change',
  'agent_complaint',
  'cancellation',
  'damaged_item',
] as const;

/** One of the demo topics. */
export type TopicKey = (typeof TOPIC_KEYS)[number];

/** A question a customer asks about a topic, and concrete answers (with a time, date or amount). */
export interface TopicQuestion {
  /** The customer's wording, e.g. "When will it arrive?". */
  ask: readonly string[];
  /** Concrete answers: a "when?" gets a date or time, a "how much?" gets an amount. */
  answers: readonly string[];
}

/** A help-centre article an agent can point the customer to. */
export interface HelpArticle {
  title: string;
  url: string;
}

/** Everything said about one topic. */
export interface TopicPhrases {
  /** E-mail subject lines. */
  subjects: readonly string[];
  /** The customer's first description of the problem. */
  openings: readonly string[];
  /** The customer's answer when asked for details (order number, device, …). */
  details: readonly string[];
  /** Plain-language explanations of what happened and how it will be solved. */
  explanations: readonly string[];
  /** The same told in internal jargon a customer cannot follow. */
  jargon: readonly string[];
  /** Several ways to solve it offered at once. */
  options: readonly string[];
  /** Questions the customer asks, with concrete answers. */
  questions: readonly TopicQuestion[];
  /** What happens next and what the customer should do. */
  nextSteps: readonly string[];
  /** Help-centre articles on the topic. */
  articles: readonly HelpArticle[];
  /** Internal notes agents leave for colleagues. */
  notes: readonly string[];
}

/** A first name, with the forms other grammar needs. */
export interface GivenName {
  /** Nominative, as written in a record. */
  name: string;
  /** Form used to address the person, where the language has a vocative (Croatian "Petre"). */
  vocative?: string;
  /** Patronymics formed from this name, where the language uses them (Russian). */
  patronymic?: { male: string; female: string };
}

/** A family name in its male and female forms (the same string where the language does not inflect). */
export interface Surname {
  male: string;
  female: string;
}

/** A person's name as shown in a record and as used when speaking to them. */
export interface PersonName {
  /** Full name in the order the language writes it (Hungarian: family name first). */
  full: string;
  /** First name alone. */
  given: string;
  /** How an agent addresses them: "Petre", "Анна Сергеевна", "г-н Петров", "Kovács Péter". */
  address: string;
}

/** Greetings (without a name or punctuation) by time of day; the generator adds ", <name>!" or "!". */
export interface TimedGreetings {
  morning: readonly string[];
  afternoon: readonly string[];
  evening: readonly string[];
  neutral: readonly string[];
}

/** A hand-written phrase bank for one language. */
export interface PhraseBank {
  /** BCP 47 code. */
  language: string;
  names: {
    male: readonly GivenName[];
    female: readonly GivenName[];
    surnames: readonly Surname[];
  };
  /** Builds a name; `formal` asks for the polite form of address (patronymic, title) where one exists. */
  formatName(
    given: GivenName,
    surname: Surname,
    female: boolean,
    father: GivenName | undefined,
    formal: boolean,
  ): PersonName;
  /** A date as used after a verb: "on Monday 3 March", "3 марта", "на 3 март", "március 3-án, kedden". */
  dateOn(date: Date): string;
  /** A deadline: "by 3 March", "до 3 марта", "március 3-ig". */
  dateBy(date: Date): string;
  /** A time of day as used after a verb: "at 2:30 pm", "в 14:30", "14:30-kor". */
  timeAt(hour: number, minute: number): string;
  /** A time-of-day deadline: "by 2:30 pm", "до 14:30". */
  timeBy(hour: number, minute: number): string;
  /** A count of working days as the bank's templates expect it ("3 working days", "3 рабочих дня"). */
  days(count: number): string;
  /** A count of hours as the bank's templates expect it. */
  hours(count: number): string;
  /** An amount given in euros, converted to the local currency and written the local way. */
  money(euros: number): string;
  /** A plausible mobile number in a national format. */
  phone(random: Random): string;
  /** Words that keep their capital letter when a sentence is prefixed with the customer's name ("I", "Вы", "Ön"). */
  keepsCapital: RegExp;

  topics: Readonly<Record<TopicKey, TopicPhrases>>;

  /** Customer's hello before the problem. */
  customerHellos: readonly string[];
  /** Customer's sign-off at the end of an e-mail ({customer}, {given}). */
  customerSignoffs: readonly string[];
  /** The customer says they contacted the company about this before. */
  repeatContact: readonly string[];
  /** The customer is irritated. */
  frustration: readonly string[];
  /** The customer says this is a complaint. */
  complaintWording: readonly string[];
  /** The customer pushes back on a vague answer. */
  pushback: readonly string[];
  /** The customer asks for a supervisor. */
  escalationRequests: readonly string[];
  /** The customer gives their name when asked ({customer}, {given}). */
  nameReplies: readonly string[];
  /** The customer picks one of the offered solutions. */
  choices: readonly string[];
  /** Short acknowledgements ("OK, thank you."). */
  acknowledgements: readonly string[];
  /** Backchannel during a call ("Mhm.", "Yes."). */
  backchannel: readonly string[];
  /** "No, that's all." */
  nothingElse: readonly string[];
  /** Happy closing words. */
  closingsHappy: readonly string[];
  /** Angry closing words. */
  closingsAngry: readonly string[];
  /** The customer asks for news days later. */
  chasers: readonly string[];
  /** The customer writes again after the case was closed: the problem is back. */
  reopenings: readonly string[];

  greetings: TimedGreetings;
  /** E-mail salutation with the name ({name}). */
  emailSalutations: readonly string[];
  /** E-mail salutation when the agent does not use the name. */
  emailSalutationsPlain: readonly string[];
  /** E-mail sign-off ({agent}, {agentFull}, {company}). */
  emailSignoffs: readonly string[];
  /** Agent introduces themselves in a chat ({agent}). */
  introductions: readonly string[];
  /** How an agent answers the phone ({agent}, {company}); follows a greeting or stands alone. */
  phoneIntroductions: readonly string[];
  /** Agent offers help when the customer has not yet said anything (in person, on the phone). */
  howCanIHelp: readonly string[];
  /** Agent asks the customer's name. */
  askName: readonly string[];
  /** Agent asks for details (order number, account e-mail…). */
  askDetails: readonly string[];
  /** Empathy and apology for the trouble. */
  empathy: readonly string[];
  /** "One moment, I am checking." */
  hold: readonly string[];
  /** "Thank you for waiting." after a hold. */
  afterHold: readonly string[];
  /** Answers that say nothing: "we are working on it". */
  vague: readonly string[];
  /** Time estimates, tied to the conversation's deadline ({dateBy}, {days}) so they agree with concrete answers. */
  estimates: readonly string[];
  /** Offers of a help article ({title}, {url}). */
  articleOffers: readonly string[];
  /** Rude or blaming lines. */
  rude: readonly string[];
  /** Agent offers or performs an escalation to a supervisor ({hours}). */
  escalationOffers: readonly string[];
  /** Agent hands the conversation to another queue before a transfer ({team}). */
  transferOffers: readonly string[];
  /** Agent refuses to escalate. */
  escalationRefusals: readonly string[];
  /**
   * A senior colleague takes over after a transfer ({agent}); no greeting, the generator adds one.
   * The first entry is a team leader introducing themselves.
   */
  escalationPickups: readonly string[];
  /** "Is there anything else I can help you with?" */
  anythingElse: readonly string[];
  /** Thanks for the customer's time and patience. */
  thanks: readonly string[];
  /** Request to rate the conversation. */
  ratingRequests: readonly string[];
  /** Agent's goodbye. */
  farewells: readonly string[];
  /** Agent's updates on a long case a day or more apart ({dateBy}), in order: the first, then later ones. */
  followUps: readonly string[];
  /** Agent reopens a case that came back. */
  reopenReplies: readonly string[];
  /** Bot's first message. */
  botGreetings: readonly string[];
  /** Bot hands the chat to a person. */
  botHandoffs: readonly string[];
  /** System line on a transfer ({team}). */
  transferNotices: readonly string[];
  /** Internal notes that fit any topic ({ticket}, {team}). */
  genericNotes: readonly string[];
  /** Survey comments. */
  surveyPositive: readonly string[];
  surveyNeutral: readonly string[];
  surveyNegative: readonly string[];
}

/** Rounds an amount the way shops price things: small amounts end in .99 or .50, larger are whole. */
export function shopPrice(amount: number): number {
  if (amount < 20) return Math.floor(amount) + (Math.round(amount * 7) % 2 === 0 ? 0.99 : 0.5);
  if (amount < 200) return Math.floor(amount) + 0.99;
  return Math.round(amount);
}

/** Groups thousands with `separator`: 12345 → "12 345"; four-digit numbers only when `groupFour`. */
export function groupThousands(whole: number, separator: string, groupFour = false): string {
  const digits = String(Math.round(whole));
  if (digits.length <= (groupFour ? 3 : 4)) return digits;
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped ? `${digits.slice(start, end)}${separator}${grouped}` : digits.slice(start, end);
  }
  return grouped;
}

/**
 * The East Slavic / South Slavic plural for a count: `one` after 1, 21, 31…, `few` after 2–4,
 * 22–24…, `many` otherwise (Russian день/дня/дней, Croatian dan/dana/dana).
 */
export function slavicPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}
