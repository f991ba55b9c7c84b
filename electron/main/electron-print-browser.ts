import { BrowserWindow, session } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowReport } from '../../shared/print/flow-types.js';
import type { PdfArtBox } from '../services/print/pdf-art.js';
import { pdfjsResource, pdfRasterDocument } from '../services/print/pdf-raster.js';
import { INTERNAL_BASE, PAGE_IMAGE_QUALITY, type LaidOut, type PrintBrowser, type PrintSession, type PrintSessionOptions, type ResourceLoader } from '../services/print/print-browser.js';

/** Print pages in the app's own Chromium: a hidden window per document, on a session that can reach nothing else. */
export class ElectronPrintBrowser implements PrintBrowser {
  constructor(private readonly runtimeFile: string) {}

  async open(html: string, resources: ResourceLoader, options: PrintSessionOptions = {}): Promise<PrintSession> {
    const window = await this.load(html, resources, options.scale ?? 1);
    const contents = window.webContents;
    const runtime = readFileSync(this.runtimeFile, 'utf8');
    return {
      async layout(): Promise<LaidOut> {
        await contents.executeJavaScript(runtime);
        const report = (await contents.executeJavaScript('window.lnvLayout.run()')) as FlowReport;
        const pagesHtml = (await contents.executeJavaScript(
          `(document.getElementById('lnv-flow-input')?.remove(), [...document.querySelectorAll('section.page')].map((s) => s.outerHTML))`,
        )) as string[];
        return { report, pagesHtml };
      },
      async pdf(): Promise<Buffer> {
        return contents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      },
      async pageImage(page: number): Promise<Buffer> {
        const rect = (await contents.executeJavaScript(
          `(() => { const r = document.querySelector('section.page[data-page="${page}"] > .trim').getBoundingClientRect(); window.scrollTo(0, window.scrollY + r.top); const s = document.querySelector('section.page[data-page="${page}"] > .trim').getBoundingClientRect(); return { x: s.left, y: s.top, width: s.width, height: s.height }; })()`,
        )) as Electron.Rectangle;
        const image = await contents.capturePage({ x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) });
        return image.toJPEG(PAGE_IMAGE_QUALITY);
      },
      async close(): Promise<void> {
        window.destroy();
      },
    };
  }

  async rasterizePdf(pdf: Uint8Array, box: PdfArtBox, widthPx: number): Promise<Buffer> {
    const art = Buffer.from(pdf);
    const window = await this.load(pdfRasterDocument(box, widthPx), async (path) =>
      path === 'art.pdf' ? { body: art, contentType: 'application/pdf' } : pdfjsResource(path),
    );
    try {
      const dataUrl = (await window.webContents.executeJavaScript('window.lnvRaster')) as string;
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    } finally {
      window.destroy();
    }
  }

  async close(): Promise<void> {}

  private async load(html: string, resources: ResourceLoader, scale = 1): Promise<BrowserWindow> {
    const partition = `print-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const printSession = session.fromPartition(partition, { cache: false });
    printSession.protocol.handle('http', async (request) => {
      const url = new URL(request.url);
      if (`${url.origin}/` !== INTERNAL_BASE) return new Response('', { status: 403 });
      const path = decodeURIComponent(url.pathname.slice(1));
      if (path === 'document.html') return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      const resource = await resources(path, url.searchParams).catch(() => null);
      return resource ? new Response(new Uint8Array(resource.body), { headers: { 'Content-Type': resource.contentType } }) : new Response('', { status: 404 });
    });
    const window = new BrowserWindow({
      show: false,
      width: 1200,
      height: 1000,
      webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick', zoomFactor: scale },
    });
    await window.loadURL(`${INTERNAL_BASE}document.html`);
    return window;
  }
}

export function bundledLayoutRuntime(appRoot: string): string {
  return join(appRoot, 'dist', 'print', 'page-layout.js');
}
