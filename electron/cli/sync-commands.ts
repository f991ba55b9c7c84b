import { DeskError } from '../../shared/errors.js';
import type { PulledPost, SyncReport } from '../../shared/model/site-sync.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { print, type Session } from './cli-session.js';

export const SYNC_USAGE = `  sync [--pull] [--site MÃ] [--json]
                             đồng bộ bài nháp và bài chờ duyệt qua trang web: nhận bài
                             đổi trên web, gửi bài đổi ở đây (--pull: chỉ nhận)
  import-web [--site MÃ] [--category TÊN|MÃ] [--since NGÀY] [--until NGÀY] [--search TỪ]
             [--status publish,draft,…] [--limit N] [--json]
                             lấy bài từ trang web về kho (NGÀY dạng 2025-10-31); bài đã
                             lấy trước đó được cập nhật, không thành bài thứ hai`;

export interface SyncOptions {
  json: boolean;
  pull: boolean;
  site?: string;
  category?: string;
  since?: string;
  until?: string;
  search?: string;
  status?: string;
  limit?: string;
}

/** The site named by --site, or the only one connected. */
async function siteIdOf(session: Session, site: string | undefined): Promise<number> {
  if (site !== undefined) {
    const id = Number(site);
    if (!Number.isInteger(id) || id <= 0) throw new DeskError('invalid_input', `Mã trang "${site}" không hợp lệ (xem: desk site list).`);
    return id;
  }
  const sites = await session.call('sites.list', {});
  if (sites.length === 1) return sites[0]!.id;
  throw new DeskError(
    'invalid_input',
    sites.length === 0 ? 'Chưa kết nối trang web nào: desk site add <địa chỉ> --user TÊN.' : 'Có nhiều trang web: hãy chọn bằng --site MÃ (xem: desk site list).',
  );
}

const OUTCOME: Record<PulledPost['outcome'], string> = {
  new: 'bài mới',
  updated: 'cập nhật (phiên bản mới)',
  unchanged: 'không đổi',
  conflict: 'XUNG ĐỘT',
  failed: 'LỖI',
};

const pulledLine = (r: PulledPost) =>
  `  ↓ ${r.articleId !== null ? `bài ${r.articleId}` : `bài web ${r.postId}`}  ${r.title || '(Chưa có tiêu đề)'} — ${OUTCOME[r.outcome]}${r.message ? `\n      ${r.message}` : ''}`;

function printReport(report: SyncReport): void {
  if (report.offline) print(`Không nhận được gì: ${report.error ?? 'trang không trả lời'}`);
  else print(`Đã nhận: ${report.received.length} bài`);
  for (const r of report.received) print(pulledLine(r));
  if (report.pullOnly) return;
  const state = { done: 'đã gửi', waiting: 'chờ gửi khi có mạng', failed: 'LỖI' } as const;
  print(`Gửi đi: ${report.sent.length} bài`);
  for (const s of report.sent) print(`  ↑ bài ${s.articleId}  ${s.title || '(Chưa có tiêu đề)'} — ${state[s.state]}${s.message ? `\n      ${s.message}` : ''}`);
}

/** `desk sync`: one sync with a site, then what went and what came. Exit code 1 when something failed or conflicts. */
export async function syncCommand(session: Session, options: SyncOptions): Promise<number> {
  const report = await session.call('sync.run', { siteId: await siteIdOf(session, options.site), pullOnly: options.pull });
  if (options.json) print(JSON.stringify(report, null, 2));
  else printReport(report);
  const trouble = report.sent.some((s) => s.state === 'failed') || report.received.some((r) => r.outcome === 'failed' || r.outcome === 'conflict');
  return trouble ? 1 : 0;
}

/** A category by id, or by its name on the site (case and Unicode form do not matter). */
async function categoryIdOf(session: Session, siteId: number, category: string): Promise<number> {
  if (/^\d+$/.test(category)) return Number(category);
  const all = await session.call('publish.categories', { siteId });
  const wanted = normalizeText(category).trim().toLocaleLowerCase('vi');
  const found = all.find((c) => normalizeText(c.name).trim().toLocaleLowerCase('vi') === wanted);
  if (!found) throw new DeskError('invalid_input', `Trang không có chuyên mục “${category}”. Có: ${all.map((c) => c.name).join(', ')}.`);
  return found.id;
}

/** `desk import-web`: every post matching the filter (newest first, up to --limit) becomes an article. */
export async function importWebCommand(session: Session, options: SyncOptions): Promise<number> {
  const siteId = await siteIdOf(session, options.site);
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new DeskError('invalid_input', `--limit "${options.limit}" không hợp lệ.`);
  const filter = {
    siteId,
    ...(options.category ? { categoryId: await categoryIdOf(session, siteId, options.category) } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    ...(options.search ? { search: options.search } : {}),
    ...(options.status ? { statuses: options.status.split(',').map((s) => s.trim()) as never } : {}),
  };
  const postIds: number[] = [];
  for (let more = true; more && postIds.length < limit; ) {
    const page = await session.call('sync.searchRemote', { ...filter, offset: postIds.length, limit: Math.min(99, limit - postIds.length) });
    postIds.push(...page.items.map((p) => p.postId));
    more = page.more;
  }
  const results: PulledPost[] = [];
  for (let i = 0; i < postIds.length; i += 200) {
    results.push(...(await session.call('sync.importPosts', { siteId, postIds: postIds.slice(i, i + 200) })).results);
  }
  if (options.json) print(JSON.stringify(results, null, 2));
  else {
    for (const r of results) print(pulledLine(r));
    print(postIds.length === 0 ? 'Không có bài nào khớp.' : `Đã lấy: ${results.filter((r) => r.outcome === 'new').length} bài mới, ${results.filter((r) => r.outcome === 'updated').length} bài cập nhật.`);
  }
  return results.some((r) => r.outcome === 'failed' || r.outcome === 'conflict') ? 1 : 0;
}
