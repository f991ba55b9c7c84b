// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageSlot } from '../../shared/model/print-issue.js';
import { PrintWorkspace } from '../../renderer/print/print-workspace.js';
import {
  ARTICLES,
  ISSUE,
  button,
  click,
  deskHandlers,
  dragAndDrop,
  fakeApi,
  field,
  makeDetail,
  pageCard,
  render,
  settle,
  submit,
  type,
  type Rendered,
} from './print-fixtures.js';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function openDesk(extra: Parameters<typeof fakeApi>[0] = {}, detail = makeDetail()) {
  const fake = fakeApi({
    ...deskHandlers(detail),
    'print.flatplan.move': () => detail,
    'print.flatplan.place': () => detail,
    ...extra,
  });
  view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} />);
  return { ...fake, container: view.container };
}

describe('flatplan', () => {
  it('shows the pages as the printer folds them: 1 alone, then 2–3, 4–5 … and the last even page alone', async () => {
    const { container } = await openDesk();
    const spreads = [...container.querySelectorAll('.flatplan-spread')].map((s) => s.getAttribute('data-spread'));
    expect(spreads).toEqual(['1', '2-3', '4-5', '6-7', '8-9', '10-11', '12']);
    expect([...container.querySelectorAll('.flatplan-spread')].map((s) => s.getAttribute('aria-label')).slice(0, 2)).toEqual(['Trang 1', 'Trang 2–3']);
    // Each card says what is on the page; the article's last page carries its overset.
    expect(pageCard(container, 4).textContent).toContain('Làng gốm Bát Tràng');
    expect(pageCard(container, 9).textContent).toContain('Quảng cáo Vinamilk');
    expect(pageCard(container, 6).textContent).toContain('Tràn 12 dòng (85 chữ)');
    // A live thumbnail of the laid-out page, in a sandbox where nothing runs.
    const thumb = pageCard(container, 9).querySelector('iframe');
    expect(thumb?.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(thumb?.getAttribute('srcdoc')).toContain("<body class=\"lnv-print\"><section class=\"page\" data-page=\"9\">");
  });

  it('moves a dragged page so it becomes the page it was dropped on', async () => {
    const { container, callsTo } = await openDesk();
    await dragAndDrop(pageCard(container, 9).querySelector('button') as Element, pageCard(container, 5));
    expect(callsTo('print.flatplan.move')).toEqual([{ issueId: ISSUE.id, from: 9, count: 1, to: 5 }]);
  });

  it('moves an article’s whole run of pages when one of its pages is dragged', async () => {
    const { container, callsTo } = await openDesk();
    await dragAndDrop(pageCard(container, 5).querySelector('button') as Element, pageCard(container, 8));
    expect(callsTo('print.flatplan.move')).toEqual([{ issueId: ISSUE.id, from: 4, count: 3, to: 8 }]);
  });

  it('moves a page from the keyboard with “Dời tới trang”', async () => {
    const { container, callsTo } = await openDesk();
    await click(button(container, /^Trang 9 /));
    const inspector = container.querySelector('.page-inspector') as HTMLElement;
    expect(inspector.querySelector('h2')?.textContent).toBe('Trang 9 (trang phải)');
    await type(field(inspector, 'Dời tới trang'), '3');
    await submit(inspector.querySelector('.move-form') as HTMLFormElement);
    expect(callsTo('print.flatplan.move')).toEqual([{ issueId: ISSUE.id, from: 9, count: 1, to: 3 }]);
  });

  it('places an article dropped from the side list on the page it lands on', async () => {
    const { container, callsTo } = await openDesk();
    const tray = container.querySelector('.tray-list') as HTMLElement;
    // Approved articles first, each with its status.
    expect([...tray.querySelectorAll('.tray-title')].map((t) => t.textContent)).toEqual(ARTICLES.map((a) => a.title));
    expect(tray.querySelectorAll('.badge')[0]?.textContent).toBe('Đã duyệt');
    const luaVanPhuc = [...tray.querySelectorAll('.tray-item')].find((li) => li.textContent?.includes('Lụa Vạn Phúc')) as Element;
    await dragAndDrop(luaVanPhuc, pageCard(container, 10));
    expect(callsTo('print.flatplan.place')).toEqual([{ issueId: ISSUE.id, articleId: 32, startPage: 10, style: 'standard' }]);
  });

  it('places an article from the keyboard, in the chosen page style', async () => {
    const { container, callsTo } = await openDesk();
    await type(field<HTMLSelectElement>(container, 'Kiểu trang khi đặt bài'), 'feature');
    await click(button(container, 'Đặt vào trang: “Lụa Vạn Phúc giữ nghề”'));
    const form = container.querySelector('.tray-place-form') as HTMLFormElement;
    expect(field(form, 'Bắt đầu từ trang').value).toBe('7');
    await type(field(form, 'Bắt đầu từ trang'), '10');
    await submit(form);
    expect(callsTo('print.flatplan.place')).toEqual([{ issueId: ISSUE.id, articleId: 32, startPage: 10, style: 'feature' }]);
  });

  it('changes an advertisement page’s label and saves the whole flatplan', async () => {
    const detail = makeDetail();
    const { container, callsTo } = await openDesk({ 'print.flatplan.save': () => detail });
    await click(button(container, /^Trang 9 /));
    const inspector = container.querySelector('.page-inspector') as HTMLElement;
    await type(field(inspector, 'Tên quảng cáo'), 'Quảng cáo Bát Tràng');
    await submit(inspector.querySelector('.page-details') as HTMLFormElement);
    const saved = callsTo('print.flatplan.save') as { issueId: number; pages: { kind: string; label: string }[] }[];
    expect(saved).toHaveLength(1);
    expect(saved[0]?.pages).toHaveLength(12);
    expect(saved[0]?.pages[8]).toMatchObject({ kind: 'ad', label: 'Quảng cáo Bát Tràng' });
    expect(saved[0]?.pages[3]).toMatchObject({ kind: 'article', articleId: 31 });
  });

  it('puts a part-page advertisement of the chosen size, supplied as a PDF, at the foot of an article page once it has its file', async () => {
    const hash = 'ab'.repeat(32);
    const detail = makeDetail();
    const { container, callsTo } = await openDesk({
      'print.flatplan.save': () => detail,
      'print.art.add': (input) => ({ ...ASSET, hash, fileName: input.fileName, mimeType: 'application/pdf' }),
    });
    await click(button(container, /^Trang 5 /));
    const inspector = container.querySelector('.page-inspector') as HTMLElement;
    expect(inspector.querySelector('.foot-ad h3')?.textContent).toBe('Quảng cáo cuối trang');
    await type(field<HTMLSelectElement>(inspector, 'Cỡ quảng cáo'), 'third');
    await type(field(inspector, 'Tên quảng cáo cuối trang'), 'Gốm Minh Long');
    // Nothing is saved until there is a picture: the ad needs one.
    expect(callsTo('print.flatplan.save')).toEqual([]);
    await pickFile(field(inspector, 'Ảnh quảng cáo cuối trang'), new File(['%PDF-1.7'], 'minh-long.pdf', { type: 'application/pdf' }));

    expect(callsTo('print.art.add')).toEqual([{ fileName: 'minh-long.pdf', dataBase64: btoa('%PDF-1.7') }]);
    const saved = callsTo('print.flatplan.save') as { issueId: number; pages: PageSlot[] }[];
    expect(saved).toHaveLength(1);
    expect(saved[0]?.issueId).toBe(ISSUE.id);
    expect(saved[0]?.pages[4]).toEqual({ ...detail.flatplan.pages[4], ad: { assetHash: hash, name: 'Gốm Minh Long', size: 'third' } });
    expect(saved[0]?.pages.filter((_, i) => i !== 4)).toEqual(detail.flatplan.pages.filter((_, i) => i !== 4));
  });

  it('takes a part-page advertisement off with “Bỏ quảng cáo”, and the page card shows it until then', async () => {
    const detail = makeDetail();
    const withAd: PageSlot[] = detail.flatplan.pages.map((p, i) => (i === 4 ? { ...p, ad: { assetHash: 'cd'.repeat(32), name: 'Gốm Minh Long', size: 'half' } } : p));
    detail.flatplan.pages = withAd;
    const { container, callsTo } = await openDesk({ 'print.flatplan.save': () => detail }, detail);
    expect(pageCard(container, 5).textContent).toContain('+ QC ½');
    await click(button(container, /^Trang 5 /));
    const inspector = container.querySelector('.page-inspector') as HTMLElement;
    expect(field<HTMLSelectElement>(inspector, 'Cỡ quảng cáo').value).toBe('half');
    expect(field(inspector, 'Tên quảng cáo cuối trang').value).toBe('Gốm Minh Long');
    await click(button(inspector, 'Bỏ quảng cáo'));
    const saved = callsTo('print.flatplan.save') as { issueId: number; pages: PageSlot[] }[];
    expect(saved).toHaveLength(1);
    expect(saved[0]?.pages[4]).toEqual({ ...withAd[4], ad: null });
    expect(saved[0]?.pages.filter((_, i) => i !== 4)).toEqual(withAd.filter((_, i) => i !== 4));
  });

  it('reloads the plan when another window changes the issue', async () => {
    const { callsTo, emit } = await openDesk();
    const before = callsTo('print.issue.get').length;
    await emit('print.changed', { issueId: ISSUE.id });
    await settle(300);
    expect(callsTo('print.issue.get').length).toBe(before + 1);
    await emit('print.changed', { issueId: ISSUE.id + 1 });
    await settle(300);
    expect(callsTo('print.issue.get').length).toBe(before + 1);
  });
});

const ASSET = {
  hash: '',
  fileName: '',
  mimeType: 'image/gif',
  byteSize: 3,
  width: 1,
  height: 1,
  caption: '',
  credit: '',
  alt: '',
  focalX: 0.5,
  focalY: 0.5,
  crop: null,
  createdAt: '2025-10-03T00:00:00Z',
};

/** Picks `file` in a file input, as the browser does after the dialog closes. */
async function pickFile(input: HTMLInputElement, file: File): Promise<void> {
  await act(async () => {
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(20);
}
