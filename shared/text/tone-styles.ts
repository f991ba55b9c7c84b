/**
 * Vietnamese has two correct placements of the tone mark on the open syllables oa, oe, uy:
 * the reformed style ("hoà", "khoẻ", "thuý") and the traditional one ("hòa", "khỏe", "thúy").
 * Both are right; which one a publication uses is house style.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const PAIRS = /^(.*?)([oOuU])([aAeEyY])$/;

/** The same syllable with the tone moved to the other vowel of oa/oe/uy, or null when it does not apply. */
export function otherToneStyle(syllable: string): string | null {
  const decomposed = syllable.normalize('NFD');
  const tone = TONE_MARKS.exec(decomposed)?.[0];
  if (!tone) return null;
  const bare = decomposed.replace(tone, '');
  const match = PAIRS.exec(bare);
  if (!match) return null;
  const [, head = '', first = '', second = ''] = match;
  // "quý"/"quà": after q the u is part of the consonant, so there is only one place for the tone.
  if (/[qQ]$/.test(head) || /[\u0302\u0306\u031b]/.test(head + first + second)) return null;
  const toneOnSecond = decomposed.endsWith(second + tone) || decomposed.endsWith(second + tone.normalize('NFD'));
  const moved = toneOnSecond ? `${head}${first}${tone}${second}` : `${head}${first}${second}${tone}`;
  return moved.normalize('NFC');
}
