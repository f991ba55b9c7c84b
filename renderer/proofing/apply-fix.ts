import { bodyToText } from '../../shared/article-body.js';
import type { ArticleFields, PmDoc, PmNode } from '../../shared/model/article.js';
import type { ProofFinding } from '../../shared/proofing/proofing-rules.js';

type TextField = 'title' | 'sapo' | 'kicker' | 'byline';

/** Rules whose fix is a judgment call ("Ngô Quang" → "Ngô Quang Trung"): one by one, never in bulk. */
const NOT_SAFE_IN_BULK = new Set<ProofFinding['rule']>(['name-variants']);

function occurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function replaceInTextNode(doc: PmDoc, needle: string, offset: number, length: number, replacement: string): PmDoc | null {
  let found = 0;
  const visit = (node: PmNode): void => {
    if (node.type === 'text') found += occurrences(node.text ?? '', needle).length;
    node.content?.forEach(visit);
  };
  doc.content?.forEach(visit);
  if (found !== 1) return null;

  const rewrite = (node: PmNode): PmNode | null => {
    if (node.type === 'text') {
      const text = node.text ?? '';
      const index = text.indexOf(needle);
      if (index === -1) return node;
      const start = index + offset;
      const next = text.slice(0, start) + replacement + text.slice(start + length);
      // ProseMirror has no empty text nodes.
      return next ? { ...node, text: next } : null;
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(rewrite).filter((n): n is PmNode => n !== null) };
  };
  return { ...doc, content: (doc.content ?? []).map(rewrite).filter((n): n is PmNode => n !== null) };
}

/**
 * The body with one finding fixed, or null when its text cannot be pinned to a single place in a
 * single text node (it spans formatting, or the same words occur elsewhere): the desk then shows
 * the fix as a suggestion rather than guess which occurrence was meant.
 */
export function fixBody(body: PmDoc, finding: ProofFinding): PmDoc | null {
  if (finding.replacement === undefined || finding.end <= finding.start) return null;
  const plain = bodyToText(body);
  const target = plain.slice(finding.start, finding.end);
  if (!target) return null;
  const lineStart = plain.lastIndexOf('\n', finding.start - 1) + 1;
  const lineEndAt = plain.indexOf('\n', finding.end);
  const lineEnd = lineEndAt === -1 ? plain.length : lineEndAt;
  for (const radius of [0, 6, 12, 24]) {
    const left = plain.slice(Math.max(lineStart, finding.start - radius), finding.start);
    const right = plain.slice(finding.end, Math.min(lineEnd, finding.end + radius));
    const needle = left + target + right;
    if (occurrences(plain, needle).length !== 1) continue;
    return replaceInTextNode(body, needle, left.length, target.length, finding.replacement);
  }
  return null;
}

/** Whether "Sửa" can apply this finding to the article as it was proofed. */
export function canFix(finding: ProofFinding, body: PmDoc | null): boolean {
  if (finding.replacement === undefined) return false;
  if (finding.field !== 'body') return true;
  return body !== null && fixBody(body, finding) !== null;
}

export function safeInBulk(finding: ProofFinding): boolean {
  return !NOT_SAFE_IN_BULK.has(finding.rule);
}

const sameFinding = (a: ProofFinding, b: ProofFinding) =>
  a.rule === b.rule && a.field === b.field && a.excerpt === b.excerpt && a.replacement === b.replacement;

/**
 * The fields to save after applying the wanted fixes, located again in fresh findings (the text may
 * have changed since the panel proofed it). Overlapping fixes keep the first; body fixes that cannot
 * be pinned down are skipped. Null when nothing applies.
 */
export function fieldsWithFixes(
  article: Pick<ArticleFields, TextField | 'body'>,
  wanted: ProofFinding[],
  fresh: ProofFinding[],
): Partial<Pick<ArticleFields, TextField | 'body'>> | null {
  const matched = fresh.filter((f) => f.replacement !== undefined && wanted.some((w) => sameFinding(w, f)));
  const byField = new Map<ProofFinding['field'], ProofFinding[]>();
  for (const finding of matched) byField.set(finding.field, [...(byField.get(finding.field) ?? []), finding]);

  const out: Partial<Pick<ArticleFields, TextField | 'body'>> = {};
  for (const [field, findings] of byField) {
    const chosen: ProofFinding[] = [];
    for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
      const last = chosen[chosen.length - 1];
      if (!last || finding.start >= last.end) chosen.push(finding);
    }
    // Right to left, so earlier offsets stay valid.
    chosen.reverse();
    if (field === 'body') {
      let body = article.body;
      let changed = false;
      for (const finding of chosen) {
        const next = fixBody(body, finding);
        if (next) {
          body = next;
          changed = true;
        }
      }
      if (changed) out.body = body;
    } else {
      let text = article[field];
      for (const finding of chosen) text = text.slice(0, finding.start) + (finding.replacement ?? '') + text.slice(finding.end);
      if (text !== article[field]) out[field] = text;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}
