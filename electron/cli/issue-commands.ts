import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../shared/errors.js';
import { ExportOutput, PAGE_KINDS, type ExportProgress, type PageSlot, type PrintIssueDetail, type PreflightFinding } from '../../shared/model/print-issue.js';
import { slot, templateOf } from '../../shared/print/flatplan.js';
import { importFile, print, siteFor, type Session } from './cli-session.js';

export const ISSUE_USAGE = `  issue create --number N --month M --year Y --pages P [--title T]
  issue show <số> [--json]   dàn trang theo từng cặp trang, mục lục, cảnh báo
  issue place <số> <mã bài> --page N [--pages K] [--style standard|feature]
  issue auto-place <số>      tự đặt các bài của số vào trang trống (bài đã duyệt trước)
  issue preflight <số> [--json]  kiểm tra trước khi in (mã thoát 1 khi có lỗi)
  issue export <số> [--out THƯ_MỤC] [--only print,proof,images]
                             PDF in (dấu cắt, TrimBox/BleedBox), PDF in thử, ảnh trang
  issue build <tệp.json> [--export THƯ_MỤC]  dựng cả số từ một tệp mô tả (xem README)
  issue emagazine <số> [--site MÃ]  đăng e-magazine lên web: ảnh các trang và bản PDF, một bài`;

export interface IssueOptions {
  json: boolean;
  out?: string;
  number?: string;
  month?: string;
  year?: string;
  pages?: string;
  page?: string;
  title?: string;
  style?: string;
  only?: string;
  export?: string;
  site?: string;
}

const int = (value: string | undefined, name: string): number => {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n)) throw new DeskError('invalid_input', `Thiếu hoặc sai ${name}.`);
  return n;
};

/** Issues are named by their number, as the newsroom says them ("số 456"). */
async function issueIdOf(session: Session, number: string | undefined): Promise<number> {
  const wanted = int(number, 'số báo');
  const issue = (await session.call('issues.list', {})).find((i) => i.number === wanted);
  if (!issue) throw new DeskError('not_found', `Không có số ${wanted}. Xem các số bằng: desk issue show.`);
  return issue.id;
}

function describeSlot(slot: PageSlot, titles: Map<number, string>): string {
  const what = slot.kind === 'article' && slot.articleId !== null ? `«${titles.get(slot.articleId) ?? `#${slot.articleId}`}»` : slot.label;
  return `${slot.kind}${what ? ` ${what}` : ''} [${templateOf(slot)}]${slot.ad ? ` + quảng cáo ${slot.ad.size}` : ''}`;
}

function printDetail(detail: PrintIssueDetail): void {
  const { issue, flatplan } = detail;
  print(`${issue.title} — ${flatplan.pages.length} trang — ${issue.slug}`);
  for (const w of detail.warnings) print(`Cảnh báo: ${w}`);
  const titles = new Map(detail.placed.map((p) => [p.articleId, p.title]));
  for (const spread of detail.spreads) {
    print(spread.map((n) => `${String(n).padStart(3)}: ${describeSlot(flatplan.pages[n - 1]!, titles)}`).join('   |   '));
  }
  print('\nMục lục:');
  for (const entry of detail.toc) print(`  ${String(entry.page).padStart(3)}  ${entry.section ? `${entry.section} — ` : ''}${entry.title}`);
}

