import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DeskError } from '../../../shared/errors.js';
import type { FlowReport } from '../../../shared/print/flow-types.js';
import type { PdfArtBox } from './pdf-art.js';
import { pdfjsResource, pdfRasterDocument } from './pdf-raster.js';
import type { PrintResource } from './print-resources.js';

/** Page documents load from this origin; every request to it is answered in-process, nothing else loads. */
export const INTERNAL_BASE = 'http://print.lnv-desk.invalid/';

/** JPEG quality of page images for the e-magazine. */
export const PAGE_IMAGE_QUALITY = 85;

export type ResourceLoader = (path: string, params: URLSearchParams) => Promise<PrintResource | null>;

export interface LaidOut {
  report: FlowReport;
  /** outerHTML of every section.page after the flow, in page order. */
  pagesHtml: string[];
}

/** One page document loaded in a browser: lay it out, then print it or photograph its pages. */
export interface PrintSession {
  layout(): Promise<LaidOut>;
  pdf(): Promise<Buffer>;
  /** JPEG of one page's trim box at the session's scale, encoded once: it is the page image as it ships. */
  pageImage(page: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PrintSessionOptions {
  /** Pixels per CSS pixel for page images (1600 px high pages need about 1.43 for A4). */
  scale?: number;
}

/**
 * The renderer that makes pages. The desktop app uses Electron's own Chromium; the host, the CLI
 * and the tests use Debian's (or the system's) Chromium through playwright-core. Same engine, same pages.
 */
export interface PrintBrowser {
  open(html: string, resources: ResourceLoader, options?: PrintSessionOptions): Promise<PrintSession>;
  /** A supplied PDF's first page, cut to `box`, as a JPEG `widthPx` wide (see pdf-raster.ts). */
  rasterizePdf(pdf: Uint8Array, box: PdfArtBox, widthPx: number): Promise<Buffer>;
  close(): Promise<void>;
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function chromiumPath(): string {
  const configured = process.env.LNV_CHROMIUM_PATH ?? process.env.CHROMIUM_PATH;
  if (configured) return configured;
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new DeskError(
      'io_error',
      'Không tìm thấy Chromium hoặc Chrome để dàn trang. Hãy cài Chromium, hoặc đặt biến LNV_CHROMIUM_PATH trỏ tới tệp chạy của nó.',
    );
  }
  return found;
}

/** The flow engine, bundled for the page by `npm run build`; from source it is bundled on first use. */
async function layoutRuntime(): Promise<string> {
  const built = fileURLToPath(new URL('../../../dist/print/page-layout.js', import.meta.url));
  if (existsSync(built)) return readFileSync(built, 'utf8');
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../../renderer/page-layout/page-layout-runtime.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

class ChromiumSession implements PrintSession {
  private trimBoxes: { x: number; y: number; width: number; height: number }[] | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  async layout(): Promise<LaidOut> {
    await this.page.addScriptTag({ content: await layoutRuntime() });
    // Evaluated as strings: this file is compiled for Node, without the DOM's types.
    const report = (await this.page.evaluate('window.lnvLayout.run()')) as FlowReport;
    const pagesHtml = (await this.page.evaluate(
      `(document.getElementById('lnv-flow-input')?.remove(), [...document.querySelectorAll('section.page')].map((s) => s.outerHTML))`,
    )) as string[];
    return { report, pagesHtml };
  }

  async pdf(): Promise<Buffer> {
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true });
  }

  async pageImage(page: number): Promise<Buffer> {
    // Where every page's trim box sits in the document, read once: pages do not move after layout.
    this.trimBoxes ??= (await this.page.evaluate(
      `[...document.querySelectorAll('section.page > .trim')].map((trim) => { const r = trim.getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; })`,
    )) as { x: number; y: number; width: number; height: number }[];
    const clip = this.trimBoxes[page - 1];
    if (!clip) throw new DeskError('not_found', `Không có trang ${page} để chụp.`);
    return this.page.screenshot({ clip, fullPage: true, type: 'jpeg', quality: PAGE_IMAGE_QUALITY, animations: 'disabled' });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

export class ChromiumPrintBrowser implements PrintBrowser {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: chromiumPath(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
      })
      .catch((error: unknown) => {
        this.browser = null;
        throw new DeskError('io_error', `Không khởi động được Chromium để dàn trang: ${(error as Error).message.split('\n')[0]}`);
      });
    return this.browser;
  }

  async open(html: string, resources: ResourceLoader, options: PrintSessionOptions = {}): Promise<PrintSession> {
    const { context, page } = await this.openPage(html, resources, options.scale ?? 1);
    return new ChromiumSession(context, page);
  }

  async rasterizePdf(pdf: Uint8Array, box: PdfArtBox, widthPx: number): Promise<Buffer> {
    const art = Buffer.from(pdf);
    const { context, page } = await this.openPage(pdfRasterDocument(box, widthPx), async (path) =>
      path === 'art.pdf' ? { body: art, contentType: 'application/pdf' } : pdfjsResource(path),
    );
    try {
      const dataUrl = (await page.evaluate('window.lnvRaster')) as string;
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private async openPage(html: string, resources: ResourceLoader, scale = 1): Promise<{ context: BrowserContext; page: Page }> {
    const browser = await this.launch();
    const context = await browser.newContext({ deviceScaleFactor: scale, javaScriptEnabled: true, viewport: { width: 1200, height: 1000 } });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (`${url.origin}/` !== INTERNAL_BASE) return route.abort('blockedbyclient');
      const path = decodeURIComponent(url.pathname.slice(1));
      if (path === 'document.html') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
      const resource = await resources(path, url.searchParams).catch(() => null);
      return resource ? route.fulfill({ body: resource.body, contentType: resource.contentType }) : route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    // The layout runtime waits for fonts and pictures itself, and lays out while pictures decode.
    await page.goto(`${INTERNAL_BASE}document.html`, { waitUntil: 'domcontentloaded' });
    return { context, page };
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser).close().catch(() => undefined);
  }
}
