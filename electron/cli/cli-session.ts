import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { decodeUtf8, formatFromFileName, localImageSources, rewriteImageSources, toHtml } from '../services/article-import.js';
import { createHandlers } from '../services/desk-handlers.js';
import { createDispatcher, type Dispatch } from '../services/dispatcher.js';
import { Workspace } from '../services/workspace/workspace.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A workspace opened for one CLI command, with every call going through the contract. */
export interface Session {
  workspace: Workspace;
  dispatch: Dispatch;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export async function openSession(dataDir: string): Promise<Session> {
  const workspace = await Workspace.open(dataDir, { resourcesDir: join(repoRoot, 'resources') });
  const dispatch = createDispatcher(createHandlers(workspace));
  return {
    workspace,
    dispatch,
    call: (name, input) => dispatch(name, input) as Promise<CallOutput<typeof name>>,
  };
}

export const print = (line = '') => process.stdout.write(`${line}\n`);

/** Imports one .docx, .html or .md file (with the pictures it names beside it) as a new article. */
export async function importFile(session: Session, file: string): Promise<{ id: number; title: string; warnings: string[] }> {
  if (!existsSync(file)) throw new DeskError('invalid_input', `Không có tệp "${file}".`);
  if (/\.docx$/i.test(file)) {
    const dataBase64 = readFileSync(file).toString('base64');
    const { article, warnings } = await session.call('articles.importDocx', { fileName: file, dataBase64 });
    return { id: article.id, title: article.title, warnings };
  }
  const format = formatFromFileName(file);
  if (!format) throw new DeskError('invalid_file', `Không nhận dạng được định dạng của "${file}" (dùng .docx, .html, .htm, .md).`);
  let html = toHtml(decodeUtf8(readFileSync(file), file), format);
  const assets = new Map<string, string>();
  for (const src of localImageSources(html)) {
    const path = resolve(dirname(file), decodeURIComponent(src));
    if (!existsSync(path)) continue;
    const asset = await session.call('assets.add', { fileName: src, dataBase64: readFileSync(path).toString('base64') });
    assets.set(src, asset.hash);
  }
  html = rewriteImageSources(html, assets);
  const { article, warnings } = await session.call('articles.import', { fileName: file, format: 'html', content: html });
  return { id: article.id, title: article.title, warnings };
}
