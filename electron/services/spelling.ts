import dictionary from 'dictionary-vi';
import nspell from 'nspell';
import type { ProofField, ProofFinding } from '../../shared/proofing/proofing-rules.js';
import { otherToneStyle } from '../../shared/text/tone-styles.js';

type Checker = ReturnType<typeof nspell>;

let base: Checker | null = null;
const withExtras = new Map<string, Checker>();

let additions: string[] | null = null;

/** The traditional tone placement of every reformed-style word in the dictionary. */
function baseAdditions(): string[] {
  additions ??= new TextDecoder()
    .decode(dictionary.dic)
    .split('\n')
    .slice(1)
    .map((line) => otherToneStyle(line.split('/')[0]?.trim() ?? ''))
    .filter((w): w is string => w !== null);
  return additions;
}

/**
 * The Vietnamese Hunspell dictionary (dictionary-vi) with both tone placements accepted: it lists
 * only the reformed style ("hoà"), and "hòa" is just as correct.
 */
function baseChecker(): Checker {
  if (base) return base;
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  spell.personal(baseAdditions().join('\n'));
  base = spell;
  return spell;
}

/** The base checker plus the publication's own words (profile), cached per word list. */
function vietnameseChecker(extraWords: string[]): Checker {
  if (extraWords.length === 0) return baseChecker();
  const key = extraWords.join('\n');
  const cached = withExtras.get(key);
  if (cached) return cached;
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  spell.personal(baseAdditions().concat(extraWords).join('\n'));
  withExtras.clear();
  withExtras.set(key, spell);
  return spell;
}

const SYLLABLE = /[\p{L}\p{M}]+/gu;
/** Suggestions cost up to ~150 ms a word in nspell; past this budget findings come without them. */
const SUGGESTION_BUDGET_MS = 400;

function known(spell: Checker, word: string): boolean {
  return spell.correct(word) || spell.correct(word.toLowerCase());
}

/**
 * Syllables the dictionary does not know. Acronyms (UBND, OCOP) and capitalised words with letters
 * Vietnamese does not use (Facebook, Zalo) are left alone: they are names, not typos.
 */
export function spellingFindings(field: ProofField, text: string, extraWords: string[] = []): ProofFinding[] {
  const spell = vietnameseChecker(extraWords);
  const findings: ProofFinding[] = [];
  const deadline = performance.now() + SUGGESTION_BUDGET_MS;
  for (const match of text.matchAll(SYLLABLE)) {
    const word = match[0];
    if (word.length > 1 && word === word.toUpperCase()) continue;
    if (known(spell, word)) continue;
    const start = match.index ?? 0;
    const capitalised = word[0] !== word[0]?.toLowerCase();
    // Letters Vietnamese does not use: a loanword or a name, unless it is a Telex key left in ("truyenf").
    const foreign = /[fjwz]/i.test(word);
    if (foreign && capitalised) continue;
    const suggestions = performance.now() < deadline ? spell.suggest(word.toLowerCase()).slice(0, 5) : [];
    findings.push({
      rule: 'spelling',
      severity: capitalised || foreign ? 'info' : 'warning',
      field,
      start,
      end: start + word.length,
      excerpt: text.slice(Math.max(0, start - 24), start + word.length + 24).replace(/\s+/g, ' '),
      message: capitalised ? `"${word}" không có trong từ điển (tên riêng hay lỗi chính tả?).` : `"${word}" không có trong từ điển tiếng Việt.`,
      suggestions,
    });
  }
  return findings;
}
