import type { Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedArticleRef } from '../../shared/article-body-schema.js';
import type { SearchHit } from '../../shared/contract.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { useApi } from '../api/api-context.js';
import { leaveFigure } from './image-insert.js';

/** "Tin liên quan": search the workspace, tick articles, insert them as one non-editable list. */
export function RelatedPicker({ editor, excludeId, onClose }: { editor: Editor; excludeId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [chosen, setChosen] = useState<RelatedArticleRef[]>([]);
  // Read while rendering, before the search box takes focus: the toolbar button, or the body when opened with the mouse.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const cancel = () => {
    onClose();
    opener?.focus();
  };

  useEffect(() => {
    const q = normalizeText(query).trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('articles.search', { query: q, limit: 20 }).then(
        (result) => live && setHits(result.items.filter((hit) => hit.article.id !== excludeId)),
        () => live && setHits([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, excludeId]);

  const toggle = (ref: RelatedArticleRef) =>
    setChosen((current) => (current.some((c) => c.uid === ref.uid) ? current.filter((c) => c.uid !== ref.uid) : [...current, ref]));

  return (
    <div className="related-picker" role="dialog" aria-label={t('editorTools.relatedTitle')} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <label htmlFor={`${ids}-q`}>{t('editorTools.relatedSearch')}</label>
      <input
        id={`${ids}-q`}
        type="search"
        lang="vi"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="related-results" aria-label={t('editorTools.relatedResults')}>
        {(query.trim() ? hits : []).map((hit) => {
          const ref = { uid: hit.article.uid, title: hit.article.title || t('list.untitled') };
          return (
            <li key={hit.article.id}>
              <label>
                <input type="checkbox" checked={chosen.some((c) => c.uid === ref.uid)} onChange={() => toggle(ref)} /> {ref.title}
              </label>
            </li>
          );
        })}
      </ul>
      <div className="related-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={chosen.length === 0}
          onClick={() => {
            leaveFigure(editor);
            editor.chain().focus().insertRelatedArticles(chosen).run();
            onClose();
          }}
        >
          {t('editorTools.relatedInsert', { count: chosen.length })}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t('editorTools.cancel')}
        </button>
      </div>
    </div>
  );
}
