import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeskError, exitCodeFor } from '../../shared/errors.js';
import { bodyToText } from '../../shared/article-body.js';
import { EMPTY_DOC } from '../../shared/model/article.js';
import type { OutboxJob } from '../../shared/model/outbox.js';
import type { Site } from '../../shared/model/site.js';
import type { ProofFinding } from '../../shared/proofing/proofing-rules.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { decodeUtf8, formatFromFileName, htmlToArticle, toHtml } from '../services/article-import.js';
import { proofWithSpelling } from '../services/article-proofing.js';
import { defaultDataDir } from '../services/data-dir.js';
import { startHost } from '../host/host-server.js';
import { logActivity, loggedDispatch } from '../services/activity-log.js';
import type { AppLog } from '../services/app-log.js';
import { reportInternalError, startCliLog } from './cli-log.js';
import { importFile, openRuntime, openSession, print, repoRoot, siteFor, type Session } from './cli-session.js';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup-commands.js';
import { ISSUE_USAGE, issueCommand } from './issue-commands.js';
import { SYNC_USAGE, importWebCommand, syncCommand } from './sync-commands.js';


const USAGE = `Cách dùng: desk <lệnh> [tuỳ chọn]

Lệnh:
  start                      mở LNV Desk (Electron; không có thì mở trong trình duyệt)
  serve [--port N]           phục vụ bàn làm việc tại http://127.0.0.1:<cổng>
  list [--status S] [--trash] [--json]
  search <từ khoá> [--json]  tìm không dấu, không phân biệt hoa thường, đ = d
  import <tệp>...            nhập bài từ .docx, .html, .htm, .md; in mã bài mới
  export <mã bài> --format html|json|docx [--out TỆP]
${BACKUP_USAGE}
  proof <mã bài|tệp> [--json] soát lỗi theo quy cách toà soạn (vị trí, mức độ, gợi ý sửa)
  check                      kiểm tra toàn vẹn cơ sở dữ liệu
  site add <địa chỉ> --user TÊN   kết nối trang WordPress (mật khẩu ứng dụng đọc từ
                             LNV_DESK_SITE_PASSWORD hoặc dòng đầu của đầu vào chuẩn)
  site list | site check <mã> | site remove <mã>
  publish <mã bài> [--site MÃ] [--status publish|draft|pending] [--schedule ISO] [--overwrite]
                             đưa bài lên web (hoặc hẹn giờ đăng); lần sau cập nhật đúng bài đó
  unpublish <mã bài> [--site MÃ]  gỡ bài khỏi web (bài thành bản nháp trên trang)
  outbox list | outbox run | outbox retry <mã> | outbox cancel <mã>
                             hàng đợi xuất bản (gửi khi có mạng, không đăng trùng)
  outbox --retry             gửi lại ngay mọi việc bị lỗi trong hàng đợi
${SYNC_USAGE}
${ISSUE_USAGE}

Mọi lệnh nhận --data THƯ_MỤC (mặc định: thư mục dữ liệu của ứng dụng hoặc LNV_DESK_DATA).
Mã thoát: 0 thành công, 1 lỗi do dữ liệu hoặc lệnh, 2 lỗi nội bộ.`;



function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

