import { basename } from 'node:path';
import type { CallName, CallOutput, CallParsedInput } from '../../../shared/contract.js';
import { DeskError } from '../../../shared/errors.js';
import type { Flatplan, PageSlot } from '../../../shared/model/print-issue.js';
import { CopyfitSchema } from '../../../shared/model/print-issue.js';
import { articlePrintBlocks } from '../../../shared/print/article-print-blocks.js';
import { articleRanges, autoPlace, estimatePages, movePages, placeArticle, removeArticle, resizeFlatplan, templateOf } from '../../../shared/print/flatplan.js';
import type { Copyfit } from '../../../shared/print/flow-types.js';
import { SHEET_BLEED_MM } from '../../../shared/print/page-document.js';
import type { Workspace } from '../workspace/workspace.js';
import { INTERNAL_BASE } from './print-browser.js';

type PrintCall = Extract<CallName, `print.${string}`>;
export type PrintHandlers = { [N in PrintCall]: (input: CallParsedInput<N>) => Promise<CallOutput<N>> | CallOutput<N> };

const APPROVED = ['approved', 'placed', 'published'];
const LIMITS = { tracking: [-30, 10], leading: [0.92, 1.08], figureScale: [0.5, 1] } as const;

/** The print calls of the contract: issues, flatplans, copyfit, layout, preflight and export. */
export function createPrintHandlers(ws: Workspace): PrintHandlers {
  const print = ws.print;
  const plan = (issueId: number) => ws.printIssues.get(issueId).flatplan;

  const figuresOf = (articleId: number) => {
    const article = print.article(articleId);
    if (!article) throw new DeskError('not_found', `Không có bài #${articleId}.`);
    return articlePrintBlocks(article.body, { asset: () => null, imageUrl: () => '' }).filter((b) => b.kind === 'figure');
  };

  const pagesNeeded = (articleId: number) => {
    const article = print.article(articleId);
    if (!article) throw new DeskError('not_found', `Không có bài #${articleId}.`);
    return estimatePages(article.wordCount, figuresOf(articleId).length, ws.catalog.profile().print);
  };

  /** Refuses pages that point at things that do not exist, so a saved plan always builds. */
  const checkPages = (pages: PageSlot[]) => {
    const templates = print.templates();
    pages.forEach((page, index) => {
      const where = `Trang ${index + 1}`;
      if (!templates.has(templateOf(page))) throw new DeskError('invalid_input', `${where}: không có mẫu trang «${templateOf(page)}».`);
      if (page.articleId !== null && !print.article(page.articleId)) throw new DeskError('invalid_input', `${where}: không có bài #${page.articleId}.`);
      for (const hash of [page.assetHash, page.ad?.assetHash]) {
        if (hash && !print.asset(hash)) throw new DeskError('invalid_input', `${where}: không có ảnh ${hash.slice(0, 8)}… trong kho.`);
      }
    });
  };

  const fitOf = async (issueId: number, articleId: number) => {
    const layout = await print.layout(issueId);
    return layout.fits.find((f) => f.articleId === articleId) ?? null;
  };

  const applyCopyfit = (issueId: number, articleId: number, action: Exclude<CallParsedInput<'print.copyfit'>['action'], 'auto'>): { next: Flatplan; message: string } => {
    const current = plan(issueId);
    const range = articleRanges(current).find((r) => r.articleId === articleId);
    if (!range) throw new DeskError('invalid_input', 'Bài này chưa được đặt vào trang nào của số báo.');
    const fit: Copyfit = CopyfitSchema.parse(current.copyfit[String(articleId)] ?? {});
    const clamp = (value: number, [min, max]: readonly [number, number]) => Math.round(Math.min(max, Math.max(min, value)) * 1000) / 1000;
    const withFit = (next: Copyfit, message: string) => ({ next: { ...current, copyfit: { ...current.copyfit, [String(articleId)]: next } }, message });
    const style = templateOf(current.pages[range.firstPage - 1] ?? ({} as PageSlot)).startsWith('feature') ? 'feature' : 'standard';
    switch (action) {
      case 'tighten':
        if (fit.tracking > LIMITS.tracking[0]) return withFit({ ...fit, tracking: clamp(fit.tracking - 10, LIMITS.tracking) }, 'Đã khít chữ thêm 10/1000 em.');
        if (fit.leading > LIMITS.leading[0]) return withFit({ ...fit, leading: clamp(fit.leading - 0.02, LIMITS.leading) }, 'Đã giảm khoảng cách dòng 2%.');
        return withFit(fit, 'Đã khít chữ và dòng tới giới hạn; hãy thu nhỏ ảnh hoặc thêm trang.');
      case 'loosen':
        if (fit.leading < 1) return withFit({ ...fit, leading: clamp(fit.leading + 0.02, LIMITS.leading) }, 'Đã tăng khoảng cách dòng 2%.');
        if (fit.tracking < LIMITS.tracking[1]) return withFit({ ...fit, tracking: clamp(fit.tracking + 5, LIMITS.tracking) }, 'Đã giãn chữ thêm 5/1000 em.');
        return withFit(fit, 'Đã giãn tới giới hạn.');
      case 'shrink-figures':
        return withFit({ ...fit, figureScale: clamp(fit.figureScale - 0.1, LIMITS.figureScale) }, `Ảnh còn ${Math.round(clamp(fit.figureScale - 0.1, LIMITS.figureScale) * 100)}% bề rộng.`);
      case 'drop-figure': {
        const kept = figuresOf(articleId).filter((f) => !fit.droppedFigures.includes(f.id));
        const last = kept.at(-1);
        if (!last) return withFit(fit, 'Bài không còn ảnh nào để bỏ.');
        return withFit({ ...fit, droppedFigures: [...fit.droppedFigures, last.id] }, 'Đã bỏ ảnh cuối của bài khỏi bản in.');
      }
      case 'restore-figures':
        return withFit({ ...fit, droppedFigures: [], figureScale: 1 }, 'Đã đưa lại mọi ảnh, cỡ đầy đủ.');
      case 'reset':
        return withFit(CopyfitSchema.parse({}), 'Đã bỏ mọi điều chỉnh làm vừa bài.');
      case 'add-page': {
        const pages = range.lastPage - range.firstPage + 2;
        const next = placeArticle(current, articleId, range.firstPage, pages, style);
        return { next: { ...next, copyfit: current.copyfit }, message: `Bài giờ chiếm ${pages} trang (${range.firstPage}–${range.firstPage + pages - 1}).` };
      }
      case 'remove-page': {
        const pages = range.lastPage - range.firstPage;
        if (pages < 1) throw new DeskError('invalid_input', 'Bài chỉ còn một trang.');
        const next = placeArticle(current, articleId, range.firstPage, pages, style);
        return { next: { ...next, copyfit: current.copyfit }, message: `Bài giờ chiếm ${pages} trang.` };
      }
    }
  };

  /** Tightens, then shrinks pictures, then takes the next empty page, until the text fits. */
  const autoFit = async (issueId: number, articleId: number) => {
    const steps: string[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const fit = await fitOf(issueId, articleId);
      if (!fit || fit.oversetLines === 0) break;
      const copyfit = CopyfitSchema.parse(plan(issueId).copyfit[String(articleId)] ?? {});
      const action =
        copyfit.tracking > -20 || copyfit.leading > 0.96 ? 'tighten' : copyfit.figureScale > 0.7 ? 'shrink-figures' : 'add-page';
      let step: { next: Flatplan; message: string };
      try {
        step = applyCopyfit(issueId, articleId, action);
      } catch (error) {
        steps.push((error as Error).message);
        break;
      }
      ws.printIssues.savePlan(issueId, step.next);
      steps.push(step.message);
    }
    return steps.length > 0 ? steps.join(' ') : 'Bài đã vừa, không cần điều chỉnh.';
  };

  const saved = (issueId: number, next: Flatplan) => print.savePlan(issueId, next);

  return {
    'print.templates': () => print.templateList(),
    'print.art.add': async ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0) throw new DeskError('invalid_file', `Tệp "${basename(fileName)}" rỗng.`);
      return print.addArt(bytes, fileName);
    },
    'print.issue.create': ({ number, month, year, pageCount, title }) => {
      const publishDate = `${year}-${String(month).padStart(2, '0')}-01`;
      const id = ws.printIssues.create({ number, pageCount, publishDate, title: title ?? `Số ${number} – Tháng ${month}/${year}`, publication: ws.catalog.profile().name });
      ws.events.emit('print.changed', { issueId: id });
      return print.detail(id);
    },
    'print.issue.get': ({ issueId }) => print.detail(issueId),
    'print.issue.update': ({ issueId, title, pageCount, month, year, status }) => {
      const { issue, flatplan } = ws.printIssues.get(issueId);
      const [oldYear = '2025', oldMonth = '01'] = issue.publishDate.split('-');
      const publishDate = month !== undefined || year !== undefined ? `${year ?? oldYear}-${String(month ?? Number(oldMonth)).padStart(2, '0')}-01` : undefined;
      ws.printIssues.update(issueId, { title, status, publishDate });
      if (pageCount !== undefined && pageCount !== flatplan.pages.length) return saved(issueId, resizeFlatplan(flatplan, pageCount));
      ws.events.emit('print.changed', { issueId });
      return print.detail(issueId);
    },
    'print.flatplan.save': ({ issueId, pages }) => {
      checkPages(pages);
      const keep = new Set(pages.map((p) => String(p.articleId)));
      const copyfit = Object.fromEntries(Object.entries(plan(issueId).copyfit).filter(([id]) => keep.has(id)));
      return saved(issueId, { pages, copyfit });
    },
    'print.flatplan.place': ({ issueId, articleId, startPage, pageCount, style }) =>
      saved(issueId, placeArticle(plan(issueId), articleId, startPage, pageCount ?? pagesNeeded(articleId), style)),
    'print.flatplan.remove': ({ issueId, articleId }) => saved(issueId, removeArticle(plan(issueId), articleId)),
    'print.flatplan.move': ({ issueId, from, count, to }) => saved(issueId, movePages(plan(issueId), from, count, to)),
    'print.flatplan.autoPlace': ({ issueId }) => {
      const articles = ws.articles.list({ issueId, trash: false, sort: 'created', order: 'asc', offset: 0, limit: 500 }).items;
      const ordered = [...articles.filter((a) => APPROVED.includes(a.status)), ...articles.filter((a) => !APPROVED.includes(a.status))];
      const result = autoPlace(plan(issueId), ordered.map((a) => ({ articleId: a.id, pages: pagesNeeded(a.id) })));
      return { detail: saved(issueId, result.plan), placed: result.placed, unplaced: result.unplaced };
    },
    'print.copyfit': async ({ issueId, articleId, action }) => {
      let message: string;
      if (action === 'auto') {
        message = await autoFit(issueId, articleId);
      } else {
        const step = applyCopyfit(issueId, articleId, action);
        ws.printIssues.savePlan(issueId, step.next);
        message = step.message;
      }
      ws.events.emit('print.changed', { issueId });
      const detail = print.detail(issueId);
      return { detail, copyfit: CopyfitSchema.parse(detail.flatplan.copyfit[String(articleId)] ?? {}), fit: await fitOf(issueId, articleId), message };
    },
    'print.layout': async ({ issueId, resourceBase }) => {
      const layout = await print.layout(issueId);
      const rebase = (html: string) => html.replaceAll(INTERNAL_BASE, resourceBase);
      return {
        head: rebase(layout.document.head),
        pages: layout.pages.map((p) => ({ ...p, html: rebase(p.html) })),
        fits: layout.fits,
        pageWidthMm: layout.document.sheetWidthMm - 2 * SHEET_BLEED_MM,
        pageHeightMm: layout.document.sheetHeightMm - 2 * SHEET_BLEED_MM,
        sheetBleedMm: SHEET_BLEED_MM,
        elapsedMs: layout.elapsedMs,
      };
    },
    'print.preflight': ({ issueId }) => print.preflight(issueId),
    'print.export.start': ({ issueId, outputs, outDir }) => ws.printExports.start(issueId, outputs, outDir),
    'print.export.cancel': ({ jobId }) => ({ cancelled: ws.printExports.cancel(jobId) }),
    'print.emagazine.start': ({ issueId, siteId }) => ws.printExports.startEmagazine(issueId, siteId),
  };
}
