import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { PrintLayout } from '../../shared/model/workspace.js';
import { countSyllables } from '../../shared/text/vietnamese.js';
import { formatNumber } from '../workspace/format.js';

const SYLLABLES_PER_MINUTE = 230;
/** A full A4 text page in the default three columns holds about this many syllables. */
const SYLLABLES_PER_PAGE_3_COLUMNS = 1100;
const PAGES_PER_FIGURE = 0.25;

interface Counts {
  syllables: number;
  characters: number;
  figures: number;
}

function countBody(editor: Editor): Counts {
  const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', ' ');
  let figures = 0;
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'figure') figures += 1;
    return true;
  });
  return { syllables: countSyllables(text), characters: text.replace(/\n/g, '').length, figures };
}

/** Rough print length: text scaled by the layout's columns, a quarter page per picture. */
export function estimatePages(counts: Counts, layout: PrintLayout | null): number {
  const columns = layout?.columns ?? 3;
  const perPage = (SYLLABLES_PER_PAGE_3_COLUMNS * columns) / 3;
  return counts.syllables / perPage + counts.figures * PAGES_PER_FIGURE;
}

/** Live counts under the body: syllables, characters, reading time and an estimated print length. */
export function BodyStats({ editor, layout }: { editor: Editor; layout: PrintLayout | null }) {
  const { t, i18n } = useTranslation();
  const counts = useEditorState({ editor, selector: ({ editor: e }) => countBody(e), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const minutes = Math.max(counts.syllables > 0 ? 1 : 0, Math.round(counts.syllables / SYLLABLES_PER_MINUTE));
  const pages = estimatePages(counts, layout);
  const lng = i18n.language;
  return (
    <p className="body-stats" aria-live="off" data-testid="body-stats">
      <span>{t('editorTools.statsSyllables', { formatted: formatNumber(counts.syllables, lng) })}</span>
      <span>{t('editorTools.statsCharacters', { formatted: formatNumber(counts.characters, lng) })}</span>
      <span>{t('editorTools.statsReading', { count: minutes })}</span>
      <span title={t('editorTools.statsPagesHint')}>{t('editorTools.statsPages', { pages: (Math.round(pages * 10) / 10).toLocaleString(lng === 'en' ? 'en-GB' : 'vi-VN') })}</span>
    </p>
  );
}
