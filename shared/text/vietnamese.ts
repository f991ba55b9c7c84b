import slugifyLib from '@sindresorhus/slugify';

/**
 * Characters that input methods and copy-paste leave behind but nobody typed on purpose.
 *
 * OpenKey can leave U+202F; Word and web pages bring zero-width spaces and BOMs.
 */
const STRAY_INVISIBLES = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u202F/g;

/** NFC form with stray invisible characters removed: what every entry point stores. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(STRAY_INVISIBLES, '');
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Folded UTF-16 unit for every unit below U+2000 (all Vietnamese letters); 0 = not yet computed. */
const FOLDED_UNITS = new Uint16Array(0x2000);

function foldUnit(code: number): number {
  if (code === 0x111 || code === 0x110) return 0x64; // đ, Đ
  const ch = String.fromCharCode(code);
  const stripped = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  // Keep a one-to-one mapping so offsets in folded text point at the same place in the original.
  return stripped.length === 1 ? stripped.charCodeAt(0) : code;
}

const utf16 = new TextDecoder('utf-16le');

/**
 * Search folding: lower case, tone and vowel marks removed, đ/Đ turned into d.
 *
 * The input is normalised to NFC first and the result has exactly one UTF-16 unit per unit of that NFC
 * string, so a match found in folded text can be highlighted at the same offsets in the original.
 * FTS5's remove_diacritics leaves đ alone, which is why this fold exists. It runs on every search
 * result, so it works on code units through a table rather than on strings.
 */
export function foldForSearch(text: string): string {
  const nfc = text.normalize('NFC');
  const out = new Uint16Array(nfc.length);
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code >= 0x2000) {
      out[i] = code;
      continue;
    }
    let folded = FOLDED_UNITS[code] ?? 0;
    if (folded === 0) {
      folded = foldUnit(code);
      FOLDED_UNITS[code] = folded;
    }
    out[i] = folded;
  }
  return utf16.decode(out);
}

/** Vietnamese slug: "Số 456 Tạp chí Làng nghề Việt Nam 2025" → "so-456-tap-chi-lang-nghe-viet-nam-2025". */
export function slugify(text: string): string {
  return slugifyLib(foldForSearch(text), { lowercase: true, decamelize: false });
}

/** Search terms as the index sees them: folded words of letters and digits. */
export function searchTerms(query: string): string[] {
  return foldForSearch(normalizeText(query))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/**
 * Syllables ("chữ" as Vietnamese editors count them): runs of letters or digits between spaces.
 *
 * "làng nghề" is one word but two syllables; editors count the syllables.
 */
export function countSyllables(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), which SQLite's collation does not know. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const VOWEL_MODIFIERS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/**
 * A key whose plain binary order is Vietnamese dictionary order, so SQLite can sort and page
 * long lists by it: letters first (ă, â, đ, ê, ô, ơ, ư are letters of their own), tone marks only
 * to break ties.
 */
export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  for (const ch of normalizeText(text).toLowerCase()) {
    const parts = ch.normalize('NFD');
    let letter = parts[0] ?? ch;
    let tone = 0;
    for (const mark of parts.slice(1)) {
      const modified = VOWEL_MODIFIERS[mark]?.[letter];
      if (modified) letter = modified;
      const toneIndex = TONES.indexOf(mark);
      if (toneIndex >= 0) tone = toneIndex + 1;
    }
    const index = ALPHABET.indexOf(letter);
    if (index >= 0) {
      primary += String.fromCharCode(0x41 + index);
      tones += String(tone);
    } else if (/[\p{L}\p{N}]/u.test(letter)) {
      primary += letter;
      tones += '0';
    } else {
      primary += ' ';
    }
  }
  return `${primary.trim()}\u0001${tones}`;
}
