import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printResolution } from '../../shared/print/image-resolution.js';
import type { Asset, PublicationProfile } from '../../shared/model/workspace.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { useApi } from '../api/api-context.js';

export interface SelectedFigure {
  pos: number;
  asset: string;
  alt: string;
  credit: string;
  wide: boolean;
}

/** The figure the selection is on or inside (its caption), if any. */
export function selectedFigure(editor: Editor): SelectedFigure | null {
  const { selection } = editor.state;
  const asFigure = (pos: number, attrs: Record<string, unknown>): SelectedFigure => ({
    pos,
    asset: String(attrs.asset ?? ''),
    alt: String(attrs.alt ?? ''),
    credit: String(attrs.credit ?? ''),
    wide: Boolean(attrs.wide),
  });
  const node = (selection as { node?: { type: { name: string }; attrs: Record<string, unknown> } }).node;
  if (node?.type.name === 'figure') return asFigure(selection.from, node.attrs);
  const { $from } = selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const ancestor = $from.node(depth);
    if (ancestor.type.name === 'figure') return asFigure($from.before(depth), ancestor.attrs);
  }
  return null;
}

export function useSelectedFigure(editor: Editor): SelectedFigure | null {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => selectedFigure(e),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
}

export function setFigureAttrs(editor: Editor, pos: number, attrs: Partial<Omit<SelectedFigure, 'pos'>>): void {
  editor
    .chain()
    .command(({ tr }) => {
      const node = tr.doc.nodeAt(pos);
      if (node?.type.name !== 'figure') return false;
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
      return true;
    })
    .run();
}

/**
 * The selected picture's facts for print (pixels, effective ppi at its placed width) and the
 * fields that travel with it: alt text, credit, and the focal point the web crops around.
 */
export function FigurePanel({ editor, figure }: { editor: Editor; figure: SelectedFigure }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [asset, setAsset] = useState<Asset | null>(null);
  const [profile, setProfile] = useState<PublicationProfile | null>(null);
  const [alt, setAlt] = useState(figure.alt);
  const [credit, setCredit] = useState(figure.credit);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.call('assets.get', { hash: figure.asset }), api.call('profile.get', {})]).then(
      ([a, p]) => {
        if (!live) return;
        setAsset(a);
        setProfile(p);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, figure.asset]);

  const commit = (field: 'alt' | 'credit', raw: string) => {
    const value = normalizeText(raw);
    if (value === figure[field]) return;
    setFigureAttrs(editor, figure.pos, { [field]: value });
    api.call('assets.update', { hash: figure.asset, [field]: value }).then(setAsset, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const setFocal = (x: number, y: number) => {
    const focalX = Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
    const focalY = Math.min(1, Math.max(0, Math.round(y * 1000) / 1000));
    api.call('assets.update', { hash: figure.asset, focalX, focalY }).then(setAsset, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const resolution = asset && profile ? printResolution(asset.width, profile.print, figure.wide) : null;

  return (
    <aside className="figure-panel" aria-label={t('editorTools.figurePanel')}>
      <div className="figure-panel-thumb">
        <button
          type="button"
          className="focal-picker"
          aria-label={t('editorTools.focalPoint')}
          title={t('editorTools.focalHint')}
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            if (box.width > 0 && box.height > 0) setFocal((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
          }}
        >
          <img src={api.assetUrl(figure.asset)} alt="" draggable={false} />
          {asset && <span className="focal-mark" style={{ left: `${asset.focalX * 100}%`, top: `${asset.focalY * 100}%` }} aria-hidden="true" />}
        </button>
      </div>
      <div className="figure-panel-fields">
        {asset && (
          <p className="figure-size" data-testid="figure-size">
            {t('editorTools.pixelSize', { width: asset.width, height: asset.height })}
            {resolution && ` · ${t('editorTools.printPpi', { ppi: resolution.ppi, mm: resolution.placedWidthMm })}`}
          </p>
        )}
        {resolution && !resolution.ok && (
          <p className="figure-warning" role="status">
            {t('editorTools.lowResolution', { ppi: resolution.ppi, mm: resolution.placedWidthMm, min: profile?.print.minImagePpi, px: resolution.neededWidthPx })}
          </p>
        )}
        {asset && (
          <p className="field-hint">{t('editorTools.focalValue', { x: Math.round(asset.focalX * 100), y: Math.round(asset.focalY * 100) })}</p>
        )}
        <label htmlFor={`${ids}-alt`}>{t('editorTools.alt')}</label>
        <input id={`${ids}-alt`} type="text" lang="vi" value={alt} onChange={(e) => setAlt(e.target.value)} onBlur={(e) => commit('alt', e.target.value)} />
        <label htmlFor={`${ids}-credit`}>{t('editorTools.credit')}</label>
        <input id={`${ids}-credit`} type="text" lang="vi" value={credit} onChange={(e) => setCredit(e.target.value)} onBlur={(e) => commit('credit', e.target.value)} />
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </aside>
  );
}
