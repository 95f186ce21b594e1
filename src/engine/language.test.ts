import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLexicon } from './compiled-lexicon.js';
import { detectLanguage } from './language.js';
import { LEXICONS } from './lexicons/index.js';
import { DEFAULT_SETTINGS } from './settings.js';

const profiles = Object.values(LEXICONS).map((lexicon) => compileLexicon(lexicon, DEFAULT_SETTINGS).profile);
const detect = (text: string) => detectLanguage(text, profiles).language;

describe('detectLanguage', () => {
  it('tells Russian from Bulgarian', () => {
    assert.equal(
      detect('Здравствуйте! Я не могу войти в личный кабинет, пишет что пароль неверный. Что мне делать?'),
      'ru',
    );
    assert.equal(
      detect('Здравейте! Не мога да вляза в профила си, пише че паролата е грешна. Какво да направя?'),
      'bg',
    );
    assert.equal(detect('Добрый день, когда будет доставка? Уже неделю жду.'), 'ru');
    assert.equal(detect('Добър ден, кога ще пристигне пратката? Чакам вече седмица.'), 'bg');
  });

  it('tells Croatian, Hungarian and English apart, with or without diacritics', () => {
    assert.equal(detect('Dobar dan, naplatili ste mi račun dva puta. Molim vas da to ispravite.'), 'hr');
    assert.equal(detect('Dobar dan, naplatili ste mi racun dva puta, molim vas da to ispravite'), 'hr');
    assert.equal(detect('Jó napot! Kétszer terhelték meg a kártyámat, kérem javítsák ki.'), 'hu');
    assert.equal(detect('Jo napot, ketszer terheltek meg a kartyamat, kerem javitsak ki'), 'hu');
    assert.equal(detect('Hello, you charged my card twice. Could you please fix it?'), 'en');
  });

  it('puts Serbian and Bosnian with Croatian', () => {
    assert.equal(detect('Zdravo, ne mogu da se ulogujem na nalog, šta da radim?'), 'hr');
  });

  it('says und when there is nothing to go on', () => {
    assert.equal(detect('12345 !!! 😀'), 'und');
  });
});
