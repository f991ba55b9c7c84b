// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../shared/app-commands.js';
import type { UpdateState } from '../../shared/app-update.js';
import type { OutboxJob } from '../../shared/model/outbox.js';
import { DEFAULT_PROFILE } from '../../electron/services/store/catalog-store.js';
import { AppShell, type ScreenCommands } from '../../renderer/app-shell/app-shell.js';
import { PrintWorkspace } from '../../renderer/print/print-workspace.js';
import { button, click, deskHandlers, fakeApi, field, makeDetail, render, settle, submit, type, type Rendered } from './print-fixtures.js';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const STATE: UpdateState = { phase: 'idle', currentVersion: '0.1.0', version: null, releaseNotes: null, percent: null, message: null };
const SCREEN_COMMANDS = ['article.new', 'view.articles', 'view.trash', 'print.open', 'print.preflight', 'print.export', 'publish.open'] as const;

function shellApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'app.language.set': ({ language }) => ({ language }),
    'app.update.status': () => STATE,
    'app.update.check': () => ({ ...STATE, phase: 'none' }),
    'profile.get': () => ({ ...DEFAULT_PROFILE }),
    'outbox.list': () => [],
    'workspace.info': () => ({ dataDir: '/data/lnv', databasePath: '/data/lnv/workspace.sqlite', schemaVersion: 12, appVersion: '0.1.0', profile: DEFAULT_PROFILE, articleCount: 8 }),
    'app.folder.open': ({ folder }) => ({ path: `/data/lnv/${folder === 'logs' ? 'logs' : 'crash-reports'}`, opened: false }),
    ...overrides,
  });
}

async function renderShell(api: ReturnType<typeof fakeApi>['api']) {
  const ran: string[] = [];
  const commands = Object.fromEntries(SCREEN_COMMANDS.map((c) => [c, () => ran.push(c)])) as unknown as ScreenCommands;
  view = await render(api, <AppShell commands={commands} onImported={(id) => ran.push(`imported:${id}`)} />);
  return ran;
}

const dialog = () => view?.container.querySelector('dialog') ?? null;

describe('menu commands', () => {
  it('every command of the menu does something the person sees', async () => {
    const fake = shellApi({ 'sites.list': () => [] });
    const ran = await renderShell(fake.api);
    const seen = new Map<AppCommand, string>();
    for (const command of APP_COMMANDS) {
      await fake.emit('app.command', { command });
      const shown = dialog()?.querySelector('h2')?.textContent ?? view?.container.querySelector('[role="status"], [role="alert"]')?.textContent ?? ran.at(-1) ?? '';
      seen.set(command, shown);
      if (dialog()) await click(button(dialog() as HTMLElement, 'Đóng'));
    }
    for (const command of SCREEN_COMMANDS) expect(seen.get(command), command).toBe(command);
    expect(seen.get('article.importWord')).toBe('Nhập bài từ Word');
    expect(seen.get('app.checkUpdates')).toBe('Cập nhật LNV Desk');
    expect(seen.get('help.about')).toBe('Giới thiệu LNV Desk');
    expect(seen.get('app.openLogs')).toContain('Nhật ký nằm ở: /data/lnv/logs');
    expect(seen.get('publish.sync')).toContain('Chưa kết nối trang web nào');
    expect(fake.callsTo('app.folder.open')).toEqual([{ folder: 'logs' }]);
  });

  it('tells the main process the UI language, so the menu speaks it', async () => {
    const fake = shellApi();
    await renderShell(fake.api);
    expect(fake.callsTo('app.language.set')).toEqual([{ language: 'vi' }]);
  });

  it('"Đồng bộ" from the menu syncs every connected site and reports what moved', async () => {
    const fake = shellApi({
      'sites.list': () => [{ id: 3, url: 'https://langngheviet.com.vn/' } as never],
      'sync.run': ({ siteId }) => ({ siteId, at: '2025-11-20T08:00:00Z', pullOnly: false, sent: [{} as never, {} as never], received: [{} as never], offline: false, error: null }),
    });
    await renderShell(fake.api);
    await fake.emit('app.command', { command: 'publish.sync' });
    await settle();
    expect(fake.callsTo('sync.run')).toEqual([{ siteId: 3 }]);
    expect(view?.container.querySelector('[role="status"]')?.textContent).toContain('Đã đồng bộ với https://langngheviet.com.vn/: gửi 2 bài, nhận 1 bài.');
  });

  it('runs the preflight or opens the export dialog on the print desk', async () => {
    const fake = fakeApi({ ...deskHandlers(makeDetail()), 'print.preflight': () => [], 'sites.list': () => [] });
    let done = 0;
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} command="preflight" onCommandDone={() => (done += 1)} />);
    await settle();
    expect(fake.callsTo('print.preflight')).toEqual([{ issueId: 7 }]);
    expect(done).toBeGreaterThanOrEqual(1);
    view.unmount();
    view = await render(fake.api, <PrintWorkspace onOpenArticle={() => undefined} onIssuesChanged={() => undefined} command="export" onCommandDone={() => undefined} />);
    await settle();
    expect(dialog()?.querySelector('h2')?.textContent).toMatch(/Xuất/);
  });
});

