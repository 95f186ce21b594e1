/// <reference types="vite/client" />
/**
 * The interface languages. Every `locales/<language>/<namespace>.json` is its own small chunk: the
 * first page loads only English (the fallback) and the language in use, and switching language
 * loads that language's files before the interface changes. A new page's namespace needs no
 * registration here: adding its files is enough.
 */
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages the interface is translated into; English is the fallback for missing keys. */
export const LANGUAGES = ['en', 'ru', 'bg', 'hr', 'hu'] as const;

/** One interface language. */
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as the language picker lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  bg: 'Български',
  hr: 'Hrvatski',
  hu: 'Magyar',
};

const STORAGE_KEY = 'kvalita.language';
const LOCALE_PATH = /\/locales\/([^/]+)\/([^/]+)\.json$/;

/** Whether `value` is one of the interface languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Groups bundled translation files by language and namespace (the folder and the file name). */
export function resourcesFromFiles(files: Record<string, { default: unknown }>): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [file, module] of Object.entries(files)) {
    const match = LOCALE_PATH.exec(file);
    if (!match) continue;
    const [, language = '', namespace = ''] = match;
    resources[language] ??= {};
    (resources[language] as ResourceLanguage)[namespace] = module.default as ResourceLanguage[string];
  }
  return resources;
}

/** The first supported language among the browser's preferences ("ru-RU" counts as "ru"). */
export function languageFromPreferences(preferences: readonly string[]): Language | undefined {
  for (const preference of preferences) {
    const primary = preference.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}

function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The language to start in: the one chosen in this browser, else the browser's, else English. */
export function initialLanguage(): Language {
  return storedLanguage() ?? languageFromPreferences(navigator.languages ?? [navigator.language]) ?? 'en';
}

/** Switches the interface to `language` (loading its texts first) and remembers the choice in this browser. */
export async function chooseLanguage(language: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private windows may refuse storage; the language still applies to this page.
  }
  await loadLanguage(language);
  return i18next.changeLanguage(language);
}

/** The interface language now shown. */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : 'en';
}

const loaders = import.meta.glob<{ default: unknown }>('./locales/*/*.json');

/** Every namespace any language has, known without loading a file. */
const NAMESPACES = [...new Set(Object.keys(loaders).map((file) => LOCALE_PATH.exec(file)?.[2] ?? ''))].filter(
  Boolean,
);

const loaded = new Map<Language, Promise<void>>();

// Loads every namespace of one language once; later calls share the first load.
function loadLanguage(language: Language): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    const files = Object.entries(loaders).filter(([file]) => LOCALE_PATH.exec(file)?.[1] === language);
    loading = Promise.all(
      files.map(async ([file, load]) => {
        const resources = resourcesFromFiles({ [file]: await load() });
        for (const [namespace, bundle] of Object.entries(resources[language] ?? {})) {
          i18next.addResourceBundle(language, namespace, bundle, true, true);
        }
      }),
    ).then(() => undefined);
    loading.catch(() => loaded.delete(language));
    loaded.set(language, loading);
  }
  return loading;
}

// Screen readers, hyphenation and the browser's own controls follow <html lang>.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Starts the interface languages; resolves once the first render can be fully translated. */
export async function startLanguages(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: NAMESPACES,
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await Promise.all([loadLanguage('en'), loadLanguage(language)]);
  // Bundles added after init reach components through this event.
  await i18next.changeLanguage(language);
}

export default i18next;
