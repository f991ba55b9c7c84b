import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { decodeUtf8, formatFromFileName, imageInDocumentFolder, localImageSources, rewriteImageSources, toHtml } from '../services/article-import.js';
import type { AppState } from '../../shared/model/backup.js';
import type { Dispatch } from '../services/dispatcher.js';
import type { AppLog } from '../services/app-log.js';
import { DeskRuntime } from '../services/workspace/desk-runtime.js';
import type { Workspace } from '../services/workspace/workspace.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A workspace opened for one CLI command, with every call going through the contract. */
export interface Session {
  runtime: DeskRuntime;
  workspace: Workspace;
  dispatch: Dispatch;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

/** The data folder for one command: its workspace, or the recovery state when the database is damaged. */
export function openRuntime(dataDir: string, log?: AppLog): Promise<DeskRuntime> {
  return DeskRuntime.open(dataDir, { resourcesDir: join(repoRoot, 'resources'), ...(log ? { log: (error: unknown) => log.error('Lỗi nội bộ', error) } : {}) });
}

/** Refuses a damaged database with what to do about it (only backup list and restore work on one). */
export async function openSession(dataDir: string, log?: AppLog): Promise<Session> {
  const runtime = await openRuntime(dataDir, log);
  const state = runtime.state();
  if (state.mode === 'recovery') {
    runtime.close();
    throw new DeskError('not_a_database', recoveryAdvice(state));
  }
  return {
    runtime,
    workspace: runtime.workspace,
    dispatch: runtime.dispatch,
    call: (name, input) => runtime.call(name, input),
  };
}

export function formatBackupDate(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** What to tell a person whose database is damaged: why, that the file was left alone, and the command that restores. */
export function recoveryAdvice(state: AppState): string {
  const latest = state.backups[0];
  const lines = [state.problem ?? 'Không mở được kho dữ liệu.', 'LNV Desk không mở và không ghi gì vào tệp hỏng.'];
  if (!latest) {
    lines.push(`Không có bản sao lưu nào trong ${join(state.dataDir, 'backups')}; hãy báo bộ phận kỹ thuật trước khi làm gì với tệp hỏng.`);
    return lines.join('\n');
  }
  const dataOption = /[\s"'$]/.test(state.dataDir) ? `'${state.dataDir.replace(/'/g, `'\\''`)}'` : state.dataDir;
  lines.push(
    `Bản sao lưu tốt gần nhất: ngày ${formatBackupDate(latest.createdAt)} (${latest.articleCount} bài). Để khôi phục (tệp hỏng được cất sang bên, không bị xoá):`,
    `  desk restore ${latest.name} --data ${dataOption}`,
    `Các bản khác: desk backup list --data ${dataOption}`,
  );
  return lines.join('\n');
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
  const refused: string[] = [];
  for (const src of localImageSources(html)) {
    const path = imageInDocumentFolder(dirname(file), src);
    if (path === null) {
      refused.push(`Không lấy ảnh "${src.slice(0, 200)}": ảnh phải nằm trong thư mục của tài liệu hoặc thư mục con của nó.`);
      continue;
    }
    if (!existsSync(path)) continue;
    const asset = await session.call('assets.add', { fileName: src, dataBase64: readFileSync(path).toString('base64') });
    assets.set(src, asset.hash);
  }
  html = rewriteImageSources(html, assets);
  const { article, warnings } = await session.call('articles.import', { fileName: file, format: 'html', content: html });
  return { id: article.id, title: article.title, warnings: [...refused, ...warnings] };
}

/** The site a command means: the one given with --site, or the only one connected. */
export async function siteFor(session: Session, option: string | undefined): Promise<number> {
  if (option !== undefined) {
    const id = Number(option);
    if (!Number.isInteger(id) || id <= 0) throw new DeskError('invalid_input', `"${option}" không phải mã trang web (xem: desk site list).`);
    return id;
  }
  const sites = await session.call('sites.list', {});
  if (sites.length === 1) return sites[0]!.id;
  throw new DeskError(
    'invalid_input',
    sites.length === 0 ? 'Chưa kết nối trang web nào (desk site add).' : `Có ${sites.length} trang web: hãy chỉ ra trang bằng --site MÃ (xem: desk site list).`,
  );
}
