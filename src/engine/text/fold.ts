/**
 * Folding: the one normalisation applied to text and to lexicon phrases alike. Lower case,
 * diacritics removed (č → c, ő → o, ё → е, й → и), đ → d. Every UTF-16 code unit folds to
 * exactly one code unit, so offsets in folded text are offsets in the original text.
 */

const SPECIAL: Record<string, string> = { đ: 'd', Đ: 'd', ß: 's', ı: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o' };

let foldTable: Uint16Array | null = null;
let wordTable: Uint8Array | null = null;

function buildTables(): void {
  const fold = new Uint16Array(65536);
  const word = new Uint8Array(65536);
  const isWord = /^[\p{L}\p{M}\p{N}]$/u;
  for (let code = 0; code < 65536; code += 1) {
    fold[code] = code;
    // Surrogate halves stay as they are: emoji and other astral characters are not words.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (isWord.test(char)) word[code] = 1;
    const special = SPECIAL[char];
    if (special) {
      fold[code] = special.charCodeAt(0);
      continue;
    }
    const lower = char.toLowerCase();
    const base = lower.normalize('NFD');
    const first = base.charCodeAt(0);
    if (lower.length === 1 && base.length >= 1 && !Number.isNaN(first)) fold[code] = first;
    else if (lower.length === 1) fold[code] = lower.charCodeAt(0);
  }
  foldTable = fold;
  wordTable = word;
}

/** The folded form of every UTF-16 code unit. */
export function foldingTable(): Uint16Array {
  if (!foldTable) buildTables();
  return foldTable as Uint16Array;
}

/** 1 for code units that belong to words (letters, marks, digits), else 0. */
export function wordCharTable(): Uint8Array {
  if (!wordTable) buildTables();
  return wordTable as Uint8Array;
}

/** Folds text; the result has the same length as the input. */
export function foldText(text: string): string {
  const table = foldingTable();
  let out = '';
  let runStart = 0;
  // Copy unchanged runs in one slice: most text is already lower case ASCII.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const folded = table[code] as number;
    if (folded !== code) {
      out += text.slice(runStart, i) + String.fromCharCode(folded);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
