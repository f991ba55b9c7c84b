import { readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { CALL_NAMES } from '../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { DeskError } from '../../shared/errors.js';
import { PDF_MIME_TYPE } from '../../shared/print/page-document.js';
import { createHandlers } from '../services/desk-handlers.js';
import { createDispatcher } from '../services/dispatcher.js';
import { Workspace } from '../services/workspace/workspace.js';
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

function serveFiles(workspace: Workspace): void {
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
      const resource = await workspace.print.resources.get(url.pathname.slice(1), url.searchParams);
      return resource
        ? new Response(new Uint8Array(resource.body), { headers: { 'Content-Type': resource.contentType } })
        : new Response('Không tìm thấy.', { status: 404 });
    }
    const hash = url.pathname.slice(1);
    try {
      const asset = workspace.catalog.asset(hash);
      const isPdf = asset.mimeType === PDF_MIME_TYPE;
      return new Response(readFileSync(workspace.assetFiles.picturePath(hash)), { headers: { 'Content-Type': isPdf ? 'image/jpeg' : asset.mimeType } });
    } catch {
      return new Response('Không tìm thấy ảnh.', { status: 404 });
    }
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'LNV Desk',
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
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const dataDir = dataDirFromArgs();
  const workspace = await Workspace.open(dataDir, {
    resourcesDir: resourcesDir(),
    credentials: new SafeStorageCredentialStore(dataDir),
    printBrowser: new ElectronPrintBrowser(bundledLayoutRuntime(app.getAppPath())),
  });
  const dispatch = createDispatcher(createHandlers(workspace));
  serveFiles(workspace);
  workspace.outboxRunner.start();

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
  workspace.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('desk:event', event, payload);
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => workspace.close());
}

main().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
