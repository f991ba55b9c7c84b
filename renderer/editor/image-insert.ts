import type { Editor, JSONContent } from '@tiptap/react';
import type { DeskApi } from '../../shared/contract.js';
import type { Asset } from '../../shared/model/workspace.js';
import type { PastedImage } from './paste-html.js';
import { readFileAsBase64 } from './read-file.js';

/** Picture files (picked, pasted or dropped) stored as assets, in order; the first failure stops. */
export async function addImageFiles(api: DeskApi, files: File[]): Promise<Asset[]> {
  const images: PastedImage[] = [];
  for (const file of files) images.push({ fileName: file.name || 'anh.png', dataBase64: await readFileAsBase64(file) });
  return addImages(api, images);
}

export async function addImages(api: DeskApi, images: PastedImage[]): Promise<Asset[]> {
  const assets: Asset[] = [];
  for (const image of images) assets.push(await api.call('assets.add', image));
  return assets;
}

export function figureJson(asset: Asset): JSONContent {
  return {
    type: 'figure',
    attrs: { asset: asset.hash, alt: asset.alt, credit: asset.credit },
    content: asset.caption ? [{ type: 'text', text: asset.caption }] : [],
  };
}

/**
 * Puts the caret in a new empty paragraph after the figure or gallery it is in, if any.
 *
 * A block inserted inside a caption would split the figure and leave half of it without its picture.
 */
export function leaveFigure(editor: Editor): void {
  const { $from } = editor.state.selection;
  for (let depth = 1; depth <= $from.depth; depth++) {
    const name = $from.node(depth).type.name;
    if (name === 'figure' || name === 'gallery') {
      const after = $from.after(depth);
      editor.chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run();
      return;
    }
  }
  const node = (editor.state.selection as { node?: { type: { name: string } } }).node;
  if (node && (node.type.name === 'figure' || node.type.name === 'gallery')) {
    const after = editor.state.selection.to;
    editor.chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run();
  }
}

/** One figure per picture, after the figure the caret is in or at the selection. */
export function insertFigures(editor: Editor, assets: Asset[]): void {
  if (assets.length === 0 || editor.isDestroyed) return;
  leaveFigure(editor);
  editor.chain().focus().insertContent(assets.map(figureJson)).run();
}

/** Several pictures shown together, each with its own caption. */
export function insertGallery(editor: Editor, assets: Asset[]): void {
  if (assets.length === 0 || editor.isDestroyed) return;
  leaveFigure(editor);
  editor.chain().focus().insertContent({ type: 'gallery', content: assets.map(figureJson) }).run();
}

export function imageFilesOf(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}
