/**
 * The shape of a language's lexicon: the phrases every AutoQA check, the sentiment analyser and
 * the complaint detector look for. One file per language (`en.ts`, `ru.ts` …); a new language is
 * one new file of this shape.
 *
 * Phrase syntax, one string per phrase:
 * - words separated by single spaces; a phrase matches whole words of the text, in order,
 *   adjacent (punctuation between words is ignored);
 * - matching is on folded text: lower case, diacritics removed (č = c, ő = o, é = e), ё = е,
 *   й = и, đ = d. Write phrases correctly spelled, with their diacritics; text and phrases are
 *   folded by the same function, so "Žao mi je" also matches "zao mi je";
 * - a word ending in `*` matches every word that begins with it: `izvin*` matches izvinite,
 *   izvinjavam; use stems for inflected words (cases, aspects, persons, Hungarian suffixes)
 *   instead of listing forms, but never so short that they catch unrelated words (at least 4
 *   letters before `*`, 3 where the stem is unambiguous);
 * - `{n}` matches any number written in digits (`within {n} hours`, `{n} €`);
 * - no other special characters: no regular expressions, no punctuation inside phrases.
 */

/** A phrase in the syntax above. */
export type Phrase = string;

/** Everything the engine knows about one language. */
export interface Lexicon {
  /** ISO 639-1 code: `en`, `ru`, `bg`, `hr`, `hu`. */
  language: string;
  /** 40–80 of the most frequent short words of the language (articles, pronouns, conjunctions, prepositions, particles); used to tell languages apart. */
  functionWords: Phrase[];

  /** What agents say, by check. */
  agent: {
    /** A live greeting: time-of-day or neutral ("good morning", "hello", "добрый день"). */
    greeting: Phrase[];
    /** Asking the customer's name ("may I have your name", "как я могу к Вам обращаться"). */
    askName: Phrase[];
    /** Apologising for the trouble ("I'm sorry", "we apologise", "извините"). */
    apology: Phrase[];
    /** Empathy and understanding ("I understand how frustrating", "I can imagine"). */
    empathy: Phrase[];
    /** Stating what happens next or what the customer should do ("next step", "you will receive", "I will send", "please restart"). */
    nextSteps: Phrase[];
    /** Time frames ("within {n} hours", "by tomorrow", "on Monday", "in {n} days", "by the end of the week"). */
    timeEstimate: Phrase[];
    /** Non-answers to a concrete question ("we are working on it", "as soon as possible", "I can't say"). */
    vague: Phrase[];
    /** Offering more than one way ("you can either", "another option", "alternatively", "or we can"). */
    options: Phrase[];
    /** Pointing to self-help: articles, guides, videos, FAQ, help centre ("here is an article", "our guide"). URLs are detected separately. */
    education: Phrase[];
    /** "Is there anything else I can help you with?" and its variants. */
    anythingElse: Phrase[];
    /** Thanking the customer for their time, patience, contacting us. */
    thanks: Phrase[];
    /** Asking the customer to rate the conversation or answer the survey. */
    ratingRequest: Phrase[];
    /** Rude, dismissive or irritated wording ("calm down", "that's not my problem", "I already told you"). */
    rude: Phrase[];
    /** Blaming the customer ("you should have", "it's your fault", "you didn't read"). */
    blame: Phrase[];
    /** Offering a supervisor, manager or escalation ("I'll transfer you to my supervisor", "I'll escalate"). */
    escalationOffer: Phrase[];
    /** The case was solved during the contact ("it's done", "I've refunded", "the problem is fixed now"). */
    resolvedNow: Phrase[];
  };

  /** What customers say, by cue. */
  customer: {
    /** Reporting a problem ("doesn't work", "broken", "charged twice", "still waiting", "can't log in"). */
    problem: Phrase[];
    /** Asking when, where, how much, how long, what date ("when will", "how much", "where is"). */
    concreteQuestion: Phrase[];
    /** The bare question words of when / where / how much / how long ("when", "сколько"); they count as a concrete question only in a message with a question mark. */
    questionWords?: Phrase[];
    /** Asking for a supervisor or manager. */
    escalationRequest: Phrase[];
    /** Introducing themselves; the name follows the phrase ("my name is", "this is", "меня зовут"). */
    nameIntro: Phrase[];
  };

  /** Markers of a concrete answer besides digits: weekdays, months, "today", "tomorrow", units of time, currency words, "branch", "office", "address". */
  concrete: Phrase[];
  /** Default jargon: internal or technical terms agents should not use with customers (the organisation can replace the list). */
  jargon: Phrase[];

  /** Sentiment of any message. */
  sentiment: {
    /** Positive words and phrases (weight 1). */
    positive: Phrase[];
    /** Strongly positive (weight 2): "excellent", "thank you so much". */
    strongPositive: Phrase[];
    /** Negative words and phrases (weight 1). */
    negative: Phrase[];
    /** Strongly negative (weight 2): "terrible", "unacceptable", "worst". */
    strongNegative: Phrase[];
    /** Negators that flip the polarity of the next three words up to punctuation ("not", "never", "не", "nem"). Words that only look like negators are a bug. */
    negators: Phrase[];
    /** Intensifiers that double the weight of the next sentiment word ("very", "really", "очень", "nagyon"). */
    intensifiers: Phrase[];
  };

  /** Complaint detection. */
  complaint: {
    /** Dissatisfaction with product, service or staff ("unacceptable", "disappointed", "rude agent"). */
    dissatisfaction: Phrase[];
    /** Demands for a remedy ("I want my money back", "compensation", "refund me"). */
    demand: Phrase[];
    /** Saying it is a complaint ("I want to file a complaint", "official complaint", "жалоба"). */
    formal: Phrase[];
  };
}
