import { foldForSearch, searchTerms } from '../../../shared/text/vietnamese.js';

export interface MatchTerm {
  text: string;
  prefix: boolean;
}

const MAX_TERMS = 20;
const SNIPPET_LENGTH = 180;

/**
 * Turns what a person typed into an FTS5 query: every word must appear, the last one may be the
 * start of a word (search as you type).
 */
export function buildMatchQuery(query: string): { expression: string; terms: MatchTerm[] } | null {
  const words = searchTerms(query).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  const terms = words.map((text, i) => ({ text, prefix: i === words.length - 1 }));
  const expression = terms.map((t) => `"${t.text}"${t.prefix ? '*' : ''}`).join(' ');
  return { expression, terms };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** [start, end) offsets of whole-word matches in the original text, found through its fold. */
export function findMatches(original: string, terms: MatchTerm[], limit = 50): [number, number][] {
  const folded = foldForSearch(original);
  const found: [number, number][] = [];
  for (const term of terms) {
    let from = 0;
    while (found.length < limit * terms.length) {
      const at = folded.indexOf(term.text, from);
      if (at < 0) break;
      let end = at + term.text.length;
      const startsWord = !isWordChar(folded[at - 1]);
      if (term.prefix) {
        while (isWordChar(folded[end])) end += 1;
      }
      if (startsWord && !isWordChar(folded[end])) found.push([at, end]);
      from = at + 1;
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged.slice(0, limit);
}

/** A window of the text around the first match, cut at spaces, with highlights moved into it. */
export function cutSnippet(text: string, matches: [number, number][]): { text: string; highlights: [number, number][] } {
  const first = matches[0];
  let start = first ? Math.max(0, first[0] - 60) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < (first?.[0] ?? 0) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const highlights = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as [number, number]);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights };
}

/**
 * Matches near the start of a long body, widening only when needed: a snippet needs the first
 * match, and folding a whole 5,000-word body for each of twenty results is most of a search's time.
 */
export function findFirstMatches(text: string, terms: MatchTerm[]): [number, number][] {
  for (let end = 1500; ; end *= 4) {
    if (end >= text.length) return findMatches(text, terms);
    const cut = text.lastIndexOf(' ', end);
    const found = findMatches(text.slice(0, cut > 0 ? cut : end), terms);
    if (found.length > 0) return found;
  }
}
