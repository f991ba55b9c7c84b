import { useEffect, useState } from 'react';
import type { NoteAnchor } from '../../shared/model/workflow.js';

export type AnchorField = 'title' | 'sapo';

/**
 * The last text selected in the title or sapo input. Clicking a button in the panel blurs the
 * input, so the selection is remembered as it is made rather than read when the note is added.
 */
export function useFieldSelection(labels: Record<AnchorField, string>): [NoteAnchor | null, () => void] {
  const [anchor, setAnchor] = useState<NoteAnchor | null>(null);
  const { title, sapo } = labels;

  useEffect(() => {
    const fieldOf = (el: HTMLInputElement | HTMLTextAreaElement): AnchorField | null => {
      const label = el.labels?.[0]?.textContent?.trim() ?? '';
      if (el.id.endsWith('-title') || label === title) return 'title';
      if (el.id.endsWith('-sapo') || label === sapo) return 'sapo';
      return null;
    };
    const onSelect = (event: Event) => {
      const el = event.target;
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
      const field = fieldOf(el);
      if (!field) return;
      const { selectionStart: from, selectionEnd: to } = el;
      const quote = from !== null && to !== null ? el.value.slice(from, to).trim() : '';
      setAnchor(quote && from !== null && to !== null ? { field, quote, from, to } : null);
    };
    document.addEventListener('select', onSelect, true);
    document.addEventListener('keyup', onSelect, true);
    document.addEventListener('mouseup', onSelect, true);
    return () => {
      document.removeEventListener('select', onSelect, true);
      document.removeEventListener('keyup', onSelect, true);
      document.removeEventListener('mouseup', onSelect, true);
    };
  }, [title, sapo]);

  return [anchor, () => setAnchor(null)];
}
