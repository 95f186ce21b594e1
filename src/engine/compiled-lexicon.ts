/**
 * A lexicon compiled for matching: every phrase of every category in one matcher, tagged with its
 * category, so one pass over a message finds everything the checks, sentiment and complaint
 * detection need.
 */
import type { LanguageProfile } from './language.js';
import type { Lexicon } from './lexicons/lexicon.js';
import { PhraseMatcher, phraseWords } from './match/phrase-matcher.js';
import type { EngineSettings } from './settings.js';

/** Categories of phrases, e.g. `agent.greeting`, `sentiment.negative`, `jargon`. */
export type Category = string;

/** A lexicon ready to match, with its jargon kept apart (the organisation may replace it). */
export interface CompiledLexicon {
  language: string;
  matcher: PhraseMatcher<Category>;
  profile: LanguageProfile;
}

/** Every (category, phrase) pair of a lexicon. */
export function lexiconEntries(lexicon: Lexicon): Array<{ category: Category; phrase: string }> {
  const entries: Array<{ category: Category; phrase: string }> = [];
  const groups: Array<[string, Record<string, string[]>]> = [
    ['agent', lexicon.agent],
    ['customer', lexicon.customer],
    ['sentiment', lexicon.sentiment],
    ['complaint', lexicon.complaint],
  ];
  for (const [group, lists] of groups) {
    for (const [name, phrases] of Object.entries(lists)) {
      for (const phrase of phrases) entries.push({ category: `${group}.${name}`, phrase });
    }
  }
  for (const phrase of lexicon.concrete) entries.push({ category: 'concrete', phrase });
  for (const phrase of lexicon.jargon) entries.push({ category: 'jargon', phrase });
  return entries;
}

/** Compiles a lexicon with the organisation's extra phrases and jargon list. */
export function compileLexicon(lexicon: Lexicon, settings: EngineSettings): CompiledLexicon {
  const custom = settings.extraPhrases[lexicon.language] ?? {};
  const jargon = settings.jargon[lexicon.language];
  const entries = lexiconEntries(lexicon).filter((entry) => !(jargon && entry.category === 'jargon'));
  for (const [category, phrases] of Object.entries(custom)) {
    for (const phrase of phrases) entries.push({ category, phrase });
  }
  for (const phrase of jargon ?? []) entries.push({ category: 'jargon', phrase });
  return {
    language: lexicon.language,
    matcher: new PhraseMatcher(entries.map(({ category, phrase }) => ({ phrase, tag: category }))),
    profile: {
      language: lexicon.language,
      functionWords: new Set(lexicon.functionWords.flatMap((word) => phraseWords(word))),
    },
  };
}
