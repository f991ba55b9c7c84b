import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDeskSession } from './desk-host.js';
import { articleList } from './desk-page.js';

const session = useDeskSession();

interface Finding {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Every visible piece of text on the screen with its WCAG contrast against the colour behind it
 * (the nearest ancestor with an opaque background). Pages and page cards show paper and are left out.
 */
function contrastOf(page: Page): Promise<{ canvasLuminance: number; findings: Finding[]; checked: number }> {
  return page.evaluate(() => {
    const parse = (value: string): [number, number, number, number] => {
      const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/.exec(value);
      if (!m) return [0, 0, 0, 0];
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const backgroundOf = (el: Element | null): number[] => {
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] >= 0.9) return bg;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const findings: Finding[] = [];
    let checked = 0;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.page-card, .page-frame, .page-view-page, .web-preview-frame, iframe, svg, .visually-hidden')) continue;
      const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!ownText) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || Number(style.opacity) < 0.5) continue;
      // Placeholder-like hints and disabled controls are exempt from the contrast minimum (WCAG 1.4.3).
      if ((el as HTMLButtonElement).disabled || el.closest('[disabled], [aria-disabled="true"], .is-stale')) continue;
      checked += 1;
      const fg = luminance(parse(style.color));
      const bg = luminance(backgroundOf(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const large = Number.parseFloat(style.fontSize) >= 24 || (Number.parseFloat(style.fontSize) >= 18.6 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) findings.push({ text: ownText.slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: style.color, background: getComputedStyle(el).backgroundColor });
    }
    return { canvasLuminance: luminance(backgroundOf(document.querySelector('.app'))), findings, checked };
  });
}

async function darkDesk(): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(session.host.url);
  await page.getByRole('button', { name: 'Bài mới' }).waitFor();
  return page;
}

describe('dark mode follows the system', () => {
  it('draws the article list and the editor dark, every text readable', async () => {
    const page = await darkDesk();
    await articleList(page).getByRole('button').first().click();
    await page.locator('.ProseMirror').first().waitFor();
    const { canvasLuminance, findings, checked } = await contrastOf(page);
    expect(canvasLuminance).toBeLessThan(0.05);
    expect(checked).toBeGreaterThan(40);
    expect(findings).toEqual([]);
    await page.context().close();
  });

  it('draws the print desk dark around white pages, every text readable', async () => {
    const page = await darkDesk();
    await page.getByRole('button', { name: 'Dàn trang', exact: true }).click();
    await page.locator('.page-card').first().waitFor();
    const { canvasLuminance, findings, checked } = await contrastOf(page);
    expect(canvasLuminance).toBeLessThan(0.05);
    expect(checked).toBeGreaterThan(20);
    expect(findings).toEqual([]);
    const pageCard = await page.locator('.page-card').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(pageCard).toBe('rgb(255, 255, 255)');
    await page.context().close();
  });

  it('stays light for a person whose system is light', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(session.host.url);
    await page.getByRole('button', { name: 'Bài mới' }).waitFor();
    const background = await page.locator('.app').evaluate((el) => getComputedStyle(el.ownerDocument.documentElement).backgroundColor);
    expect(background).toBe('rgb(245, 242, 236)');
    await context.close();
  });
});
