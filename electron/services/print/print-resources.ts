import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PRINT_FONT_FILES } from '../../../shared/print/page-document.js';
import type { AssetFiles } from '../asset-files.js';

export interface PrintResource {
  body: Buffer;
  contentType: string;
}

const FONT_FILES = new Set(PRINT_FONT_FILES.map((f) => f.file));
const WIDTHS = { min: 64, max: 6000 };

/**
 * What a page document fetches: the shipped fonts and pictures resized to the width asked for
 * (never enlarged). Resized copies are cached beside the data, keyed by content hash and width,
 * so a second layout or export of the same issue reads them straight from disk.
 */
export class PrintResources {
  /** One resize per picture and width at a time: the page view's warm-up and an export may ask together. */
  private readonly resizing = new Map<string, Promise<PrintResource | null>>();

  constructor(
    private readonly fontsDir: string,
    private readonly assetFiles: AssetFiles,
    private readonly cacheDir: string,
  ) {}

  /** `path` is relative to the resource base: `fonts/<file>` or `assets/<hash>`; null when there is no such thing. */
  async get(path: string, params: URLSearchParams): Promise<PrintResource | null> {
    const font = /^fonts\/([A-Za-z-]+\.ttf)$/.exec(path);
    if (font?.[1] && FONT_FILES.has(font[1])) {
      return { body: readFileSync(join(this.fontsDir, font[1])), contentType: 'font/ttf' };
    }
    const asset = /^assets\/([a-f0-9]{64})$/.exec(path);
    if (!asset?.[1] || !this.assetFiles.exists(asset[1])) return null;
    const width = Math.min(WIDTHS.max, Math.max(WIDTHS.min, Number(params.get('w')) || 1600));
    const key = `${asset[1]}-${width}`;
    const pending = this.resizing.get(key);
    if (pending) return pending;
    const job = this.resized(asset[1], width).finally(() => this.resizing.delete(key));
    this.resizing.set(key, job);
    return job;
  }

  /** Resizes, one after another in the background, the pictures a page document names (`…assets/<hash>?w=<px>`). */
  async prepare(html: string): Promise<void> {
    for (const [, hash, width] of new Set(html.matchAll(/assets\/([a-f0-9]{64})\?w=(\d+)/g))) {
      await this.get(`assets/${hash}`, new URLSearchParams({ w: width ?? '' }));
    }
  }

  private async resized(hash: string, width: number): Promise<PrintResource | null> {
    const cached = join(this.cacheDir, `${hash}-${width}.jpg`);
    if (existsSync(cached)) return { body: readFileSync(cached), contentType: 'image/jpeg' };
    let body: Buffer;
    try {
      body = await sharp(this.assetFiles.readPicture(hash), { failOn: 'error' })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        // libjpeg-turbo rather than mozjpeg: ten times faster on a full page, for files that never leave the desk.
        .jpeg({ quality: 90 })
        .toBuffer();
    } catch {
      // A file that does not decode prints as a marked placeholder and preflight names it.
      return null;
    }
    mkdirSync(this.cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, body);
    renameSync(partial, cached);
    return { body, contentType: 'image/jpeg' };
  }
}
