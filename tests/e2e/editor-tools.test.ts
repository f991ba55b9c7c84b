import { readFile } from 'node:fs/promises';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { field, body, articleList, waitSaved, newArticle, reopen } from './desk-page.js';

const desk = useDeskSession();

const tool = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** A call through the host, as the renderer makes it. */
async function call<T>(name: string, input: unknown): Promise<T> {
  const url = new URL(desk.host.url);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1] ?? '';
  const response = await fetch(`${url.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; result?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.result as T;
}

async function articleTitled(title: string): Promise<{ id: number; bodyHtml: string }> {
  const list = await call<{ items: { id: number; title: string }[] }>('articles.list', { limit: 500 });
  const found = list.items.find((item) => item.title === title);
  if (!found) throw new Error(`no article titled ${title}`);
  return call('articles.get', { id: found.id });
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#8a2e1a' } }).png().toBuffer();

describe('the editor tools', () => {
  it('pastes Word HTML with its structure and without styles, scripts or dangerous links', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Dán từ Word';
    await newArticle(page, title);
    const dataPng = (await png(40, 30)).toString('base64');
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-name:x}</style></head><body>
      <!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
      <h1 class="MsoTitle" style="mso-style-link:x">Làng nghề gốm</h1>
      <p class="MsoNormal" style="mso-bidi-font-family:Arial;font-family:'Times New Roman'"><b>Đậm</b> và <i>nghiêng</i><o:p></o:p></p>
      <p onclick="alert(1)"><a href="javascript:alert(2)">liên kết xấu</a> <a href="https://langngheviet.com.vn/" onmouseover="x()">liên kết tốt</a></p>
      <script>alert('xss')</script>
      <ul><li>Một</li><li>Hai</li></ul>
      <table class="MsoTableGrid" style="border:solid"><tr><td>Ô 1</td><td>Ô 2</td></tr><tr><td>Ô 3</td><td>Ô 4</td></tr></table>
      <p><img src="data:image/png;base64,${dataPng}" alt="ảnh"><img src="https://example.com/remote.png"></p>
      </body></html>`;
    await body(page).click();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', ${JSON.stringify(html)});
      data.setData('text/plain', 'Làng nghề gốm');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await body(page).locator('figure img').waitFor();
    await waitSaved(page);

    const saved = (await articleTitled(title)).bodyHtml;
    expect(saved).toContain('<h2>Làng nghề gốm</h2>');
    expect(saved).toMatch(/<strong>Đậm<\/strong>/);
    expect(saved).toMatch(/<em>nghiêng<\/em>/);
    expect(saved).toContain('href="https://langngheviet.com.vn/"');
    expect(saved).toContain('liên kết xấu');
    expect(saved).toMatch(/<ul>.*<li>.*Một.*<\/li>.*<li>.*Hai.*<\/li>.*<\/ul>/s);
    expect(saved).toMatch(/<table[\s>]/);
    expect(saved).toContain('Ô 4');
    expect(saved).toContain('<figure');
    for (const bad of ['javascript:', 'onclick', 'onmouseover', 'alert', 'mso-', 'o:p', 'MsoNormal', 'style=', 'Times New Roman', 'example.com']) {
      expect(saved).not.toContain(bad);
    }
  });

  it('keeps a pull quote and a table through a reload', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Trích dẫn và bảng';
    await newArticle(page, title);
    await body(page).click();
    await page.keyboard.type('Nghề gốm là hồn của làng');
    page.once('dialog', (dialog) => void dialog.accept('Nghệ nhân Trần Độ'));
    await tool(page, 'Trích dẫn nổi bật').click();
    await body(page).locator('blockquote.lnv-pull-quote').waitFor();
    await tool(page, 'Chèn bảng 3×3').click();
    await body(page).locator('table').waitFor();
    await page.keyboard.type('Năm');
    await tool(page, 'Thêm hàng').click();
    await expect.poll(() => body(page).locator('tr').count()).toBe(4);
    await waitSaved(page);

    await reopen(page, title);
    const quote = body(page).locator('blockquote.lnv-pull-quote');
    expect(await quote.innerText()).toBe('Nghề gốm là hồn của làng');
    expect(await quote.getAttribute('data-attribution')).toBe('Nghệ nhân Trần Độ');
    expect(await body(page).locator('tr').count()).toBe(4);
    expect(await body(page).locator('th').count()).toBe(3);
    expect(await body(page).locator('th').first().innerText()).toBe('Năm');
  });

  it('warns when a picture is too small to print at its width, and not when it is large enough', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Ảnh nhỏ và ảnh lớn');
    await body(page).click();
    const panel = page.getByRole('complementary', { name: 'Thông tin ảnh đang chọn' });

    await page.getByTestId('image-file').setInputFiles({ name: 'nho.png', mimeType: 'image/png', buffer: await png(300, 200) });
    await body(page).locator('figure figcaption').first().click();
    await panel.getByText('300 × 200 px').waitFor();
    await panel.getByText(/Ảnh chỉ đạt \d+ ppi khi in rộng [\d,.]+ mm \(cần ≥ 200 ppi, tối thiểu \d+ px\)/).waitFor();

    await page.keyboard.press('Control+End');
    await page.getByTestId('image-file').setInputFiles({ name: 'lon.png', mimeType: 'image/png', buffer: await png(2000, 1400) });
    await expect.poll(() => body(page).locator('figure').count()).toBe(2);
    await body(page).locator('figure figcaption').nth(1).click();
    await panel.getByText('2000 × 1400 px').waitFor();
    expect(await panel.getByText('Ảnh chỉ đạt').count()).toBe(0);

    // A picture file dropped on the body becomes a figure too.
    const dropped = (await png(64, 64)).toString('base64');
    // The page code runs in Chromium; Node's type library has no DragEvent.
    await page.evaluate(`(() => {
      const el = document.querySelector('.article-body');
      const bytes = Uint8Array.from(atob(${JSON.stringify(dropped)}), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'keo-tha.png', { type: 'image/png' }));
      const box = el.getBoundingClientRect();
      const at = { clientX: box.left + 20, clientY: box.top + 10, bubbles: true, cancelable: true, dataTransfer: data };
      el.dispatchEvent(new DragEvent('dragover', at));
      el.dispatchEvent(new DragEvent('drop', at));
    })()`);
    await expect.poll(() => body(page).locator('figure').count()).toBe(3);
  });

  it('imports a Word file as a new article and exports one as Word', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Bài để xuất Word');
    await body(page).click();
    await page.keyboard.type('Nội dung xuất ra Word.');
    await waitSaved(page);

    const downloaded = page.waitForEvent('download');
    await tool(page, 'Xuất Word').click();
    const download = await downloaded;
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const title = 'Làng gốm Phù Lãng giữ lửa';
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Gốm Phù Lãng mang men da lươn đặc trưng.' }),
          ],
        },
      ],
    });
    const docx = await Packer.toBuffer(doc);
    await page.getByTestId('docx-file').setInputFiles({
      name: 'phu-lang.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    // The imported article opens in the editor by itself, and it is in the list.
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe(title);
    await articleList(page).getByRole('button').filter({ hasText: title }).first().waitFor();
    await expect.poll(() => body(page).innerText()).toContain('Gốm Phù Lãng mang men da lươn đặc trưng.');
  });

  it('imports Markdown through the same button and refuses a file that is not UTF-8', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Bài mở sẵn');
    await page.getByTestId('docx-file').setInputFiles({
      name: 'non-la.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Nón lá làng Chuông\n\nLNV - Làng Chuông giữ nghề.\n\n## Lá cọ\n\nMỗi chiếc nón **16 vành**.\n'),
    });
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe('Nón lá làng Chuông');
    await expect.poll(() => field(page, 'Sapo').inputValue()).toBe('LNV - Làng Chuông giữ nghề.');
    await expect.poll(() => body(page).innerText()).toContain('Mỗi chiếc nón 16 vành.');

    await page.getByTestId('docx-file').setInputFiles({ name: 'hong.html', mimeType: 'text/html', buffer: Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe]) });
    await page.getByRole('alert').filter({ hasText: 'không phải văn bản UTF-8' }).waitFor();
  });

  it('inserts a gallery and related articles, edits a picture credit and focal point, and counts', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Bộ ảnh và tin liên quan';
    await call('articles.create', { title: 'Gốm Chu Đậu hồi sinh' });
    await newArticle(page, title);
    await body(page).click();
    await page.keyboard.type('Làng nghề Việt Nam');
    const stats = page.getByTestId('body-stats');
    await stats.getByText('4 chữ').waitFor();
    await stats.getByText('18 ký tự').waitFor();
    await stats.getByText(/ước tính/).waitFor();

    await page.keyboard.press('Enter');
    await page.getByTestId('gallery-files').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: await png(120, 80) },
      { name: 'b.png', mimeType: 'image/png', buffer: await png(80, 120) },
    ]);
    await expect.poll(() => body(page).locator('.lnv-gallery figure').count()).toBe(2);

    await body(page).locator('.lnv-gallery figure figcaption').first().click();
    const panel = page.getByRole('complementary', { name: 'Thông tin ảnh đang chọn' });
    await panel.getByLabel('Nguồn ảnh').fill('Ảnh: Minh Đức');
    await panel.getByLabel('Nguồn ảnh').press('Tab');
    await panel.getByRole('button', { name: 'Chọn điểm nhấn của ảnh' }).click({ position: { x: 10, y: 10 } });
    await panel.getByText(/Điểm nhấn: \d+% ngang/).filter({ hasNotText: '50% ngang' }).waitFor();
    await tool(page, 'Ảnh rộng (tràn các cột)').click();
    await expect.poll(() => body(page).locator('figure.lnv-figure-wide').count()).toBe(1);

    await page.keyboard.press('Control+End');
    await tool(page, 'Tin liên quan').click();
    const picker = page.getByRole('dialog', { name: 'Chọn tin liên quan' });
    await picker.getByLabel('Tìm bài').fill('chu dau');
    await picker.getByRole('checkbox', { name: 'Gốm Chu Đậu hồi sinh' }).check();
    await picker.getByRole('button', { name: 'Chèn 1 bài' }).click();
    await body(page).locator('aside.lnv-related a').filter({ hasText: 'Gốm Chu Đậu hồi sinh' }).waitFor();
    expect(await body(page).locator('aside.lnv-related').getAttribute('contenteditable')).toBe('false');
    await waitSaved(page);

    const saved = (await articleTitled(title)).bodyHtml;
    expect(saved).toContain('lnv-gallery');
    expect(saved).toContain('data-credit="Ảnh: Minh Đức"');
    expect(saved).toContain('lnv-figure-wide');
    expect(saved).toMatch(/data-article-uid="[^"]+"[^>]*>Gốm Chu Đậu hồi sinh/);
    const hash = /data-asset="([a-f0-9]{64})"/.exec(saved)?.[1] ?? '';
    const asset = await call<{ credit: string; focalX: number; focalY: number }>('assets.get', { hash });
    expect(asset.credit).toBe('Ảnh: Minh Đức');
    expect(asset.focalX).toBeLessThan(0.5);
    expect(asset.focalY).toBeLessThan(0.5);
  });
});
