import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The forms a password can leak in: as typed, and inside the HTTP Basic header WordPress needs
 * (base64 of "user:password"), which gives the password away just as well.
 */
export function secretForms(username: string, password: string): Buffer[] {
  return [Buffer.from(password), Buffer.from(password.replace(/ /g, '')), Buffer.from(`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`)];
}

/**
 * Every file under `dir` (SQLite database, its -wal and -shm, assets, exports, logs…) that holds
 * one of the secrets, byte for byte, with the file's mode, relative to `dir`.
 */
export function filesHolding(dir: string, secrets: Buffer[]): { file: string; mode: number }[] {
  const found: { file: string; mode: number }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const bytes = readFileSync(path);
        if (secrets.some((secret) => bytes.includes(secret))) found.push({ file: relative(dir, path), mode: statSync(path).mode & 0o777 });
      }
    }
  };
  walk(dir);
  return found;
}