function printFindings(findings: PreflightFinding[]): void {
  for (const f of findings) print(`${f.severity === 'error' ? 'LỖI' : 'lưu ý'}${f.page ? ` trang ${f.page}` : ''} [${f.code}]: ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  print(findings.length === 0 ? 'Không thấy vấn đề nào.' : `${errors} lỗi, ${findings.length - errors} lưu ý.`);
}

/** Runs an export and waits for it, printing progress to stderr. */
async function exportIssue(session: Session, issueId: number, outDir: string | undefined, only: string | undefined): Promise<string[]> {
  const outputs = only ? z.array(ExportOutput).parse(only.split(',').map((s) => s.trim())) : ['print' as const, 'proof' as const, 'images' as const];
  return (await followJob(session, () => session.call('print.export.start', { issueId, outputs, outDir }))).files;
}

/** Starts a job that reports as an export does (export, e-magazine), prints its progress to stderr and waits for its end. */
async function followJob(session: Session, start: () => Promise<{ jobId: string }>): Promise<ExportProgress> {
  let jobId = '';
  const early: ExportProgress[] = [];
  const finished = new Promise<ExportProgress>((done) => {
    const stop = session.workspace.events.subscribe((event, payload) => {
      if (event !== 'print.export.progress') return;
      const progress = payload as ExportProgress;
      if (!jobId) {
        early.push(progress);
        return;
      }
      if (progress.jobId !== jobId) return;
      process.stderr.write(`[${progress.done}/${progress.total}] ${progress.message}\n`);
      if (['done', 'failed', 'cancelled'].includes(progress.stage)) {
        stop();
        done(progress);
      }
    });
  });
  jobId = (await start()).jobId;
  for (const progress of early) session.workspace.events.emit('print.export.progress', progress);
  const result = await finished;
  if (result.stage !== 'done') throw new DeskError('io_error', result.message);
  return result;
}

const BuildFile = z.object({
  number: z.number().int().positive(),
  month: z.number().int().min(1).max(12),
  year: z.number().int(),
  pageCount: z.number().int().positive(),
  title: z.string().optional(),
  /** Pages other than articles: cover, ads, section openers… Pictures (or an ad's PDF) are paths next to the JSON file. */
  pages: z
    .array(
      z.object({
        page: z.number().int().positive(),
        kind: z.enum(PAGE_KINDS),
        image: z.string().optional(),
        label: z.string().optional(),
        template: z.string().optional(),
      }),
    )
    .default([]),
  /** An article by id or by a .docx/.md/.html file next to the JSON file; pages omitted = as long as it needs. */
  articles: z
    .array(
      z.object({
        article: z.union([z.number().int().positive(), z.string()]),
        page: z.number().int().positive(),
        pages: z.number().int().positive().optional(),
        style: z.enum(['standard', 'feature']).default('standard'),
      }),
    )
    .default([]),
  autoPlace: z.boolean().default(false),
});

/** Builds a whole issue from a JSON description, so a plan can be scripted and reproduced. */
async function buildIssue(session: Session, file: string): Promise<number> {
  if (!existsSync(file)) throw new DeskError('invalid_input', `Không có tệp "${file}".`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DeskError('invalid_file', `Tệp "${basename(file)}" không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  const parsed = BuildFile.safeParse(raw);
  if (!parsed.success) {
    throw new DeskError('invalid_input', `Tệp "${basename(file)}" mô tả số báo chưa đúng.`, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const spec = parsed.data;
  const here = dirname(resolve(file));
  const detail = await session.call('print.issue.create', { number: spec.number, month: spec.month, year: spec.year, pageCount: spec.pageCount, title: spec.title });
  const issueId = detail.issue.id;
  // A description that lists its pages plans them all; nothing is assumed about pages 1–3.
  const pages = spec.pages.length > 0 ? detail.flatplan.pages.map(() => slot('empty')) : [...detail.flatplan.pages];
  for (const entry of spec.pages) {
    if (entry.page > pages.length) throw new DeskError('invalid_input', `Trang ${entry.page} nằm ngoài số báo (${pages.length} trang).`);
    let assetHash: string | null = null;
    if (entry.image) {
      const path = resolve(here, entry.image);
      if (!existsSync(path)) throw new DeskError('invalid_input', `Không có ảnh "${entry.image}" cho trang ${entry.page}.`);
      assetHash = (await session.call('print.art.add', { fileName: basename(path), dataBase64: readFileSync(path).toString('base64') })).hash;
    }
    pages[entry.page - 1] = { kind: entry.kind, template: entry.template ?? '', articleId: null, assetHash, label: entry.label ?? '', sectionId: null, ad: null };
  }
  await session.call('print.flatplan.save', { issueId, pages });
  for (const entry of spec.articles) {
    const articleId = typeof entry.article === 'number' ? entry.article : (await importFile(session, resolve(here, entry.article))).id;
    await session.call('articles.save', { id: articleId, fields: { issueId }, reason: 'explicit' });
    await session.call('print.flatplan.place', { issueId, articleId, startPage: entry.page, pageCount: entry.pages, style: entry.style });
  }
  if (spec.autoPlace) await session.call('print.flatplan.autoPlace', { issueId });
  return issueId;
}

export async function issueCommand(session: Session, args: string[], options: IssueOptions): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create': {
      const detail = await session.call('print.issue.create', {
        number: int(options.number, '--number'),
        month: int(options.month, '--month'),
        year: int(options.year, '--year'),
        pageCount: int(options.pages, '--pages'),
        title: options.title,
      });
      for (const w of detail.warnings) process.stderr.write(`Cảnh báo: ${w}\n`);
      print(options.json ? JSON.stringify(detail, null, 2) : `Đã tạo ${detail.issue.title} (${detail.flatplan.pages.length} trang).`);
      return 0;
    }
    case 'show': {
      if (rest[0] === undefined) {
        for (const issue of await session.call('issues.list', {})) print(`${issue.number}\t${issue.title}\t${issue.pageCount} trang\t${issue.status}`);
        return 0;
      }
      const detail = await session.call('print.issue.get', { issueId: await issueIdOf(session, rest[0]) });
      if (options.json) print(JSON.stringify(detail, null, 2));
      else printDetail(detail);
      return 0;
    }
    case 'place': {
      const issueId = await issueIdOf(session, rest[0]);
      const style = options.style === 'feature' ? 'feature' : 'standard';
      const detail = await session.call('print.flatplan.place', {
        issueId,
        articleId: int(rest[1], 'mã bài'),
        startPage: int(options.page, '--page'),
        pageCount: options.pages !== undefined ? int(options.pages, '--pages') : undefined,
        style,
      });
      const placed = detail.placed.find((p) => p.articleId === Number(rest[1]));
      print(placed ? `Bài «${placed.title}»: trang ${placed.firstPage}–${placed.lastPage}.` : 'Đã đặt bài.');
      return 0;
    }
    case 'auto-place': {
      const result = await session.call('print.flatplan.autoPlace', { issueId: await issueIdOf(session, rest[0]) });
      if (options.json) print(JSON.stringify({ placed: result.placed, unplaced: result.unplaced }));
      else {
        for (const p of result.detail.placed) print(`${String(p.firstPage).padStart(3)}–${String(p.lastPage).padEnd(3)} ${p.title}`);
        if (result.unplaced.length > 0) process.stderr.write(`Không đủ trang trống cho bài: ${result.unplaced.join(', ')}\n`);
      }
      return 0;
    }
    case 'preflight': {
      const findings = await session.call('print.preflight', { issueId: await issueIdOf(session, rest[0]) });
      if (options.json) print(JSON.stringify(findings, null, 2));
      else printFindings(findings);
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'export': {
      const files = await exportIssue(session, await issueIdOf(session, rest[0]), options.out, options.only);
      for (const f of files) print(f);
      return 0;
    }
    case 'build': {
      const issueId = await buildIssue(session, rest[0] ?? '');
      const detail = await session.call('print.issue.get', { issueId });
      if (!options.json) printDetail(detail);
      if (options.export !== undefined) {
        for (const f of await exportIssue(session, issueId, options.export, options.only)) print(f);
      } else if (options.json) print(JSON.stringify(detail, null, 2));
      return 0;
    }
    case 'emagazine': {
      const issueId = await issueIdOf(session, rest[0]);
      const siteId = await siteFor(session, options.site);
      print((await followJob(session, () => session.call('print.emagazine.start', { issueId, siteId }))).message);
      return 0;
    }
    default:
      throw new DeskError('invalid_input', `Lệnh con "issue ${sub ?? ''}" không có.\n${ISSUE_USAGE}`);
  }
}
