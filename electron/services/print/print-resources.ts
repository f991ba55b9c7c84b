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
const SIZES = { min: 16, max: 6000 };
const clamp = (px: number) => Math.min(SIZES.max, Math.max(SIZES.min, Math.round(px) || SIZES.min));

/**
 * What a page document fetches: the shipped fonts and pictures resized to the width asked for, or
 * cut to the width and height asked for (never enlarged). Resized copies are cached beside the data, keyed by content hash and width,
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
    const width = clamp(Number(params.get('w')) || 1600);
    const height = params.has('h') ? clamp(Number(params.get('h'))) : null;
    const key = height === null ? `${asset[1]}-${width}` : `${asset[1]}-${width}x${height}`;
    const pending = this.resizing.get(key);
    if (pending) return pending;
    const job = this.resized(asset[1], key, width, height).finally(() => this.resizing.delete(key));
    this.resizing.set(key, job);
    return job;
  }

  /** `height` set: cut to width × height (centred), never enlarged, so the shape is exact whatever the picture's size. */
  private async resized(hash: string, key: string, width: number, height: number | null): Promise<PrintResource | null> {
    const cached = join(this.cacheDir, `${key}.jpg`);
    if (existsSync(cached)) return { body: readFileSync(cached), contentType: 'image/jpeg' };
    let body: Buffer;
    try {
      const image = sharp(this.assetFiles.readPicture(hash), { failOn: 'error' });
      const meta = await image.metadata();
      // EXIF orientations 5–8 turn the picture a quarter: its width is its height.
      const [sourceWidth, sourceHeight] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
      const shrink = height === null ? 1 : Math.min(1, sourceWidth / width, sourceHeight / height);
      body = await image
        .rotate()
        .resize(
          height === null
            ? { width, withoutEnlargement: true }
            : { width: Math.max(1, Math.round(width * shrink)), height: Math.max(1, Math.round(height * shrink)), fit: 'cover' },
        )
        .flatten({ background: '#ffffff' })
        // libjpeg-turbo rather than mozjpeg: ten times faster on a full page, for files that never leave the desk.
        .jpeg({ quality: 85 })
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
