import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexiconEntries } from '../compiled-lexicon.js';
import { PhraseMatcher, phraseWords } from '../match/phrase-matcher.js';
import { tokenize } from '../text/tokenize.js';
import { LEXICONS } from './index.js';
import { sampleOf } from './sample.js';

for (const [language, lexicon] of Object.entries(LEXICONS)) {
  describe(`lexicon ${language}`, () => {
    const entries = lexiconEntries(lexicon);

    it('fills every list', () => {
      const categories = new Set(entries.map((e) => e.category));
      for (const group of ['agent', 'customer', 'sentiment', 'complaint'] as const) {
        for (const name of Object.keys(lexicon[group]))
          assert.ok(categories.has(`${group}.${name}`), `${group}.${name} is empty`);
      }
      assert.ok(lexicon.functionWords.length >= 30, 'at least 30 function words');
      assert.ok(lexicon.jargon.length > 0 && lexicon.concrete.length > 0);
    });

    it('has only phrases that the tokenizer lets match', () => {
      const matcher = new PhraseMatcher(
        entries.map((e) => ({ phrase: e.phrase, tag: `${e.category}|${e.phrase}` })),
      );
      const unmatched = entries.filter(
        (e) =>
          !matcher.match(tokenize(sampleOf(e.phrase))).some((m) => m.tag === `${e.category}|${e.phrase}`),
      );
      assert.deepEqual(unmatched, []);
    });

    it('repeats no phrase within a list', () => {
      const seen = new Set<string>();
      const repeated: string[] = [];
      for (const e of entries) {
        const key = `${e.category}|${phraseWords(e.phrase).join(' ')}`;
        if (seen.has(key)) repeated.push(key);
        seen.add(key);
      }
      assert.deepEqual(repeated, []);
    });

    it('lists no negator that is also a sentiment word', () => {
      const polar = new Set(
        entries
          .filter((e) => /^sentiment\.(strong)?(positive|negative)/i.test(e.category))
          .map((e) => phraseWords(e.phrase).join(' ')),
      );
      const clash = lexicon.sentiment.negators.filter((n) => polar.has(phraseWords(n).join(' ')));
      assert.deepEqual(clash, []);
    });
  });
}
