import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText } from './fold.js';
import { tokenize } from './tokenize.js';

describe('foldText', () => {
  it('lowers case and removes diacritics without changing the length', () => {
    const samples = ['Žao mi je, Đuro!', 'ŐSZINTÉN köszönöm', 'Ёлка и йод', 'Ünlü STRAßE', 'Emoji 😀 stay'];
    for (const text of samples) assert.equal(foldText(text).length, text.length, text);
    assert.equal(foldText('Žao mi je, Đuro!'), 'zao mi je, duro!');
    assert.equal(foldText('ŐSZINTÉN köszönöm'), 'oszinten koszonom');
    assert.equal(foldText('Ёлка и йод'), 'елка и иод');
  });

  it('returns plain lower-case ASCII unchanged', () => {
    const text = 'hello there';
    assert.equal(foldText(text), text);
  });
});

describe('tokenize', () => {
  it('keeps č ć š ž đ ő ű inside words instead of splitting there', () => {
    assert.deepEqual(
      tokenize('Loš račun, ćevapi i đak; hűtő').map((t) => t.word),
      ['los', 'racun', 'cevapi', 'i', 'dak', 'huto'],
    );
  });

  it('gives offsets into the original text', () => {
    const text = 'Dobar dan, Petre!';
    const [, , petre] = tokenize(text);
    assert.equal(text.slice(petre?.start, petre?.end), 'Petre');
  });

  it('splits at apostrophes and hyphens and marks words after punctuation', () => {
    const tokens = tokenize("don't worry. e-mail");
    assert.deepEqual(
      tokens.map((t) => t.word),
      ['don', 't', 'worry', 'e', 'mail'],
    );
    assert.deepEqual(
      tokens.map((t) => t.afterBreak),
      [true, false, false, true, false],
    );
  });
});
