import { Fragment, Slice } from '@tiptap/pm/model';
import { dropPoint } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import type { DeskApi } from '../../shared/contract.js';
import type { Asset } from '../../shared/model/workspace.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { addImageFiles, addImages, figureJson, imageFilesOf } from './image-insert.js';
import { sanitizePastedHtml, type PastedImage } from './paste-html.js';

/** Figures at the nearest place a block may go from `pos` (a caption or a word is not one). */
function insertFigureNodes(view: EditorView, assets: Asset[], pos: number): void {
  if (view.isDestroyed || assets.length === 0) return;
  const { state } = view;
  const nodes = assets.map((asset) => state.schema.nodeFromJSON(figureJson(asset)));
  const at = Math.min(pos, state.doc.content.size);
  const point = dropPoint(state.doc, at, new Slice(Fragment.from(nodes), 0, 0)) ?? at;
  view.dispatch(state.tr.insert(point, Fragment.from(nodes)).scrollIntoView());
}

/**
 * How text, HTML and picture files enter the body: by paste or by drop, never while typing.
 *
 * Normalising here never touches text an input method is composing. Pictures (pasted files,
 * data: images inside pasted HTML, dropped files) are stored as assets and follow as figures.
 */
export function bodyInputProps(api: DeskApi, onError: (error: unknown) => void) {
  const upload = (view: EditorView, images: PastedImage[] | File[], pos?: number) => {
    if (images.length === 0) return;
    const pending = images[0] instanceof File ? addImageFiles(api, images as File[]) : addImages(api, images as PastedImage[]);
    pending.then((assets) => insertFigureNodes(view, assets, pos ?? view.state.selection.to), onError);
  };
  return {
    transformPastedText: (text: string) => normalizeText(text),
    transformPastedHTML: (html: string, view: EditorView) => {
      const clean = sanitizePastedHtml(html);
      // The pasted structure lands first; its pictures follow once they are stored.
      if (clean.images.length > 0) setTimeout(() => upload(view, clean.images), 0);
      return clean.html;
    },
    handlePaste: (view: EditorView, event: ClipboardEvent) => {
      const files = imageFilesOf(event.clipboardData?.files);
      // A picture copied from a browser or an editor comes with HTML holding only that picture.
      const html = event.clipboardData?.getData('text/html') ?? '';
      const htmlText = html ? (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim() : '';
      if (files.length === 0 || htmlText !== '') return false;
      event.preventDefault();
      upload(view, files);
      return true;
    },
    handleDrop: (view: EditorView, event: DragEvent, _slice: unknown, moved: boolean) => {
      const files = moved ? [] : imageFilesOf(event.dataTransfer?.files);
      if (files.length === 0) return false;
      event.preventDefault();
      upload(view, files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
      return true;
    },
  };
}
