/**
 * Language identification specialised on the supported languages: script first, then letters
 * that only one language uses, then function words. Russian and Bulgarian share a script, so
 * they are told apart by ы э ё (Russian only), ъ inside words and щ (Bulgarian far more often)
 * and by their function words; Croatian, Serbian and Bosnian count as one family (`hr`).
 */
import { tokenize } from './text/tokenize.js';

/** What the detector needs of each language: its function words, folded. */
export interface LanguageProfile {
  language: string;
  functionWords: ReadonlySet<string>;
}

/** A detected language with how sure the detector is (0–1). */
export interface DetectedLanguage {
  language: string;
  confidence: number;
}

/** The answer when the text has no evidence for any supported language. */
export const UNDETERMINED = 'und';

/** Counts of the letters that tell the supported languages apart. */
export interface LetterEvidence {
  cyrillic: number;
  latin: number;
  russianOnly: number;
  bulgarianHardSign: number;
  bulgarianSht: number;
  serbianCyrillic: number;
  croatian: number;
  hungarian: number;
  hungarianOnly: number;
}

const isCyrillic = (code: number) => code >= 0x400 && code <= 0x4ff;
const RUSSIAN_ONLY = new Set([...'ыэёЫЭЁ'].map((c) => c.charCodeAt(0)));
const SERBIAN_CYRILLIC = new Set([...'јљњћђџЈЉЊЋЂЏ'].map((c) => c.charCodeAt(0)));
const CROATIAN_LETTERS = new Set([...'čćđšžČĆĐŠŽ'].map((c) => c.charCodeAt(0)));
const HUNGARIAN_LETTERS = new Set([...'őűŐŰöüÖÜáéíóúÁÉÍÓÚ'].map((c) => c.charCodeAt(0)));
const HUNGARIAN_ONLY = new Set([...'őűŐŰ'].map((c) => c.charCodeAt(0)));

/** Letter counts of a text, in one pass; add the counts of several texts for their whole. */
export function letterEvidence(text: string, into?: LetterEvidence): LetterEvidence {
  const e = into ?? {
    cyrillic: 0,
    latin: 0,
    russianOnly: 0,
    bulgarianHardSign: 0,
    bulgarianSht: 0,
    serbianCyrillic: 0,
    croatian: 0,
    hungarian: 0,
    hungarianOnly: 0,
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      e.latin += 1;
      continue;
    }
    if (isCyrillic(code)) {
      e.cyrillic += 1;
      if (RUSSIAN_ONLY.has(code)) e.russianOnly += 1;
      else if ((code === 0x44a || code === 0x42a) && isCyrillic(text.charCodeAt(i + 1)))
        e.bulgarianHardSign += 1;
      else if (code === 0x449 || code === 0x429) e.bulgarianSht += 1;
      else if (SERBIAN_CYRILLIC.has(code)) e.serbianCyrillic += 1;
      continue;
    }
    if (code >= 0xc0 && code <= 0x24f) {
      e.latin += 1;
      if (CROATIAN_LETTERS.has(code)) e.croatian += 1;
      else if (HUNGARIAN_LETTERS.has(code)) {
        e.hungarian += 1;
        if (HUNGARIAN_ONLY.has(code)) e.hungarianOnly += 1;
      }
    }
  }
  return e;
}

interface FunctionWordIndex {
  languages: string[];
  words: Map<string, number[]>;
}

// One look-up per word for all languages at once; built once per set of profiles.
const indexes = new WeakMap<readonly LanguageProfile[], FunctionWordIndex>();

function indexOf(profiles: readonly LanguageProfile[]): FunctionWordIndex {
  let index = indexes.get(profiles);
  if (!index) {
    const words = new Map<string, number[]>();
    profiles.forEach((profile, i) => {
      for (const word of profile.functionWords) {
        const list = words.get(word) ?? [];
        list.push(i);
        words.set(word, list);
      }
    });
    index = { languages: profiles.map((p) => p.language), words };
    indexes.set(profiles, index);
  }
  return index;
}

/** Detects the language of a text among the profiles; `und` without evidence. */
export function detectLanguage(text: string, profiles: readonly LanguageProfile[]): DetectedLanguage {
  return detectFromEvidence(letterEvidence(text), tokenize(text), profiles);
}

/** Detects a language from letter counts and folded words already at hand. */
export function detectFromEvidence(
  letters: LetterEvidence,
  tokens: readonly { word: string }[],
  profiles: readonly LanguageProfile[],
): DetectedLanguage {
  const { cyrillic, latin } = letters;
  if (cyrillic + latin === 0) return { language: UNDETERMINED, confidence: 0 };
  const index = indexOf(profiles);
  const hits = new Array<number>(index.languages.length).fill(0);
  for (const token of tokens) {
    const languages = index.words.get(token.word);
    if (languages) for (const language of languages) hits[language] = (hits[language] as number) + 1;
  }
  const scores = new Map<string, number>(index.languages.map((language, i) => [language, hits[i] as number]));
  const add = (language: string, value: number) => {
    if (scores.has(language)) scores.set(language, (scores.get(language) ?? 0) + value);
  };
  const cyrillicText = cyrillic > latin;
  // Letters that only one language of a script uses weigh more than a function word.
  if (cyrillicText) {
    add('ru', 2 * letters.russianOnly);
    add('bg', 2 * letters.bulgarianHardSign + 0.5 * letters.bulgarianSht);
    add('hr', 2 * letters.serbianCyrillic);
  } else {
    add('hr', 1.5 * letters.croatian);
    add('hu', 1.5 * letters.hungarian + 2 * letters.hungarianOnly);
  }
  const sameScript = (language: string) => (['ru', 'bg'].includes(language) ? cyrillicText : !cyrillicText);
  let best = UNDETERMINED;
  let bestScore = 0;
  let total = 0;
  for (const [language, score] of scores) {
    if (!sameScript(language) && !(language === 'hr' && cyrillicText && letters.serbianCyrillic > 0))
      continue;
    total += score;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  if (bestScore === 0) {
    // A script with no other evidence: the one supported language that writes it alone, if any.
    const candidates = [...scores.keys()].filter(sameScript);
    return candidates.length === 1
      ? { language: candidates[0] as string, confidence: 0.3 }
      : { language: UNDETERMINED, confidence: 0 };
  }
  return {
    language: best,
    confidence: Math.min(1, bestScore / Math.max(total, 1)) * Math.min(1, bestScore / 3),
  };
}
