// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PrintSettingsDialog } from '../../renderer/print/print-settings-dialog.js';
import { PrintWorkspace } from '../../renderer/print/print-workspace.js';
import { PrintLayout, type PublicationProfile } from '../../shared/model/workspace.js';
import { slot, spreads } from '../../shared/print/flatplan.js';
import { ISSUE, button, click, deskHandlers, fakeApi, field, makeDetail, render, settle, submit, type, type Rendered } from './print-fixtures.js';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const PAGE_WARNING = 'Số trang 30 không chia hết cho 4: khi in và đóng gáy cần 28 hoặc 32 trang.';

describe('print issues', () => {
  it('creates an issue with a page count off the multiple of 4, warning without blocking', async () => {
    const created = { ...ISSUE, id: 8, number: 457, pageCount: 30, publishDate: '2025-12-01', slug: 'so-457' };
    const pages = Array.from({ length: 30 }, (_, i) => slot(i === 0 ? 'cover' : 'empty'));
    const detail = makeDetail({ issue: created, flatplan: { pages, copyfit: {} }, spreads: spreads(30), placed: [], warnings: [PAGE_WARNING] });
    let changed = 0;
    const issues = [ISSUE];
    const fake = fakeApi({
      ...deskHandlers(),
      'issues.list': () => issues,
      'print.issue.get': ({ issueId }) => (issueId === created.id ? detail : makeDetail()),
      'print.issue.create': () => {
        issues.push(created);
        return detail;
      },
    });
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => (changed += 1)} />);
    const { container } = view;

    await click(button(container, 'Số mới'));
    const dialog = container.querySelector('dialog') as HTMLDialogElement;
    expect(field(dialog, 'Số').value).toBe('457');
    await type(field(dialog, 'Tháng'), '12');
    await type(field(dialog, 'Năm'), '2025');
    await type(field(dialog, 'Số trang'), '30');
    expect(dialog.querySelector('.print-warning')?.textContent).toContain('28 hoặc 32 trang');
    expect(field(dialog, 'Số trang').getAttribute('aria-describedby')).toBe(dialog.querySelector('.print-warning')?.id);

    await submit(dialog.querySelector('form') as HTMLFormElement);
    expect(fake.callsTo('print.issue.create')).toEqual([{ number: 457, month: 12, year: 2025, pageCount: 30 }]);
    expect(container.querySelector('dialog')).toBeNull();
    const warnings = container.querySelector('ul[aria-label="Lưu ý về số báo"]') as HTMLElement;
    expect(warnings.textContent).toBe(PAGE_WARNING);
    expect(container.querySelectorAll('.page-card')).toHaveLength(30);
    expect(changed).toBe(1);
  });

  it('edits the open issue’s title, pages, month and year', async () => {
    const detail = makeDetail();
    const fake = fakeApi({ ...deskHandlers(detail), 'print.issue.update': () => detail });
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} />);
    await click(button(view.container, 'Sửa số báo'));
    const dialog = view.container.querySelector('dialog') as HTMLDialogElement;
    expect(field(dialog, 'Tháng').value).toBe('11');
    await type(field(dialog, 'Tên số'), 'Số Tết');
    await type(field(dialog, 'Số trang'), '16');
    await submit(dialog.querySelector('form') as HTMLFormElement);
    expect(fake.callsTo('print.issue.update')).toEqual([{ issueId: 7, month: 11, year: 2025, pageCount: 16, title: 'Số Tết', status: 'layout' }]);
  });
});

describe('print settings', () => {
  const profile = { name: 'Tạp chí Làng nghề Việt Nam', print: PrintLayout.parse({}) } as PublicationProfile;

  it('refuses values out of range and saves the print settings once they are right', async () => {
    let saved: PublicationProfile | null = null;
    const fake = fakeApi({ 'profile.get': () => profile, 'profile.update': (input) => ({ ...profile, ...input }) as PublicationProfile });
    view = await render(fake.api, <PrintSettingsDialog issue={ISSUE} onSaved={(p) => (saved = p)} onClose={() => undefined} />);
    const dialog = view.container.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.textContent).toContain('Sẽ in: Tạp chí Làng nghề Việt Nam • Số 456 • Tháng 11/2025');

    await type(field(dialog, 'Phần xén'), '25');
    await type(field(dialog, 'Dòng đầu trang'), '{ten} • {sô}');
    await submit(dialog.querySelector('form') as HTMLFormElement);
    expect(fake.callsTo('profile.update')).toEqual([]);
    expect(field(dialog, 'Phần xén').getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('Trong khoảng 0–20 mm.');
    expect(dialog.textContent).toContain('Không có trường {sô}');

    await type(field(dialog, 'Phần xén'), '5');
    await type(field(dialog, 'Lưới dòng'), '4,5');
    await type(field(dialog, 'Dòng đầu trang'), '{ten} • Số {so}');
    await type(field<HTMLSelectElement>(dialog, 'Phông nội dung'), 'Be Vietnam Pro');
    await submit(dialog.querySelector('form') as HTMLFormElement);
    const [update] = fake.callsTo('profile.update') as { print: PrintLayout }[];
    expect(update?.print).toMatchObject({ bleedMm: 5, baselineMm: 4.5, runningHead: '{ten} • Số {so}', fonts: { body: 'Be Vietnam Pro' } });
    expect(PrintLayout.safeParse(update?.print).success).toBe(true);
    expect(saved).not.toBeNull();
  });

  it('lays the open issue out again once the settings are saved', async () => {
    const fake = fakeApi({ ...deskHandlers(), 'profile.get': () => profile, 'profile.update': (input) => ({ ...profile, ...input }) as PublicationProfile });
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} />);
    expect(fake.callsTo('print.layout')).toHaveLength(1);
    await click(button(view.container, 'Thiết lập trang in'));
    const dialog = view.container.querySelector('dialog') as HTMLDialogElement;
    await type(field(dialog, 'Số cột'), '4');
    await submit(dialog.querySelector('form') as HTMLFormElement);
    expect((fake.callsTo('profile.update')[0] as { print: PrintLayout }).print.columns).toBe(4);
    expect(view.container.querySelector('dialog')).toBeNull();
    await settle(50);
    expect(fake.callsTo('print.layout')).toHaveLength(2);
  });
});
