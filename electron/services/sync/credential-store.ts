import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDurably } from '../asset-files.js';

/**
 * Where site passwords live: never in the SQLite file, logs or messages. The desktop app injects
 * one backed by the OS keychain (Electron safeStorage); the host and CLI use a private file.
 */
export interface CredentialStore {
  get(key: string): string | null;
  set(key: string, secret: string): void;
  remove(key: string): void;
}

/** The key under which a connected site's application password is kept. */
export function siteCredentialKey(siteId: number): string {
  return `site:${siteId}`;
}

/** A JSON file in the data folder that only the user can read (mode 0600). */
export class FileCredentialStore implements CredentialStore {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'credentials.json');
  }

  private read(): Record<string, string> {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>) : {};
  }

  private write(all: Record<string, string>): void {
    writeDurably(this.path, Buffer.from(JSON.stringify(all)), 0o600);
    chmodSync(this.path, 0o600);
  }

  get(key: string): string | null {
    return this.read()[key] ?? null;
  }

  set(key: string, secret: string): void {
    this.write({ ...this.read(), [key]: secret });
  }

  remove(key: string): void {
    const all = this.read();
    delete all[key];
    this.write(all);
  }
}
