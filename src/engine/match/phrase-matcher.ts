/**
 * Finds lexicon phrases in tokenised text. Phrases compile into a trie over words whose edges are
 * exact words, stems (`word*`) or numbers (`{n}`); matching walks it from every token, so each
 * token is looked up in a hash table, not searched for.
 */
import { foldText } from '../text/fold.js';
import { isNumberToken, type Token } from '../text/tokenize.js';

/** One occurrence of a phrase. */
export interface PhraseMatch<T> {
  tag: T;
  /** Index of the first and after the last token matched. */
  firstToken: number;
  endToken: number;
}

interface StemNode<T> {
  children: Map<number, StemNode<T>>;
  targets: TrieNode<T>[];
}

interface TrieNode<T> {
  exact: Map<string, TrieNode<T>>;
  stems: StemNode<T> | null;
  number: TrieNode<T> | null;
  tags: T[];
}

const newNode = <T>(): TrieNode<T> => ({ exact: new Map(), stems: null, number: null, tags: [] });

const ROOT_CACHE_LIMIT = 200_000;

/** Raised for a phrase that cannot be compiled (it could never match). */
export class InvalidPhraseError extends Error {}

const WORD = /^[\p{L}\p{M}\p{N}]+\*?$/u;

/** Splits a phrase into its folded word patterns, or throws when it could never match. */
export function phraseWords(phrase: string): string[] {
  const words = foldText(phrase.trim()).split(/\s+/);
  for (const word of words) {
    if (word !== '{n}' && !WORD.test(word)) {
      throw new InvalidPhraseError(`"${phrase}": "${word}" is not a word, a stem (word*) or {n}`);
    }
  }
  if (words.length === 0 || words[0] === '') throw new InvalidPhraseError(`"${phrase}": empty phrase`);
  return words;
}

/** A compiled set of phrases, each carrying a tag returned with its matches. */
export class PhraseMatcher<T> {
  private readonly root = newNode<T>();
  private readonly rootCache = new Map<string, TrieNode<T>[]>();
  private longest = 0;

  constructor(entries: Iterable<{ phrase: string; tag: T }>) {
    for (const { phrase, tag } of entries) this.add(phrase, tag);
  }

  private add(phrase: string, tag: T): void {
    const words = phraseWords(phrase);
    this.longest = Math.max(this.longest, words.length);
    let node = this.root;
    for (const word of words) {
      if (word === '{n}') {
        node.number ??= newNode<T>();
        node = node.number;
      } else if (word.endsWith('*')) {
        node.stems ??= { children: new Map(), targets: [] };
        let stem = node.stems;
        const text = word.slice(0, -1);
        for (let i = 0; i < text.length; i += 1) {
          const code = text.charCodeAt(i);
          let next = stem.children.get(code);
          if (!next) {
            next = { children: new Map(), targets: [] };
            stem.children.set(code, next);
          }
          stem = next;
        }
        let target = stem.targets[0];
        if (!target) {
          target = newNode<T>();
          stem.targets.push(target);
        }
        node = target;
      } else {
        let next = node.exact.get(word);
        if (!next) {
          next = newNode<T>();
          node.exact.set(word, next);
        }
        node = next;
      }
    }
    if (!node.tags.includes(tag)) node.tags.push(tag);
  }

  private step(node: TrieNode<T>, word: string, out: TrieNode<T>[]): void {
    const exact = node.exact.get(word);
    if (exact) out.push(exact);
    if (node.number && isNumberToken(word)) out.push(node.number);
    let stem = node.stems;
    for (let i = 0; stem && i < word.length; i += 1) {
      stem = stem.children.get(word.charCodeAt(i)) ?? null;
      if (stem) for (const target of stem.targets) out.push(target);
    }
  }

  /** Every occurrence of every phrase in the tokens, in order of their first token. */
  match(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let frontier: TrieNode<T>[] = [];
    let next: TrieNode<T>[] = [];
    for (let first = 0; first < tokens.length; first += 1) {
      // Most words start no phrase: the first step is looked up once per distinct word.
      const starts = this.rootStep((tokens[first] as Token).word);
      if (starts.length === 0) continue;
      frontier.length = 0;
      frontier.push(...starts);
      for (let at = first; frontier.length > 0; ) {
        for (const node of frontier) {
          for (const tag of node.tags) matches.push({ tag, firstToken: first, endToken: at + 1 });
        }
        at += 1;
        if (at >= tokens.length || at - first >= this.longest) break;
        next.length = 0;
        const word = (tokens[at] as Token).word;
        for (const node of frontier) this.step(node, word, next);
        [frontier, next] = [next, frontier];
      }
    }
    return matches;
  }

  private rootStep(word: string): TrieNode<T>[] {
    let nodes = this.rootCache.get(word);
    if (!nodes) {
      nodes = [];
      this.step(this.root, word, nodes);
      // The cache holds a working vocabulary; it starts over rather than grow without bound.
      if (this.rootCache.size >= ROOT_CACHE_LIMIT) this.rootCache.clear();
      this.rootCache.set(word, nodes);
    }
    return nodes;
  }

  /** True when any phrase occurs in the tokens. */
  test(tokens: readonly Token[]): boolean {
    return this.match(tokens).length > 0;
  }
}
