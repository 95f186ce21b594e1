/**
 * Lexicon sentiment with negation and intensifiers: a negator flips the next three words up to
 * punctuation, an intensifier doubles the next sentiment word; emoticons and emoji decide when
 * the words say nothing.
 */
import type { PhraseMatch } from './match/phrase-matcher.js';
import type { Token } from './text/tokenize.js';
import type { SentimentLabel } from './types.js';

const WEIGHTS: Record<string, number> = {
  'sentiment.positive': 1,
  'sentiment.strongPositive': 2,
  'sentiment.negative': -1,
  'sentiment.strongNegative': -2,
};

const POSITIVE_SIGNS =
  /(?::-?\)|:-?D|;-?\)|<3|[\u{1F600}-\u{1F60D}\u{1F642}\u{1F44D}\u{2764}\u{1F60A}\u{1F64F}\u{1F389}\u{1F970}])/gu;
const NEGATIVE_SIGNS =
  /(?::-?\(|:'\(|>:\(|[\u{1F620}-\u{1F62D}\u{1F44E}\u{1F621}\u{1F612}\u{1F614}\u{1F61E}\u{1F92C}])/gu;

/** Score and label of one message's text from its phrase matches. */
export function messageSentiment(
  text: string,
  tokens: readonly Token[],
  matches: readonly PhraseMatch<string>[],
): { score: number; label: SentimentLabel } {
  const negatorAt = new Set<number>();
  const intensifierAt = new Set<number>();
  for (const match of matches) {
    if (match.tag === 'sentiment.negators') negatorAt.add(match.endToken - 1);
    else if (match.tag === 'sentiment.intensifiers') intensifierAt.add(match.endToken - 1);
  }
  let score = 0;
  let covered = -1;
  const ordered = matches
    .filter((match) => WEIGHTS[match.tag] !== undefined)
    .sort((a, b) => a.firstToken - b.firstToken || b.endToken - a.endToken);
  for (const match of ordered) {
    // Overlapping phrases count once: the longest that starts first wins.
    if (match.firstToken <= covered) continue;
    covered = match.endToken - 1;
    let value = WEIGHTS[match.tag] as number;
    if (intensifierAt.has(match.firstToken - 1)) value *= 2;
    for (let back = 1; back <= 3; back += 1) {
      const candidate = match.firstToken - back;
      // Punctuation between a negator and the word ends the negation.
      if (candidate < 0 || (tokens[candidate + 1] as Token).afterBreak) break;
      if (negatorAt.has(candidate)) {
        value = -value;
        break;
      }
    }
    score += value;
  }
  if (score === 0) {
    score += (text.match(POSITIVE_SIGNS)?.length ?? 0) - (text.match(NEGATIVE_SIGNS)?.length ?? 0);
  }
  const label: SentimentLabel = score >= 1 ? 'positive' : score <= -1 ? 'negative' : 'neutral';
  return { score, label };
}

/** The label of a sum of scores. */
export function labelOf(score: number): SentimentLabel {
  return score >= 1 ? 'positive' : score <= -1 ? 'negative' : 'neutral';
}
