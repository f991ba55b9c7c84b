import { readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { app, BrowserWindow, ipcMain, nativeTheme, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { CALL_NAMES } from '../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { DeskError } from '../../shared/errors.js';
import { PDF_MIME_TYPE } from '../../shared/print/page-document.js';
import { DeskRuntime } from '../services/workspace/desk-runtime.js';
import { loggedDispatch } from '../services/activity-log.js';
import { DesktopSession } from './desktop-session.js';
import { permissionAllowed } from './permissions.js';
import { SafeStorageCredentialStore } from './safe-storage-credentials.js';
import { ElectronPrintBrowser, bundledLayoutRuntime } from './electron-print-browser.js';

const APP_ORIGIN = 'app://desk';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'lnv-asset', privileges: { standard: true, secure: true } },
]);

function dataDirFromArgs(): string {
  const index = process.argv.indexOf('--data');
  const fromArg = index >= 0 ? process.argv[index + 1] : undefined;
  return fromArg ?? process.env.LNV_DESK_DATA ?? app.getPath('userData');
}

const rendererDir = () => join(app.getAppPath(), 'dist', 'renderer');
const resourcesDir = () => (app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'));

/** Only the app's own top frame may call the services. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && new URL(frame.url).origin === APP_ORIGIN;
}

/** The UI files, and pictures of whichever workspace the runtime has open (a restore swaps it). */
function serveFiles(desk: DeskRuntime): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const root = rendererDir();
    const file = normalize(join(root, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(root + sep)) return new Response('Không tìm thấy.', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  protocol.handle('lnv-asset', async (request) => {
    const url = new URL(request.url);
    if (url.hostname === 'print') {
      const resource = await desk.workspace.print.resources.get(url.pathname.slice(1), url.searchParams);
      return resource
        ? new Response(new Uint8Array(resource.body), { headers: { 'Content-Type': resource.contentType } })
        : new Response('Không tìm thấy.', { status: 404 });
    }
    const hash = url.pathname.slice(1);
    try {
      const workspace = desk.workspace;
      const asset = workspace.catalog.asset(hash);
      const isPdf = asset.mimeType === PDF_MIME_TYPE;
      return new Response(readFileSync(workspace.assetFiles.picturePath(hash)), { headers: { 'Content-Type': isPdf ? 'image/jpeg' : asset.mimeType } });
    } catch {
      return new Response('Không tìm thấy ảnh.', { status: 404 });
    }
  });
}

function createWindow(desktop: DesktopSession): BrowserWindow {
  const { maximized, ...bounds } = desktop.windowBounds();
  const window = new BrowserWindow({
    ...bounds,
    title: 'LNV Desk',
    // The canvas colour of the light or dark palette, so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17191d' : '#f5f2ec',
    webPreferences: {
      preload: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    const protocolName = new URL(url).protocol;
    if (protocolName === 'http:' || protocolName === 'https:') void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (maximized) window.maximize();
  desktop.track(window);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, new URL(details.requestingUrl).origin, APP_ORIGIN)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, APP_ORIGIN));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const dataDir = dataDirFromArgs();
  const desktop = new DesktopSession(dataDir);
  // A damaged database does not stop the app: the runtime opens in recovery and the window shows the recovery screen.
  const desk = await DeskRuntime.open(dataDir, {
    resourcesDir: resourcesDir(),
    credentials: new SafeStorageCredentialStore(dataDir),
    printBrowser: new ElectronPrintBrowser(bundledLayoutRuntime(app.getAppPath())),
    shell: desktop.shell,
    log: (error) => desktop.log.error('Lỗi nội bộ', error),
  });
  const dispatch = loggedDispatch(desk.dispatch, desktop.log);
  serveFiles(desk);
  desk.startBackground();

  // One channel per contract call; errors travel as values because Electron flattens thrown ones.
  for (const name of CALL_NAMES) {
    ipcMain.handle(`desk:${name}`, async (event, input: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: new DeskError('unauthorized', 'Nguồn gọi không hợp lệ.').toJSON() };
      try {
        return { ok: true, result: await dispatch(name, input) };
      } catch (error) {
        const deskError = DeskError.is(error) ? error : new DeskError('internal', 'Lỗi nội bộ.');
        return { ok: false, error: deskError.toJSON() };
      }
    });
  }
  desk.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('desk:event', event, payload);
  });

  desktop.attach(desk);

  createWindow(desktop);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(desktop);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => desk.close());
}

main().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
