import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { openDesk, repoRoot, useDeskSession } from './desk-host.js';

const desk = useDeskSession();

interface Violation {
  directive: string;
  blocked: string;
}

/**
 * What a hostile document would try once its HTML reached the page: an inline script, an inline
 * event handler and a javascript: link. Each one, had it run, would leave its name in window.__ran.
 */
const INJECTIONS = `(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  const script = document.createElement('script');
  script.textContent = "window.__ran = (window.__ran || []).concat('script')";
  document.body.append(script);
  const holder = document.createElement('div');
  holder.innerHTML = '<img src="/no-such-picture.png" onerror="window.__ran = (window.__ran || []).concat(\\'onerror\\')">'
    + '<a id="lnv-js-link" href="javascript:window.__ran = (window.__ran || []).concat(\\'link\\')">x</a>';
  document.body.append(holder);
  document.getElementById('lnv-js-link').click();
})()`;

describe('content security policy of the workstation', () => {
  it('blocks scripts injected into the page and reports each attempt', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await page.evaluate(INJECTIONS);
    await expect.poll(() => page.evaluate('window.__violations.length'), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const violations = (await page.evaluate('window.__violations')) as Violation[];
    expect(new Set(violations.map((v) => v.directive))).toEqual(new Set(['script-src-elem', 'script-src-attr']));
    expect(violations.every((v) => v.blocked === 'inline')).toBe(true);
    expect(await page.evaluate('window.__ran ?? null')).toBeNull();
    // The page itself still works.
    await page.getByRole('button', { name: 'Bài mới' }).waitFor();
  });

  it('serves the same policy as the header, the page’s meta tag and Electron’s app:// handler', async () => {
    const response = await fetch(new URL('/', desk.host.url));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const page = await openDesk(desk.browser, desk.host.url);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // A meta tag cannot carry frame-ancestors (browsers ignore it there); everything else must match.
    const headerOnly = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(headerOnly);

    // Electron cannot run here: the app:// handler is checked to send the same constant.
    const main = readFileSync(join(repoRoot, 'electron/main/main.ts'), 'utf8');
    expect(main).toContain("headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);");
  });
});