function highlight(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

async function serve(dataDir: string, port: number | undefined, log: AppLog): Promise<void> {
  const rendererDir = join(repoRoot, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new DeskError('invalid_input', 'Chưa có bản dựng giao diện (dist/renderer). Hãy chạy "npm run build" trước.');
  }
  const runtime = await openRuntime(dataDir, log);
  const desk = {
    events: runtime.events,
    dispatch: loggedDispatch(runtime.dispatch, log),
    get workspace() {
      return runtime.workspace;
    },
  };
  const host = await startHost({ desk, rendererDir, port });
  logActivity(runtime.events, () => runtime.workspace.outbox.list(), log);
  log.info(`Máy chủ trình duyệt chạy tại http://127.0.0.1:${host.port}/, dữ liệu: ${dataDir}`);
  runtime.startBackground();
  const state = runtime.state();
  if (state.mode === 'recovery') process.stderr.write(`${state.problem ?? ''}\nTrang sẽ mở màn hình khôi phục từ bản sao lưu; tệp hỏng được giữ nguyên.\n`);
  print(`LNV Desk đang chạy tại ${host.url}`);
  print(`Dữ liệu: ${dataDir} — nhấn Ctrl+C để dừng.`);
  await new Promise<void>((done) => {
    const stop = () => {
      void host.close().then(() => {
        runtime.close();
        done();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Opens the Electron app when its runtime is installed; otherwise says so and serves the same UI. */
async function start(dataDir: string, port: number | undefined, dataGiven: boolean, log: AppLog): Promise<void> {
  let electronPath: string | null = null;
  try {
    const resolved = createRequire(import.meta.url)('electron') as unknown;
    electronPath = typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch {
    electronPath = null;
  }
  if (!electronPath) {
    print('Máy này không có Electron runtime; LNV Desk mở trong trình duyệt thay thế.');
    return serve(dataDir, port, log);
  }
  const args = [repoRoot, ...(dataGiven ? ['--data', dataDir] : [])];
  await new Promise<void>((done) => spawn(electronPath, args, { stdio: 'inherit' }).on('exit', () => done()));
}

async function importFiles(session: Session, files: string[], json: boolean): Promise<boolean> {
  const results: { file: string; id?: number; title?: string; warnings?: string[]; error?: string }[] = [];
  for (const file of files) {
    try {
      results.push({ file, ...(await importFile(session, file)) });
    } catch (error) {
      if (!DeskError.is(error)) throw error;
      results.push({ file, error: error.message });
    }
  }
  if (json) {
    print(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      if (r.error) {
        process.stderr.write(`Lỗi: ${r.error}\n`);
        continue;
      }
      print(String(r.id));
      for (const w of r.warnings ?? []) process.stderr.write(`Cảnh báo (${r.file}): ${w}\n`);
    }
  }
  return results.every((r) => !r.error);
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]?.trim() ?? '';
}

/** Websites to publish to; the password never appears on the command line (shell history, ps). */
async function siteCommand(session: Session, args: string[], user: string | undefined, json: boolean): Promise<number> {
  const [action, target] = args;
  const show = (site: Site) =>
    json
      ? JSON.stringify(site)
      : `${site.id}  ${site.siteName} (${site.url}) — ${site.userName} [${site.roles.join(', ')}]` +
        `${site.can.publish ? '' : ' — không có quyền xuất bản'}`;
  switch (action) {
    case 'add': {
      if (!target || !user) throw new DeskError('invalid_input', 'Cách dùng: desk site add <địa chỉ> --user TÊN');
      const password = process.env.LNV_DESK_SITE_PASSWORD ?? (await readFirstLine());
      if (!password) throw new DeskError('invalid_input', 'Thiếu mật khẩu ứng dụng (LNV_DESK_SITE_PASSWORD hoặc đầu vào chuẩn).');
      print(show(await session.call('sites.connect', { url: target, username: user, password })));
      return 0;
    }
    case 'list': {
      const sites = await session.call('sites.list', {});
      if (json) print(JSON.stringify(sites, null, 2));
      else for (const site of sites) print(show(site));
      return 0;
    }
    case 'check':
      print(show(await session.call('sites.check', { id: Number(target) })));
      return 0;
    case 'remove':
      await session.call('sites.remove', { id: Number(target) });
      print(`Đã ngắt kết nối trang web ${target}.`);
      return 0;
    default:
      throw new DeskError('invalid_input', 'Cách dùng: desk site add|list|check|remove …');
  }
}

/** The publishing queue: what waits, what failed and why, and sending what is due. */
async function outboxCommand(session: Session, args: string[], json: boolean, retryFailed: boolean): Promise<number> {
  const [action, target] = args;
  const show = (job: OutboxJob) =>
    `${String(job.id).padStart(4)}  ${job.state.padEnd(7)} bài ${job.articleId} → trang ${job.siteId} (${job.action}, ${job.attempts} lần)` +
    `${job.postLink ? `  ${job.postLink}` : ''}${job.lastError ? `\n      ${job.lastError}` : ''}`;
  if (retryFailed) {
    const failed = (await session.call('outbox.list', {})).filter((j) => j.state === 'failed');
    for (const job of failed) await session.call('outbox.retry', { id: job.id });
    await session.workspace.outboxRunner.drain();
    const again = (await session.call('outbox.list', {})).filter((j) => failed.some((f) => f.id === j.id));
    print(json ? JSON.stringify(again, null, 2) : again.map(show).join('\n') || 'Không có việc nào bị lỗi.');
    return again.some((j) => j.state === 'failed') ? 1 : 0;
  }
  switch (action) {
    case 'list':
    case undefined: {
      const jobs = await session.call('outbox.list', {});
      print(json ? JSON.stringify(jobs, null, 2) : jobs.map(show).join('\n') || 'Hàng đợi trống.');
      return 0;
    }
    case 'run': {
      if (!(await session.workspace.outboxRunner.drain())) {
        process.stderr.write('LNV Desk đang gửi hàng đợi này ở một cửa sổ hoặc lệnh khác; các việc sẽ được gửi từ đó.\n');
      }
      const jobs = await session.call('outbox.list', {});
      print(json ? JSON.stringify(jobs, null, 2) : jobs.map(show).join('\n') || 'Hàng đợi trống.');
      return jobs.some((j) => j.state === 'failed') ? 1 : 0;
    }
    case 'retry':
      print(show(await session.call('outbox.retry', { id: Number(target) })));
      return 0;
    case 'cancel':
      await session.call('outbox.cancel', { id: Number(target) });
      print(`Đã huỷ việc ${target}.`);
      return 0;
    default:
      throw new DeskError('invalid_input', 'Cách dùng: desk outbox list|run|retry MÃ|cancel MÃ');
  }
}

/** A time given on the command line ("2025-12-01T08:00+07:00", or UTC with Z) as UTC ISO; a bare time is Viet Nam time. */
function scheduleIso(value: string): string {
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}+07:00`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw new DeskError('invalid_input', `"${value}" không phải thời điểm hợp lệ (ví dụ: 2025-12-01T08:00+07:00).`);
  return new Date(ms).toISOString();
}

/** An article id in the workspace, or a file read the way import reads it (nothing is saved). */
async function proofTarget(session: Session, target: string | undefined): Promise<ProofFinding[]> {
  if (!target) throw new DeskError('invalid_input', 'Hãy chỉ ra mã bài hoặc tệp cần soát.');
  if (/^\d+$/.test(target)) return session.call('articles.proof', { id: Number(target) });
  if (!existsSync(target)) throw new DeskError('invalid_input', `Không có tệp "${target}".`);
  const text = decodeUtf8(readFileSync(target), target);
  const format = formatFromFileName(target);
  const profile = await session.call('profile.get', {});
  if (!format) {
    const findings = await proofWithSpelling({ title: '', sapo: '', body: normalizeText(text) }, profile, session.workspace.spelling);
    return findings.filter((f) => f.field === 'body');
  }
  const { fields } = htmlToArticle(toHtml(text, format), target, profile.sourcePrefix);
  return proofWithSpelling(
    { title: fields.title ?? '', sapo: fields.sapo ?? '', body: bodyToText(fields.body ?? EMPTY_DOC) },
    profile,
    session.workspace.spelling,
  );
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
      trash: { type: 'boolean', default: false },
      user: { type: 'string' },
      site: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      schedule: { type: 'string' },
      retry: { type: 'boolean', default: false },
      number: { type: 'string' },
      month: { type: 'string' },
      year: { type: 'string' },
      pages: { type: 'string' },
      page: { type: 'string' },
      title: { type: 'string' },
      style: { type: 'string' },
      only: { type: 'string' },
      export: { type: 'string' },
      pull: { type: 'boolean', default: false },
      category: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    print(USAGE);
    return command || values.help ? 0 : 1;
  }
  const dataDir = values.data ? resolve(values.data) : defaultDataDir();
  const port = values.port !== undefined ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new DeskError('invalid_input', `Cổng "${values.port}" không hợp lệ.`);
  }

  const log = startCliLog(dataDir, command);
  if (command === 'serve') return serve(dataDir, port, log).then(() => 0);
  if (command === 'start') return start(dataDir, port, values.data !== undefined, log).then(() => 0);
  if (command === 'restore') return restoreCommand(dataDir, args[0], values.json);
  if (command === 'backup' && !values.out) return backupCommand(dataDir, args[0], values.json);

  const session = await openSession(dataDir, log);
  logActivity(session.runtime.events, () => session.workspace.outbox.list(), log);
  try {
    switch (command) {
      case 'list': {
        const { items, total } = await session.call('articles.list', {
          trash: values.trash,
          limit: 500,
          ...(values.status ? { status: values.status as never } : {}),
        });
        if (values.json) print(JSON.stringify({ items, total }, null, 2));
        else {
          for (const a of items) print(`${String(a.id).padStart(5)}  ${a.status.padEnd(9)} ${String(a.wordCount).padStart(6)} chữ  ${formatDate(a.updatedAt)}  ${a.title || '(Chưa có tiêu đề)'}`);
          print(`Tổng: ${total} bài`);
        }
        return 0;
      }
      case 'search': {
        const query = args.join(' ');
        if (!query.trim()) throw new DeskError('invalid_input', 'Hãy nhập từ khoá cần tìm.');
        const result = await session.call('articles.search', { query, limit: 50 });
        if (values.json) print(JSON.stringify(result, null, 2));
        else {
          for (const hit of result.items) {
            print(`${hit.article.id}  ${highlight(hit.article.title, hit.titleHighlights)}`);
            print(`     ${highlight(hit.snippet.text, hit.snippet.highlights).replace(/\s+/g, ' ')}`);
          }
          print(`Tìm thấy: ${result.total} bài`);
        }
        return 0;
      }
      case 'import': {
        if (args.length === 0) throw new DeskError('invalid_input', 'Hãy chỉ ra ít nhất một tệp cần nhập.');
        return (await importFiles(session, args, values.json)) ? 0 : 1;
      }
      case 'export': {
        const id = Number(args[0]);
        const format = values.format ?? 'html';
        const result = await session.call('articles.export', { id, format: format as 'html' | 'json' | 'docx' });
        const bytes = Buffer.from(result.content, result.encoding === 'base64' ? 'base64' : 'utf8');
        if (values.out) {
          writeFileSync(values.out, bytes);
          print(resolve(values.out));
        } else if (result.encoding === 'base64' && process.stdout.isTTY) {
          throw new DeskError('invalid_input', `Tệp ${result.fileName} là tệp nhị phân: hãy dùng --out TỆP.`);
        } else process.stdout.write(bytes);
        return 0;
      }
      case 'proof': {
        const findings = await proofTarget(session, args[0]);
        if (values.json) print(JSON.stringify(findings, null, 2));
        else {
          for (const f of findings) {
            const fix = f.replacement !== undefined ? ` → "${f.replacement}"` : f.suggestions?.length ? ` (gợi ý: ${f.suggestions.join(', ')})` : '';
            print(`${f.field} ${f.start}-${f.end} [${f.severity}] ${f.rule}: ${f.message}\n    ${f.excerpt}${fix}`);
          }
          print(findings.length === 0 ? 'Không thấy lỗi.' : `${findings.length} điểm cần xem.`);
        }
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new DeskError('invalid_input', 'Hãy chỉ ra tệp sao lưu bằng --out TỆP.');
        const result = await session.call('workspace.backup', { outFile: values.out });
        print(values.json ? JSON.stringify(result) : `Đã sao lưu ${result.bytes} byte vào ${result.path}`);
        return 0;
      }
      case 'check': {
        const result = await session.call('workspace.check', {});
        print(values.json ? JSON.stringify(result) : result.messages.join('\n'));
        return result.ok ? 0 : 1;
      }
      case 'publish': {
        const siteId = await siteFor(session, values.site);
        const status = (values.status ?? 'publish') as 'publish' | 'draft' | 'pending';
        const scheduledAt = values.schedule === undefined ? null : scheduleIso(values.schedule);
        const result = await session.call('publish.article', { articleId: Number(args[0]), siteId, status, overwrite: values.overwrite, scheduledAt });
        for (const w of result.warnings) process.stderr.write(`Cảnh báo: ${w}\n`);
        const done = result.publication.status === 'future' ? 'Đã hẹn giờ đăng' : result.created ? 'Đã đăng' : 'Đã cập nhật';
        print(values.json ? JSON.stringify(result, null, 2) : `${done}: ${result.publication.link}`);
        return 0;
      }
      case 'unpublish': {
        const siteId = await siteFor(session, values.site);
        const { publication } = await session.call('publish.unpublish', { articleId: Number(args[0]), siteId });
        if (values.json) print(JSON.stringify({ publication }, null, 2));
        else print(publication ? `Đã gỡ khỏi web (bài thành bản nháp trên trang): ${publication.link}` : 'Bài chưa có trên trang này, không có gì để gỡ.');
        return 0;
      }
      case 'outbox':
        return await outboxCommand(session, args, values.json, values.retry);
      case 'site':
        return await siteCommand(session, args, values.user, values.json);
      case 'sync':
        return await syncCommand(session, values);
      case 'import-web':
        return await importWebCommand(session, values);
      case 'issue':
        return await issueCommand(session, args, values);
      default:
        throw new DeskError('invalid_input', `Không có lệnh "${command}".\n\n${USAGE}`);
    }
  } finally {
    session.runtime.close();
  }
}

// `desk issue show 456 | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (DeskError.is(error)) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      for (const d of error.details ?? []) process.stderr.write(`  - ${d}\n`);
      process.exitCode = exitCodeFor(error.code);
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`Lỗi: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`Lỗi nội bộ: ${(error as Error).stack ?? String(error)}\n`);
      const report = reportInternalError(error);
      if (report) process.stderr.write(`Báo cáo lỗi: ${report}\n`);
      process.exitCode = 2;
    }
  },
);
