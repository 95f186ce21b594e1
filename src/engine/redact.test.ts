import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPii, ibanValid, luhnValid, redactPii } from './redact.js';

describe('PII redaction', () => {
  it('masks e-mail addresses, phone numbers, valid card numbers and valid IBANs', () => {
    assert.equal(
      redactPii(
        'Pišite na petar.kovac@example.com ili +385 91 123 4567; kartica 4111 1111 1111 1111; IBAN HR1210010051863000160.',
      ),
      'Pišite na [email] ili [phone]; kartica [card]; IBAN [iban].',
    );
  });

  it('leaves numbers alone that fail the checksums, and dates and short numbers', () => {
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(ibanValid('HR1210010051863000161'), false);
    assert.deepEqual(findPii('Order 12345 on 2026-03-02 costs 59.90'), []);
    assert.equal(redactPii('card 4111 1111 1111 1112').includes('[card]'), false);
  });

  it('finds Cyrillic-text e-mails and national phone formats', () => {
    assert.deepEqual(
      findPii('Мой телефон 8 (916) 123-45-67, почта иван@пример.рф').map((s) => s.kind),
      ['phone', 'email'],
    );
  });
});
