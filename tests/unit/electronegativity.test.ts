import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { value: number; name: string };
  confidence: { name: string };
  description: string;
  sample?: string;
}

interface AllowEntry {
  check: string;
  file: string;
  /** The flagged source line, trimmed: a changed line has to be reviewed again. */
  code?: string;
  reason: string;
}

/** Electronegativity has no types; its API resolves with the findings (its CLI exits 0 whatever it finds). */
const scan = createRequire(import.meta.url)('@doyensec/electronegativity') as (options: {
  input: string;
  isRelative: boolean;
  excludeFromScan: string[];
  electronVersionOverride: string;
}) => Promise<{ errors: { file: string; message: string; tolerable: boolean }[]; issues: Finding[] }>;

const MEDIUM = 2;
const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const allowList = JSON.parse(readFileSync(join(repoRoot, '.electronegativity-allow.json'), 'utf8')) as { allowed: AllowEntry[] };

/**
 * Scans one folder and returns the medium and high findings. The security-fixes check is left out:
 * it asks the network which Electron releases exist, and the release machine upgrades Electron anyway.
 */
async function seriousFindings(input: string): Promise<Finding[]> {
  const { errors, issues } = await scan({ input, isRelative: true, excludeFromScan: ['availablesecurityfixesglobalcheck'], electronVersionOverride: electronVersion });
  // A file the scanner cannot parse is a file it did not check.
  expect(errors.filter((e) => !e.tolerable)).toEqual([]);
  return issues.filter((issue) => issue.severity.value >= MEDIUM);
}

const allows = (entry: AllowEntry, finding: Finding) =>
  entry.check === finding.id && entry.file === finding.file && (entry.code === undefined || entry.code === finding.sample?.trim());

const unexplained = (findings: Finding[]) => findings.filter((finding) => !allowList.allowed.some((entry) => allows(entry, finding)));

const describeFinding = (f: Finding) => `${f.id} ${f.severity.name} ${f.file}:${f.location.line} — ${f.description}${f.sample ? ` — ${f.sample.trim()}` : ''}`;

/** What ships as the Electron side: the main process, the preload and the page they load (its CSP meta tag). */
function stageElectronSources(): string {
  const dir = tempDir('lnv-electronegativity-');
  cpSync(join(repoRoot, 'electron/main'), join(dir, 'main'), { recursive: true });
  cpSync(join(repoRoot, 'electron/preload'), join(dir, 'preload'), { recursive: true });
  mkdirSync(join(dir, 'renderer'));
  cpSync(join(repoRoot, 'renderer/index.html'), join(dir, 'renderer/index.html'));
  return dir;
}

describe('Electronegativity audit of the Electron sources', () => {
  it('finds no high or medium problem that the allow-list does not explain', async () => {
    const findings = await seriousFindings(stageElectronSources());
    expect(unexplained(findings).map(describeFinding)).toEqual([]);
    // An exception for something no longer found would quietly excuse its return.
    const stale = allowList.allowed.filter((entry) => !findings.some((finding) => allows(entry, finding)));
    expect(stale).toEqual([]);
  });

  it('gives every exception a reason', () => {
    for (const entry of allowList.allowed) expect(entry.reason.trim().length, `${entry.check} ${entry.file}`).toBeGreaterThan(40);
  });

  it('fails an app that turns on Node in its pages and loads remote content', async () => {
    const dir = tempDir('lnv-electronegativity-fixture-');
    writeFileSync(
      join(dir, 'main.js'),
      [
        "const { app, BrowserWindow } = require('electron');",
        'app.whenReady().then(() => {',
        '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        "  window.loadURL('http://example.com/');",
        '});',
      ].join('\n'),
    );
    const ids = unexplained(await seriousFindings(dir)).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']),
    );
  });
});
