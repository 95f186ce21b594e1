/** The lexicons the engine ships; a new language is one more file and one more line here. */
import { lexicon as bg } from './bg.js';
import { lexicon as en } from './en.js';
import { lexicon as hr } from './hr.js';
import { lexicon as hu } from './hu.js';
import type { Lexicon } from './lexicon.js';
import { lexicon as ru } from './ru.js';

/** Every shipped lexicon by language code. */
export const LEXICONS: Readonly<Record<string, Lexicon>> = { en, ru, bg, hr, hu };

/** Languages the engine analyses. */
export const SUPPORTED_LANGUAGES = Object.keys(LEXICONS);
