import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;

export interface DeskHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `desk serve` on a fresh data folder (or the one given), as a person would, and resolves with the URL it
 * prints. The host serves dist/renderer, so the renderer must be built first (npm test does).
 */
export async function startDeskHost(dataDir = mkdtempSync(join(tmpdir(), 'lnv-e2e-'))): Promise<DeskHost> {
  const child: ChildProcess = spawn(process.execPath, ['electron/cli/desk.mjs', 'serve', '--data', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk serve printed no URL within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`desk serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page at 1280×800 with the workstation loaded (the list has rows). */
export async function openDesk(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url);
  await page.getByRole('button', { name: 'Bài mới' }).waitFor();
  return page;
}

export interface DeskSession {
  readonly host: DeskHost;
  readonly browser: Browser;
}

/** A host and a browser for the whole test file: started before its tests, stopped after. */
export function useDeskSession(): DeskSession {
  const session = {} as { host: DeskHost; browser: Browser };
  beforeAll(async () => {
    session.host = await startDeskHost();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.host?.stop();
  });
  return session;
}
