/**
 * The translation files of the web app: every namespace English has exists in every interface
 * language with the same keys (plural keys in the forms that language needs), no empty texts,
 * and the same placeholders and markup tags as the English text.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const LOCALES = path.join(import.meta.dirname, '../../web/src/locales');
const LANGUAGES = ['en', 'ru', 'bg', 'hr', 'hu'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

/** Every text of a translation file by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(name, value);
    else for (const [inner, text] of flatten(value, name)) flat.set(inner, text);
  }
  return flat;
}

function load(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')));
}

/** The keys a language must have for English's keys: plurals in that language's own forms. */
function expectedKeys(english: Map<string, string>, language: string): Set<string> {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL_SUFFIX.test(key)) {
      for (const form of forms) keys.add(key.replace(PLURAL_SUFFIX, `_${form}`));
    } else keys.add(key);
  }
  return keys;
}

/**
 * `{{value}}` placeholders and the components of `<tag>…</tag>` markup, which must survive
 * translation; a lone `<word>` is literal text (such as "Bearer <token>"), not markup.
 */
function markers(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...text.matchAll(/<(\w+)>[\s\S]*?<\/\1>|<(\w+)\s*\/>/g)].map((m) => `<${m[1] ?? m[2]}>`);
  return [...placeholders, ...tags].sort();
}

const NAMESPACES = fs
  .readdirSync(path.join(LOCALES, 'en'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

describe('web translations', () => {
  it('has the namespaces of every existing page', () => {
    for (const namespace of ['common', 'conversations', 'reviews', 'complaints']) {
      assert.ok(NAMESPACES.includes(namespace), `no ${namespace}.json in English`);
    }
  });

  for (const namespace of NAMESPACES) {
    const english = load('en', namespace);
    for (const language of LANGUAGES) {
      it(`${language}/${namespace}.json has exactly the keys of English, none empty`, () => {
        const file = path.join(LOCALES, language, `${namespace}.json`);
        assert.ok(fs.existsSync(file), `${language} has no ${namespace}.json`);
        const texts = load(language, namespace);
        const expected = expectedKeys(english, language);
        const missing = [...expected].filter((key) => !texts.has(key));
        // A plural form the language does not use is dead weight, not an error of meaning.
        const extra = [...texts.keys()].filter((key) => !expected.has(key) && !PLURAL_SUFFIX.test(key));
        assert.deepEqual(missing, [], `missing in ${language}/${namespace}`);
        assert.deepEqual(extra, [], `not in English ${namespace}`);
        const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key);
        assert.deepEqual(empty, [], `empty in ${language}/${namespace}`);
      });

      if (language === 'en') continue;
      it(`${language}/${namespace}.json keeps the placeholders and tags of English`, () => {
        const texts = load(language, namespace);
        const wrong: string[] = [];
        for (const [key, text] of texts) {
          const source = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other'));
          if (source === undefined) continue;
          const want = markers(source).filter((marker) => marker !== '{{count}}');
          const got = markers(text).filter((marker) => marker !== '{{count}}');
          if (want.join(' ') !== got.join(' ')) wrong.push(`${key}: ${got.join(' ')} ≠ ${want.join(' ')}`);
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});
