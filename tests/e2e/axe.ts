import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks of the main screens. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on what the page shows and returns its serious and critical violations.
 *
 * The source goes in through evaluate rather than a script tag: the desk's CSP refuses inline
 * scripts, and the test should look at the page under the CSP people get. The print pages and the
 * web preview are iframes of magazine content, not controls, so axe stays out of them.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, WCAG_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One block per violation: rule, impact, what to do, and each element's selector with axe's reason. */
export function formatViolations(screen: string, violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${screen}: ${v.id} (${v.impact}) — ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map((n) => `  • ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Checks the screen as it is now; the report names the screen so a failure says where to look. */
export async function axeReport(page: Page, screen: string): Promise<string> {
  return formatViolations(screen, await seriousViolations(page));
}
