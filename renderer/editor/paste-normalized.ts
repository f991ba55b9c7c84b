import type { ClipboardEvent } from 'react';
import { normalizeText } from '../../shared/text/vietnamese.js';

/**
 * Pastes plain text in NFC without stray invisibles (macOS apps and PDFs give NFD).
 *
 * Only pasting is normalised: rewriting while someone types would break input methods.
 * insertText keeps the field's undo history, unlike setting the value.
 */
export function pasteNormalized(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  const text = event.clipboardData.getData('text/plain');
  const clean = normalizeText(text);
  if (clean === text) return;
  event.preventDefault();
  document.execCommand('insertText', false, clean);
}