describe('updates, with consent at each step', () => {
  it('offers a found version, downloads only when asked, and refuses to restart while work runs', async () => {
    const fake = shellApi({
      'app.update.download': () => ({ ...STATE, phase: 'downloading', version: '0.2.0', percent: 0 }),
      'app.update.install': () => ({ installing: false, reasons: [{ kind: 'export', count: 1 }], message: 'Chưa cài được bản cập nhật: đang xuất số báo (1 việc).' }),
    });
    await renderShell(fake.api);
    await fake.emit('app.update', { ...STATE, phase: 'available', version: '0.2.0', releaseNotes: 'Xuất PDF nhanh hơn' });
    await settle();
    const offer = dialog() as HTMLElement;
    expect(offer.textContent).toContain('Đã có bản 0.2.0. Tải về ngay?');
    expect(offer.textContent).toContain('Xuất PDF nhanh hơn');
    expect(fake.callsTo('app.update.download')).toEqual([]);

    await click(button(offer, 'Tải bản 0.2.0'));
    expect(fake.callsTo('app.update.download')).toEqual([{}]);
    await fake.emit('app.update', { ...STATE, phase: 'downloading', version: '0.2.0', percent: 40 });
    expect((offer.querySelector('progress') as HTMLProgressElement).value).toBe(40);
    expect(fake.callsTo('app.update.install')).toEqual([]);

    await fake.emit('app.update', { ...STATE, phase: 'downloaded', version: '0.2.0', percent: 100 });
    expect(offer.textContent).toContain('Đã tải xong bản 0.2.0. Khởi động lại để cài?');
    await click(button(offer, 'Khởi động lại và cài'));
    expect(fake.callsTo('app.update.install')).toEqual([{}]);
    expect(offer.querySelector('[role="alert"]')?.textContent).toBe('Chưa khởi động lại được. Đang xuất số báo (1 việc).');
  });

  it('"Để sau" closes the offer, and the same version is not offered again', async () => {
    const fake = shellApi();
    await renderShell(fake.api);
    const available = { ...STATE, phase: 'available' as const, version: '0.2.0' };
    await fake.emit('app.update', available);
    await click(button(dialog() as HTMLElement, 'Để sau'));
    expect(dialog()).toBeNull();
    await fake.emit('app.update', available);
    expect(dialog()).toBeNull();
  });

  it('keeps the update feed in the profile and refuses an address that is not https', async () => {
    const fake = shellApi({ 'profile.update': (patch) => ({ ...DEFAULT_PROFILE, ...patch }) as never });
    await renderShell(fake.api);
    await fake.emit('app.command', { command: 'app.checkUpdates' });
    const box = dialog() as HTMLElement;
    expect(box.textContent).toContain('Bạn đang dùng bản mới nhất.');
    const input = field(box, 'Nguồn cập nhật');
    expect(input.value).toBe('https://langngheviet.com.vn/lnv-desk/updates/');
    await type(input, 'http://capnhat.example.vn/');
    await submit(box.querySelector('form.update-feed') as HTMLFormElement);
    expect(box.textContent).toContain('Địa chỉ phải bắt đầu bằng https://');
    expect(fake.callsTo('profile.update')).toEqual([]);
    await type(input, 'https://capnhat.example.vn/lnv/');
    await submit(box.querySelector('form.update-feed') as HTMLFormElement);
    expect(fake.callsTo('profile.update')).toEqual([{ updateFeedUrl: 'https://capnhat.example.vn/lnv/' }]);
    expect(box.textContent).toContain('Đã lưu nguồn cập nhật.');
  });
});

describe('notifications when long work ends', () => {
  const shown: { title: string; body: string }[] = [];
  beforeEach(() => {
    shown.length = 0;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options: { body: string }) {
        shown.push({ title, body: options.body });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
  });

  const job = (id: number, state: OutboxJob['state'], extra: Partial<OutboxJob> = {}): OutboxJob => ({
    id, articleId: 31, siteId: 3, action: 'publish', publishStatus: 'publish', scheduledAt: null, overwrite: false, state, attempts: 1,
    nextAttemptAt: '2025-11-20T08:00:00Z', lastError: null, failure: null, postLink: null, createdBy: 'An', createdAt: '2025-11-20T08:00:00Z', updatedAt: '2025-11-20T08:00:00Z', ...extra,
  });

  it('tells a person in another window that an export or a publish finished', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    let jobs = [job(1, 'done'), job(2, 'sending')];
    const fake = shellApi({ 'outbox.list': () => jobs });
    await renderShell(fake.api);
    await fake.emit('print.export.progress', { jobId: 'j', stage: 'done', done: 3, total: 3, message: 'Đã xuất 3 tệp vào /data/exports/so-456.', files: [] });
    jobs = [job(1, 'done'), job(2, 'done', { postLink: 'https://langngheviet.com.vn/bat-trang/' }), job(3, 'failed', { lastError: 'WordPress báo: hết hạn' })];
    await fake.emit('outbox.changed', {});
    await settle();
    expect(shown).toEqual([
      { title: 'Đã xuất xong số báo', body: 'Đã xuất 3 tệp vào /data/exports/so-456.' },
      { title: 'Đã đưa bài lên web', body: 'https://langngheviet.com.vn/bat-trang/' },
      { title: 'Không gửi được bài lên web', body: 'WordPress báo: hết hạn' },
    ]);
  });

  it('stays quiet while the window has focus: the screen already shows it', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const fake = shellApi();
    await renderShell(fake.api);
    await fake.emit('print.export.progress', { jobId: 'j', stage: 'done', done: 3, total: 3, message: 'Xong', files: [] });
    expect(shown).toEqual([]);
  });
});
