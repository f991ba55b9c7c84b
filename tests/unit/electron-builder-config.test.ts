import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';

/** The installers cannot be built here (no Electron download, no Windows/macOS tools), so the configuration is proven instead. */
const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: { target: string; arch: string[] }[] };
  nsis: { perMachine: boolean; oneClick: boolean };
  mac: { icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; target: { target: string; arch: string[] }[] };
  linux: { icon: string; target: string[] };
};
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; productName: string };

describe('electron-builder configuration', () => {
  it('matches electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('refers only to files that exist, and packs the app’s entry point', () => {
    for (const file of [config.win.icon, config.mac.icon, config.linux.icon, config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(existsSync(join(repoRoot, file)), file).toBe(true);
    }
    expect(config.files.some((pattern) => minimatch(pkg.main, pattern))).toBe(true);
    expect(config.productName).toBe(pkg.productName);
  });

  it('unpacks native modules from the asar archive', () => {
    for (const file of ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node']) {
      expect(config.asarUnpack.some((pattern) => minimatch(file, pattern)), file).toBe(true);
    }
  });

  it('builds per-user Windows installers for x64 and arm64, hardened macOS DMGs and a Linux AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] });
    expect(config.linux.target).toEqual(['AppImage']);
  });

  it('sets the Electron fuses that close the runtime to misuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
