/** Text that a lexicon phrase must match, for tests and documentation. */
import { phraseWords } from '../match/phrase-matcher.js';

/** The phrase written out: stems as the bare stem, numbers as 3. */
export function sampleOf(phrase: string): string {
  return phraseWords(phrase)
    .map((word) => (word === '{n}' ? '3' : word.replace(/\*$/, '')))
    .join(' ');
}
