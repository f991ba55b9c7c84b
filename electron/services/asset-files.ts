import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { DeskError } from '../../shared/errors.js';

const ACCEPTED_FORMATS: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
};

const PDF_PREVIEW_SUFFIX = '.preview.jpg';

export interface StoredImage {
  hash: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
}

/**
 * Images as content-addressed files beside the database: the same picture is stored once, and a
 * file is only ever visible under its name once its bytes are on disk (temp file, fsync, rename).
 */
export class AssetFiles {
  constructor(private readonly dir: string) {}

  pathOf(hash: string): string {
    if (!/^[a-f0-9]{64}$/.test(hash)) throw new DeskError('invalid_input', 'Mã ảnh không hợp lệ.');
    return join(this.dir, hash.slice(0, 2), hash);
  }

  exists(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  read(hash: string): Buffer {
    return readFileSync(this.pathOf(hash));
  }

  /** What screens show of an asset: the picture itself, or the picture made of a supplied PDF. */
  picturePath(hash: string): string {
    const preview = `${this.pathOf(hash)}${PDF_PREVIEW_SUFFIX}`;
    return existsSync(preview) ? preview : this.pathOf(hash);
  }

  readPicture(hash: string): Buffer {
    return readFileSync(this.picturePath(hash));
  }

  /** A PDF supplied for print (checked by the caller), stored with the JPEG picture screens show of it. */
  storePdf(bytes: Buffer, preview: Buffer): { hash: string; mimeType: string; byteSize: number } {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (!existsSync(`${target}${PDF_PREVIEW_SUFFIX}`)) writeDurably(`${target}${PDF_PREVIEW_SUFFIX}`, preview);
    if (!existsSync(target)) writeDurably(target, bytes);
    return { hash, mimeType: 'application/pdf', byteSize: bytes.length };
  }

  /** Checks that the bytes are a picture we can print and publish, then stores them. */
  async store(bytes: Buffer, fileName: string): Promise<StoredImage> {
    const meta = await sharp(bytes, { failOn: 'error' })
      .metadata()
      .catch(() => null);
    const mimeType = meta?.format ? ACCEPTED_FORMATS[meta.format] : undefined;
    if (!meta || !mimeType || !meta.width || !meta.height) {
      throw new DeskError(
        'invalid_file',
        `Tệp "${basename(fileName)}" không phải ảnh hợp lệ (chấp nhận JPEG, PNG, WebP, GIF, TIFF, AVIF).`,
      );
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (!existsSync(target)) writeDurably(target, bytes);
    return { hash, mimeType, byteSize: bytes.length, width: meta.width, height: meta.height };
  }
}

/** Writes a file so that after a crash it is either absent or whole. */
export function writeDurably(target: string, bytes: Buffer, mode = 0o644): void {
  const dir = join(target, '..');
  mkdirSync(dir, { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
