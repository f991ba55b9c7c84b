import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { DeskError } from '../../shared/errors.js';
import { writeDurably } from '../services/asset-files.js';
import type { CredentialStore } from '../services/sync/credential-store.js';

/**
 * Site passwords encrypted by the OS keychain (Keychain, DPAPI, libsecret/kwallet). On Linux
 * without a keyring Electron falls back to a fixed key; we refuse that rather than pretend.
 */
export class SafeStorageCredentialStore implements CredentialStore {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'credentials.safe.json');
  }

  private assertSecure(): void {
    const plain = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
    if (!safeStorage.isEncryptionAvailable() || plain) {
      throw new DeskError('io_error', 'Máy này không có kho khoá của hệ điều hành (keyring), nên không thể lưu mật khẩu an toàn.');
    }
  }

  private read(): Record<string, string> {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>) : {};
  }

  get(key: string): string | null {
    const sealed = this.read()[key];
    if (!sealed) return null;
    this.assertSecure();
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  set(key: string, secret: string): void {
    this.assertSecure();
    const all = { ...this.read(), [key]: safeStorage.encryptString(secret).toString('base64') };
    writeDurably(this.path, Buffer.from(JSON.stringify(all)), 0o600);
  }

  remove(key: string): void {
    const all = this.read();
    delete all[key];
    writeDurably(this.path, Buffer.from(JSON.stringify(all)), 0o600);
  }
}
