import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { field, body, waitSaved, reopen } from './desk-page.js';

const desk = useDeskSession();

/**
 * What the screen shows after each Telex keystroke of a phrase, word by word ("Tieesng" shows
 * T, Ti, Tie, Tiê, Tiế, Tiến, Tiếng).
 */
const TIENG_VIET_DEP: string[][] = [
  ['T', 'Ti', 'Tie', 'Tiê', 'Tiế', 'Tiến', 'Tiếng'],
  ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'],
  ['d', 'đ', 'đe', 'đẹ', 'đẹp'],
];
const PHRASE = 'Tiếng Việt đẹp';

/**
 * Unikey, EVKey and OpenKey do not compose: on a key that changes a letter they send real
 * Backspaces for what changed and type the new letters.
 */
async function unikeyType(page: Page, words: string[][]) {
  for (const [index, states] of words.entries()) {
    if (index > 0) await page.keyboard.type(' ');
    let shown = '';
    for (const next of states) {
      let common = 0;
      while (common < shown.length && shown[common] === next[common]) common++;
      for (let i = common; i < shown.length; i++) await page.keyboard.press('Backspace');
      const added = next.slice(common);
      if (common === shown.length && added.length === 1 && /^[a-z]$/i.test(added)) await page.keyboard.type(added);
      else await page.keyboard.insertText(added);
      shown = next;
    }
  }
}

/** macOS Telex and ibus-bamboo compose: the word grows under a composition, then is committed. */
async function composeWord(cdp: CDPSession, steps: string[]) {
  for (const step of steps) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text: steps[steps.length - 1] ?? '' });
}

const isNfc = (text: string) => text === text.normalize('NFC');

async function innerText(locator: Locator) {
  return (await locator.innerText()).replace(/\n+$/, '');
}

describe('Vietnamese input methods in the editor', () => {
  it('takes Unikey-style Telex (Backspace and retype) in the title, the sapo and the body', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
    await field(page, 'Tiêu đề').and(page.locator(':focus')).waitFor();
    await unikeyType(page, TIENG_VIET_DEP);
    expect(await field(page, 'Tiêu đề').inputValue()).toBe(PHRASE);

    await field(page, 'Sapo').click();
    await unikeyType(page, TIENG_VIET_DEP);
    expect(await field(page, 'Sapo').inputValue()).toBe(PHRASE);

    await body(page).click();
    await unikeyType(page, TIENG_VIET_DEP);
    expect(await innerText(body(page))).toBe(PHRASE);
    await waitSaved(page);

    await reopen(page, PHRASE);
    const sapo = await field(page, 'Sapo').inputValue();
    const text = await innerText(body(page));
    expect(sapo).toBe(PHRASE);
    expect(text).toBe(PHRASE);
    expect(isNfc(sapo) && isNfc(text)).toBe(true);
  });

  it('takes composed input (macOS, ibus) inside a bold word and inside a link', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Gõ có gạch chân tạm';
    await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
    await field(page, 'Tiêu đề').and(page.locator(':focus')).waitFor();
    await page.keyboard.type(title);
    const cdp = await page.context().newCDPSession(page);

    await body(page).click();
    await page.keyboard.type('Chữ ');
    await page.keyboard.press('Control+b');
    await composeWord(cdp, ['d', 'dd', 'đ', 'đa', 'đâ', 'đậ', 'đậm']);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' và xem tin');

    // Link the last word, then compose inside it: "ti|n" becomes "tiến".
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    page.once('dialog', (dialog) => void dialog.accept('https://langngheviet.com.vn/'));
    await page.getByRole('button', { name: 'Chèn liên kết', exact: true }).click();
    await body(page).locator('a').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await composeWord(cdp, ['e', 'ê', 'ế']);

    const expected = 'Chữ đậm và xem tiến';
    expect(await innerText(body(page))).toBe(expected);
    expect(await body(page).locator('strong').innerText()).toBe('đậm');
    expect(await body(page).locator('a').innerText()).toBe('tiến');
    await waitSaved(page);

    await reopen(page, title);
    const text = await innerText(body(page));
    expect(text).toBe(expected);
    expect(isNfc(text)).toBe(true);
    expect(await body(page).locator('strong').innerText()).toBe('đậm');
    expect(await body(page).locator('a').innerText()).toBe('tiến');
    expect(await body(page).locator('a').getAttribute('href')).toBe('https://langngheviet.com.vn/');
  });
});
