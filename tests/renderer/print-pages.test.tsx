// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PreflightFinding } from '../../shared/model/print-issue.js';
import { PrintWorkspace } from '../../renderer/print/print-workspace.js';
import { button, click, deskHandlers, fakeApi, field, makeDetail, render, settle, submit, type, type Rendered } from './print-fixtures.js';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const FINDINGS: PreflightFinding[] = [
  { severity: 'warning', code: 'empty-page', page: 8, articleId: null, message: 'Trang 8 chưa có gì.' },
  { severity: 'error', code: 'overset', page: 6, articleId: 31, message: 'Bài “Làng gốm Bát Tràng” tràn 12 dòng.' },
  { severity: 'error', code: 'low-resolution', page: 7, articleId: null, message: 'Ảnh chỉ đạt 120 ppi.' },
  { severity: 'warning', code: 'page-count', page: null, articleId: null, message: 'Số trang nên chia hết cho 4.' },
];

async function openDesk(onOpenArticle: (id: number) => void = () => undefined) {
  const fake = fakeApi({ ...deskHandlers(makeDetail()), 'print.preflight': () => FINDINGS });
  view = await render(fake.api, <PrintWorkspace onOpenArticle={onOpenArticle} onIssuesChanged={() => undefined} />);
  return { ...fake, container: view.container };
}

const pageView = (container: HTMLElement) => container.querySelector('.page-view') as HTMLElement;
const shownPages = (container: HTMLElement) =>
  [...pageView(container).querySelectorAll('.page-view-page iframe')].map((f) => f.getAttribute('title'));

describe('page view and preflight', () => {
  it('lists preflight findings by severity, and a finding’s page link opens that page', async () => {
    const { container, callsTo } = await openDesk();
    await click(button(container, 'Kiểm tra trước khi in'));
    expect(callsTo('print.preflight')).toEqual([{ issueId: 7 }]);

    const groups = [...container.querySelectorAll('.preflight-group')];
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual(['2 lỗi', '2 cảnh báo']);
    expect(groups[0]?.textContent).toContain('tràn 12 dòng');
    expect(groups[1]?.textContent).toContain('Cả số');

    await click(button(groups[0] as Element, 'Trang 7'));
    expect(pageView(container)).not.toBeNull();
    expect(pageView(container).querySelector('.page-view-where')?.textContent).toBe('Trang 7 / 12');
    expect(shownPages(container)).toEqual(['Trang 7']);
  });

  it('shows a page cropped to the trim, with the bleed on request, and spreads as they print', async () => {
    const { container } = await openDesk();
    await click(button(container, 'Xem trang'));
    const frame = () => pageView(container).querySelector('.page-frame') as HTMLElement;
    const doc = pageView(container).querySelector('iframe') as HTMLIFrameElement;
    expect(doc.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(doc.getAttribute('srcdoc')).toMatch(/^<!doctype html><html lang="vi"><head>.*<style>\.page\{width:216mm;height:303mm\}<\/style><\/head><body class="lnv-print"><section class="page" data-page="1">/);

    await type(field<HTMLSelectElement>(container, 'Thu phóng'), '100');
    const px = 96 / 25.4;
    expect(parseFloat(frame().style.width)).toBeCloseTo(210 * px, 1);
    expect(parseFloat(doc.style.width)).toBeCloseTo(216 * px, 1);
    await click(field(container, 'Hiện phần xén'));
    expect(parseFloat(frame().style.width)).toBeCloseTo(216 * px, 1);

    await click(button(container, 'Trang đôi'));
    await click(button(container, 'Trang sau'));
    expect(shownPages(container)).toEqual(['Trang 2', 'Trang 3']);
    await click(button(container, 'Trang sau'));
    expect(shownPages(container)).toEqual(['Trang 4', 'Trang 5']);

    const goTo = pageView(container).querySelector('.page-view-goto') as HTMLFormElement;
    await type(field(goTo, 'Số trang muốn xem'), '12');
    await submit(goTo);
    expect(shownPages(container)).toEqual(['Trang 12']);
    await click(button(container, 'Một trang'));
    await click(button(container, 'Trang trước'));
    expect(shownPages(container)).toEqual(['Trang 11']);
  });

  it('offers “Sửa bài” for an article page, which opens the article in the editor', async () => {
    const opened: number[] = [];
    const { container } = await openDesk((id) => opened.push(id));
    await click(button(container, 'Xem trang'));
    await click(button(container, 'Trang đôi'));
    const goTo = pageView(container).querySelector('.page-view-goto') as HTMLFormElement;
    await type(field(goTo, 'Số trang muốn xem'), '4');
    await submit(goTo);
    await click(button(pageView(container), /^Chọn trang 5:/));
    const info = pageView(container).querySelector('.page-view-info') as HTMLElement;
    expect(info.textContent).toContain('Trang 5: Làng gốm Bát Tràng');
    await click(button(info, 'Sửa bài'));
    expect(opened).toEqual([31]);
  });

  it('shows each article’s fit and calls copyfit, showing its message and the new fit', async () => {
    const detail = makeDetail();
    const fake = fakeApi({
      ...deskHandlers(detail),
      'print.copyfit': () => ({
        detail,
        copyfit: { tracking: -10, leading: 0.98, figureScale: 1, droppedFigures: [] },
        fit: { articleId: 31, pages: [4, 5, 6], oversetLines: 0, oversetWords: 0, oversetExcerpt: '', undersetLines: 6 },
        message: 'Đã khít chữ −10 và dòng 98 %.',
      }),
    });
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} />);
    const { container } = view;
    await click(button(container, /^Trang 5 /));
    const inspector = container.querySelector('.page-inspector') as HTMLElement;
    expect(inspector.querySelector('.fit-status.is-overset')?.textContent).toContain('Tràn 12 dòng (85 chữ)');
    await click(button(inspector, 'Khít chữ'));
    expect(fake.callsTo('print.copyfit')).toEqual([{ issueId: 7, articleId: 31, action: 'tighten' }]);
    expect(inspector.querySelector('[role="status"]')?.textContent).toBe('Đã khít chữ −10 và dòng 98 %.');
    expect(inspector.querySelector('.fit-status')?.textContent).toBe('Thiếu 6 dòng');
  });

  it('lays the pages out again about a second after a burst of edits, keeping the old pages meanwhile', async () => {
    const { container, callsTo, emit } = await openDesk();
    await click(button(container, 'Xem trang'));
    expect(callsTo('print.layout')).toEqual([{ issueId: 7, resourceBase: 'http://127.0.0.1:9/print/test-token/' }]);
    for (let i = 0; i < 3; i += 1) await emit('articles.changed', { ids: [31] });
    expect(container.querySelector('.print-busy')?.textContent).toBe('Đang dàn trang…');
    expect(shownPages(container)).toEqual(['Trang 1']);
    await settle(500);
    expect(callsTo('print.layout')).toHaveLength(1);
    await settle(700);
    expect(callsTo('print.layout')).toHaveLength(2);
    expect(container.querySelector('.print-busy')).toBeNull();
  });
});
