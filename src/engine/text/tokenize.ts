/** Words of a text: runs of letters, marks and digits (Unicode-aware), folded, with their offsets. */
import { foldText, wordCharTable } from './fold.js';

/** One word of a text. */
export interface Token {
  /** The folded word. */
  word: string;
  /** Offset of the first code unit in the original text. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
  /** True when punctuation or a line break stands between this word and the previous one. */
  afterBreak: boolean;
}

const BREAK = new Uint8Array(65536);
for (const char of '.!?;:\n,()"“”«»—–') BREAK[char.charCodeAt(0)] = 1;

/** Splits text into folded words; apostrophes and hyphens separate words. */
export function tokenize(text: string): Token[] {
  const folded = foldText(text);
  const isWord = wordCharTable();
  const tokens: Token[] = [];
  let start = -1;
  let sawBreak = false;
  for (let i = 0; i <= folded.length; i += 1) {
    const code = i < folded.length ? folded.charCodeAt(i) : 32;
    if (isWord[code] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      tokens.push({
        word: folded.slice(start, i),
        start,
        end: i,
        afterBreak: sawBreak || tokens.length === 0,
      });
      start = -1;
      sawBreak = false;
    }
    if (BREAK[code] === 1) sawBreak = true;
  }
  return tokens;
}

/** True when the token is written in digits only. */
export function isNumberToken(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}
