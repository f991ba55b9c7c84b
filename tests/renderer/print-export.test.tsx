// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PreflightFinding } from '../../shared/model/print-issue.js';
import type { Site } from '../../shared/model/site.js';
import { PrintWorkspace } from '../../renderer/print/print-workspace.js';
import { button, click, deskHandlers, fakeApi, field, makeDetail, render, type, type Rendered } from './print-fixtures.js';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const OVERSET: PreflightFinding = { severity: 'error', code: 'overset', page: 6, articleId: 31, message: 'Bài “Làng gốm Bát Tràng” tràn 12 dòng.' };
const JOB = 'job-1';

async function openExport(findings: PreflightFinding[], sites: Site[] = []) {
  const fake = fakeApi({
    ...deskHandlers(makeDetail()),
    'sites.list': () => sites,
    'print.preflight': () => findings,
    'print.export.start': () => ({ jobId: JOB, outDir: '/data/exports/so-456' }),
    'print.emagazine.start': () => ({ jobId: JOB }),
    'print.export.cancel': () => ({ cancelled: true }),
  });
  view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} />);
  await click(button(view.container, 'Xuất bản in…'));
  const dialog = view.container.querySelector('dialog') as HTMLDialogElement;
  return { ...fake, dialog };
}

const progress = (dialog: HTMLElement) => dialog.querySelector('progress') as HTMLProgressElement;

describe('export for print', () => {
  it('checks first, asks before exporting with errors, follows progress events and cancels the job', async () => {
    const { dialog, callsTo, emit } = await openExport([OVERSET]);
    expect(dialog.open).toBe(true);
    await click(field(dialog, 'PDF để in'));
    await click(button(dialog, 'Xuất'));
    expect(callsTo('print.preflight')).toEqual([{ issueId: 7 }]);
    expect(callsTo('print.export.start')).toEqual([]);
    expect(dialog.textContent).toContain('tràn 12 dòng');

    await click(button(dialog, 'Vẫn xuất'));
    expect(callsTo('print.export.start')).toEqual([{ issueId: 7, outputs: ['proof', 'images'] }]);

    await emit('print.export.progress', { jobId: JOB, stage: 'proof', done: 3, total: 12, message: 'Trang 3/12', files: [] });
    expect(progress(dialog).value).toBe(3);
    expect(progress(dialog).max).toBe(12);
    expect(dialog.textContent).toContain('PDF in thử · 3/12');
    // Another window's export does not move this bar.
    await emit('print.export.progress', { jobId: 'other', stage: 'images', done: 11, total: 12, message: '', files: [] });
    expect(progress(dialog).value).toBe(3);

    await click(button(dialog, 'Huỷ xuất'));
    expect(callsTo('print.export.cancel')).toEqual([{ jobId: JOB }]);
    await emit('print.export.progress', { jobId: JOB, stage: 'cancelled', done: 3, total: 12, message: '', files: [] });
    expect(dialog.querySelector('[role="alert"]')?.textContent).toContain('Đã huỷ việc xuất');
    expect(() => button(dialog, 'Huỷ xuất')).toThrow();
  });

  it('exports straight away when the check finds no errors, and lists the files written', async () => {
    const { dialog, callsTo, emit } = await openExport([{ ...OVERSET, severity: 'warning' }]);
    await click(button(dialog, 'Xuất'));
    expect(callsTo('print.export.start')).toEqual([{ issueId: 7, outputs: ['print', 'proof', 'images'] }]);
    const files = ['/data/exports/so-456/so-456-in.pdf', '/data/exports/so-456/so-456-in-thu.pdf', '/data/exports/so-456/trang-001.jpg'];
    await emit('print.export.progress', { jobId: JOB, stage: 'done', done: 12, total: 12, message: 'Đã xuất xong.', files });
    expect(progress(dialog).value).toBe(12);
    const list = dialog.querySelector('ul[aria-label="Các tệp đã xuất"]') as HTMLElement;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(files);
    expect(dialog.textContent).toContain('Xong · 12/12');
    expect(dialog.querySelector('[role="status"] .panel-status')?.textContent).toBe('Đã xuất xong.');
  });

  it('posts the e-magazine to the chosen site after the check, and ends with the post’s link', async () => {
    const site: Site = {
      id: 3,
      url: 'https://langnghe.example',
      username: 'bientap',
      apiRoot: 'https://langnghe.example/wp-json/',
      siteName: 'Làng nghề Việt Nam',
      userName: 'Biên tập',
      roles: ['editor'],
      can: { publish: true, upload: true, createCategories: true },
      connectedAt: '2026-11-01T00:00:00Z',
    };
    const { dialog, callsTo, emit } = await openExport([], [site]);
    const post = button(dialog, 'Đăng e-magazine lên web') as HTMLButtonElement;
    expect(post.disabled).toBe(true);
    await type(field<HTMLSelectElement>(dialog, 'Trang web'), '3');
    await click(post);
    expect(callsTo('print.preflight')).toEqual([{ issueId: 7 }]);
    expect(callsTo('print.emagazine.start')).toEqual([{ issueId: 7, siteId: 3 }]);
    expect(callsTo('print.export.start')).toEqual([]);
    await emit('print.export.progress', { jobId: JOB, stage: 'upload', done: 20, total: 29, message: 'Đang gửi ảnh trang 5/12 lên web…', files: [] });
    expect(dialog.textContent).toContain('Gửi lên web · 20/29');
    await emit('print.export.progress', { jobId: JOB, stage: 'done', done: 29, total: 29, message: 'Đã đăng e-magazine 12 trang: https://langnghe.example/so-456/', files: [] });
    expect(dialog.querySelector('[role="status"] .panel-status')?.textContent).toBe('Đã đăng e-magazine 12 trang: https://langnghe.example/so-456/');
  });

  it('says how to post the e-magazine when no site is connected', async () => {
    const { dialog } = await openExport([]);
    expect(dialog.querySelector('.export-emagazine')?.textContent).toContain('Chưa kết nối trang web nào');
    expect(() => button(dialog, 'Đăng e-magazine lên web')).toThrow();
  });

  it('says clearly when the export failed', async () => {
    const { dialog, emit } = await openExport([]);
    await click(button(dialog, 'Xuất'));
    await emit('print.export.progress', { jobId: JOB, stage: 'failed', done: 2, total: 12, message: 'Không ghi được tệp: hết chỗ trống.', files: [] });
    expect(dialog.querySelector('.inline-error[role="alert"]')?.textContent).toBe('Xuất không thành công: Không ghi được tệp: hết chỗ trống.');
  });
});
