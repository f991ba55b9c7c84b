import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';

const eslint = new ESLint({ cwd: repoRoot });

async function breaksLayering(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? []).some((m) => m.message.includes('Bad layering'));
}

describe('layering lint rule', () => {
  it('keeps shared/ pure', async () => {
    expect(await breaksLayering('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBe(true);
    expect(await breaksLayering('shared/probe.ts', "import { join } from 'path';\nexport const x = join;\n")).toBe(true);
    expect(await breaksLayering('shared/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toBe(false);
  });

  it('keeps Electron inside electron/main and electron/preload', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await breaksLayering('electron/services/probe.ts', code)).toBe(true);
    expect(await breaksLayering('electron/host/probe.ts', code)).toBe(true);
    expect(await breaksLayering('electron/cli/probe.ts', code)).toBe(true);
    expect(await breaksLayering('electron/main/probe.ts', code)).toBe(false);
  });

  it('lets the renderer reach Node only through the API client', async () => {
    expect(await breaksLayering('renderer/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toBe(true);
    expect(await breaksLayering('renderer/probe.ts', "import { Workspace } from '../electron/services/workspace/workspace.js';\nexport const x = Workspace;\n")).toBe(true);
    expect(await breaksLayering('renderer/probe.ts', "import { contract } from '../shared/contract.js';\nexport const x = contract;\n")).toBe(false);
  });
});
