import { diffWords } from 'diff';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

/**
 * A readable diff of two texts, word by word (a Vietnamese "word" here is a syllable: changing
 * "hoà" to "hòa" marks one syllable, not the line). jsdiff's word characters cover the Vietnamese
 * letters of NFC text, which is how everything is stored.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const part of diffWords(before.normalize('NFC'), after.normalize('NFC'))) {
    const kind: DiffKind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += part.value;
    else segments.push({ kind, text: part.value });
  }
  return segments;
}

export function hasChanges(segments: DiffSegment[]): boolean {
  return segments.some((s) => s.kind !== 'same');
}
