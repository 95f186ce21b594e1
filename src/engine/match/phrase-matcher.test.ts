import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../text/tokenize.js';
import { InvalidPhraseError, PhraseMatcher } from './phrase-matcher.js';

const matcher = new PhraseMatcher([
  { phrase: 'Žao mi je', tag: 'apology' },
  { phrase: 'izvin*', tag: 'apology' },
  { phrase: 'within {n} hours', tag: 'time' },
  { phrase: 'köszön*', tag: 'thanks' },
  { phrase: 'good morning', tag: 'greeting' },
  { phrase: 'good', tag: 'positive' },
]);
const tags = (text: string) => matcher.match(tokenize(text)).map((m) => m.tag);

describe('PhraseMatcher', () => {
  it('matches whole phrases on folded text, with or without diacritics', () => {
    assert.deepEqual(tags('Zao mi je zbog toga.'), ['apology']);
    assert.deepEqual(tags('ŽAO MI JE'), ['apology']);
  });

  it('matches stems against every inflected form and nothing shorter', () => {
    assert.deepEqual(tags('Izvinjavam se, izvinite'), ['apology', 'apology']);
    assert.deepEqual(tags('izvi'), []);
    assert.deepEqual(tags('Köszönjük, köszönöm'), ['thanks', 'thanks']);
  });

  it('matches numbers in place of {n} and only numbers', () => {
    assert.deepEqual(tags('We fix it within 24 hours'), ['time']);
    assert.deepEqual(tags('within some hours'), []);
  });

  it('never matches inside a word', () => {
    assert.deepEqual(tags('goodness'), []);
  });

  it('reports overlapping phrases, each with its token span', () => {
    const matches = matcher.match(tokenize('Good morning!'));
    assert.deepEqual(
      matches.map((m) => [m.tag, m.firstToken, m.endToken]),
      [
        ['positive', 0, 1],
        ['greeting', 0, 2],
      ],
    );
  });

  it('refuses a phrase that could never match', () => {
    assert.throws(() => new PhraseMatcher([{ phrase: "don't", tag: 'x' }]), InvalidPhraseError);
    assert.throws(() => new PhraseMatcher([{ phrase: '   ', tag: 'x' }]), InvalidPhraseError);
  });
});
