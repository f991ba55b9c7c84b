import { describe, expect, it } from 'vitest';
import { XSS_CORPUS, executableParts } from '../support/xss-corpus.js';
import { openDesk, useDeskSession } from './desk-host.js';
import { body, newArticle, tab, waitSaved } from './desk-page.js';

const desk = useDeskSession();

describe('hostile HTML pasted into the editor', () => {
  it('runs nothing, keeps the text, and stays inert in the editor and in the web preview', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Bài dán từ trang lạ');
    await body(page).click();
    for (const { html } of XSS_CORPUS) {
      // A paste event as the system clipboard delivers copied web content.
      await page.evaluate(`(() => {
        const data = new DataTransfer();
        data.setData('text/html', ${JSON.stringify(html)});
        data.setData('text/plain', 'chữ thường');
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      })()`);
    }
    await waitSaved(page);
    expect(await body(page).innerText()).toContain('Làng gốm Bát Tràng');
    expect(await body(page).innerText()).toContain('Đường dẫn tương đối');
    expect(executableParts(await body(page).innerHTML())).toEqual([]);

    await tab(page, 'Xem trước').click();
    const preview = page.locator('iframe.web-preview-frame');
    await preview.waitFor();
    expect(await preview.getAttribute('sandbox')).toBe('');
    const srcDoc = (await preview.getAttribute('srcdoc')) ?? '';
    expect(srcDoc).toContain('Làng gốm Bát Tràng');
    expect(executableParts(srcDoc)).toEqual([]);
    // Handlers that fire late (image errors, focus, toggles) have had their chance by now.
    expect(await page.evaluate('window.__ran ?? null')).toBeNull();
  });
});
