import type { DeskApi } from '../../shared/contract.js';
import type { ArticleSummary } from '../../shared/model/article.js';
import { readFileAsBase64 } from './read-file.js';

type Translate = (key: string, options?: Record<string, string>) => string;

async function readUtf8(file: File, t: Translate): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(t('editorTools.notUtf8', { name: file.name }));
  }
}

/** The file types "Nhập Word" accepts, for the file chooser. */
export const IMPORT_ACCEPT =
  '.docx,.md,.markdown,.html,.htm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/html';

/** Word through mammoth on the Node side; Markdown and HTML as UTF-8 text (anything else is refused). */
export async function importArticleFile(api: DeskApi, file: File, t: Translate): Promise<{ article: ArticleSummary; warnings: string[] }> {
  const textFormat = /\.(md|markdown)$/i.test(file.name) ? 'markdown' : /\.html?$/i.test(file.name) ? 'html' : null;
  return textFormat
    ? api.call('articles.import', { fileName: file.name, format: textFormat, content: await readUtf8(file, t) })
    : api.call('articles.importDocx', { fileName: file.name, dataBase64: await readFileAsBase64(file) });
}
