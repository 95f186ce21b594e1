/**
 * Personal data in free text: e-mail addresses, phone numbers, payment card numbers (only when
 * the Luhn check holds) and IBANs (only when the mod-97 check holds), found and masked.
 */

import { tokenize } from './text/tokenize.js';

/** Kinds of personal data the redactor finds. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

/** One finding. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
// Digit runs with the separators people type; classified below by length and checksum.
const DIGITS = /\+?\d[\d ()./-]{6,}\d/g;

/** True when the digits pass the Luhn check (payment cards). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** True when the text is an IBAN with a valid mod-97 check. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** Every piece of personal data in the text, in order, without overlaps. */
export function findPii(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(EMAIL))
    spans.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(IBAN)) {
    if (ibanValid(match[0]))
      spans.push({ kind: 'iban', start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(DIGITS)) {
    const digits = match[0].replace(/\D/g, '');
    const start = match.index;
    const end = start + match[0].length;
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits))
      spans.push({ kind: 'card', start, end });
    else if (digits.length >= 8 && digits.length <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(match[0])) {
      spans.push({ kind: 'phone', start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: PiiSpan[] = [];
  for (const span of spans) {
    const last = result[result.length - 1];
    if (!last || span.start >= last.end) result.push(span);
  }
  return result;
}

/** The text with every piece of personal data replaced by `[email]`, `[phone]`, `[card]` or `[iban]`. */
export function redactPii(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findPii(text)) {
    out += `${text.slice(at, span.start)}[${span.kind}]`;
    at = span.end;
  }
  return out + text.slice(at);
}

/** The text with every word that is a form of one of the names ("Petar" → "Petre") replaced by `[name]`. */
export function redactNames(text: string, names: readonly string[]): string {
  const stems = names
    .flatMap((name) => tokenize(name).map((token) => token.word))
    .filter((word) => word.length >= 3)
    .map((word) => (word.length <= 4 ? word : word.slice(0, word.length - 2)));
  if (stems.length === 0) return text;
  let out = '';
  let at = 0;
  for (const token of tokenize(text)) {
    if (stems.some((stem) => token.word.startsWith(stem) && token.word.length <= stem.length + 4)) {
      out += `${text.slice(at, token.start)}[name]`;
      at = token.end;
    }
  }
  return out + text.slice(at);
}
