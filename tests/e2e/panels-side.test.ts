import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { field, articleList, rowTitled, tab, waitSaved, newArticle } from './desk-page.js';

const desk = useDeskSession();

describe('side panels beside the open article', () => {
  it('lists a proofing finding for a seeded problem and fixes it with one click', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Làng lụa Vạn Phúc vào mùa cưới');
    await field(page, 'Sapo').fill('LNV -Làng nghề  dệt dệt lụa');
    await page.getByRole('textbox', { name: 'Nội dung', exact: true }).click();
    await page.keyboard.type('Tiếng khung cửi cửi vang khắp xóm.');
    await waitSaved(page);

    await tab(page, 'Soát lỗi').click();
    await page.getByRole('button', { name: 'Soát lỗi', exact: true }).click();
    const sapoGroup = page.getByRole('region', { name: 'Lỗi ở phần Sapo' });
    const prefix = sapoGroup.getByRole('listitem').filter({ hasText: 'Tiền tố nguồn' });
    await prefix.waitFor();
    // Errors and warnings are counted in the tab's label.
    expect(await tab(page, 'Soát lỗi').innerText()).toMatch(/\d/);

    await prefix.getByRole('button', { name: 'Sửa', exact: true }).click();
    await expect.poll(() => field(page, 'Sapo').inputValue()).toMatch(/^LNV - Làng nghề/);
    await expect.poll(() => sapoGroup.getByRole('listitem').filter({ hasText: 'Tiền tố nguồn' }).count()).toBe(0);

    // The rest (double space, doubled word) are safe to fix all at once.
    await page.getByRole('button', { name: 'Sửa tất cả chỗ an toàn' }).click();
    await expect.poll(() => field(page, 'Sapo').inputValue()).toBe('LNV - Làng nghề dệt lụa');
    // The body's doubled word sits in one text node, so it is fixed too.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Nội dung', exact: true }).innerText())
      .toBe('Tiếng khung cửi vang khắp xóm.');
    // Typing still saves after the editor reloaded the fixed article.
    await field(page, 'Sapo').press('End');
    await page.keyboard.type(' Hà Đông');
    await waitSaved(page);
    await page.reload();
    await rowTitled(articleList(page), 'Làng lụa Vạn Phúc vào mùa cưới').click();
    await expect.poll(() => field(page, 'Sapo').inputValue()).toBe('LNV - Làng nghề dệt lụa Hà Đông');
  });

  it('adds, answers and resolves a note that survives a reload, and signs status changes', async () => {
    const title = 'Nón lá làng Chuông vào vụ';
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, title);
    await field(page, 'Sapo').fill('LNV - Người làng Chuông chằm nón quanh năm.');
    await waitSaved(page);

    await tab(page, 'Ghi chú').click();
    await field(page, 'Tên của bạn').fill('Trần Thu Hà');
    await page.getByRole('button', { name: 'Lưu tên' }).click();
    await page.getByText('ký tên “Trần Thu Hà”').waitFor();

    // A note on the words selected in the sapo keeps them as its quote.
    await field(page, 'Sapo').click();
    await field(page, 'Sapo').press('Home');
    for (let i = 0; i < 'LNV - Người làng Chuông'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.getByText('Gắn với đoạn chọn trong Sapo').waitFor();
    await field(page, 'Ghi chú mới').fill('Kiểm tra lại tên làng với tác giả.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();

    const threads = page.getByRole('list', { name: 'Các luồng ghi chú' });
    const thread = threads.getByRole('listitem').filter({ hasText: 'Kiểm tra lại tên làng' });
    await thread.waitFor();
    expect(await thread.locator('blockquote').innerText()).toContain('“LNV - Người làng Chuông”');
    await thread.getByLabel('Trả lời ghi chú').fill('Đã hỏi: đúng là làng Chuông.');
    await thread.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await thread.getByText('Đã hỏi: đúng là làng Chuông.').waitFor();
    await thread.getByRole('button', { name: 'Đã xử lý' }).click();
    await thread.getByRole('button', { name: 'Mở lại' }).waitFor();

    await field(page, 'Trạng thái').selectOption({ label: 'Chờ biên tập' });
    await waitSaved(page);
    const workflow = page.getByRole('list', { name: 'Quá trình xử lý bài' });
    await workflow.getByRole('listitem').filter({ hasText: 'Chờ biên tập' }).filter({ hasText: 'Trần Thu Hà' }).waitFor();

    await page.reload();
    await rowTitled(articleList(page), title).click();
    await tab(page, 'Ghi chú').click();
    const again = page.getByRole('list', { name: 'Các luồng ghi chú' }).getByRole('listitem').filter({ hasText: 'Kiểm tra lại tên làng' });
    await again.getByText('Đã hỏi: đúng là làng Chuông.').waitFor();
    await again.getByRole('button', { name: 'Mở lại' }).waitFor();
    expect(await again.innerText()).toContain('Trần Thu Hà');
    await page.getByRole('list', { name: 'Quá trình xử lý bài' }).getByText('Trần Thu Hà').first().waitFor();
  });

  it('shows the words added since a revision', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Nghề dệt Vạn Phúc');
    await page.keyboard.press('Control+s');
    await waitSaved(page);
    await field(page, 'Tiêu đề').fill('Nghề dệt lụa Vạn Phúc');
    await waitSaved(page);

    await page.getByRole('button', { name: 'Lịch sử', exact: true }).click();
    const revisions = page.getByRole('list', { name: 'Các phiên bản' });
    await rowTitled(revisions, 'Nghề dệt Vạn Phúc').first().click();
    const diff = page.getByRole('region', { name: 'Khác biệt' });
    const titleDiff = diff.getByRole('region', { name: 'Thay đổi ở phần Tiêu đề' });
    await expect.poll(() => titleDiff.locator('ins').allInnerTexts()).toEqual([expect.stringContaining('lụa')]);
    // Restoring still works from the tabbed panel.
    await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe('Nghề dệt Vạn Phúc');
  });

  it('previews the seeded article as on the website, desktop and mobile', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await rowTitled(articleList(page), 'Làng gốm Bát Tràng').first().click();
    await tab(page, 'Xem trước').click();
    const iframe = page.locator('iframe[title="Bài như trên trang web"]');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const frame = page.frameLocator('iframe[title="Bài như trên trang web"]');
    await expect.poll(() => frame.locator('h1').innerText()).toContain('Làng gốm Bát Tràng');
    expect(await frame.locator('.lnv-web-sapo strong').innerText()).toBe('LNV -');
    expect(await frame.locator('figcaption').first().innerText()).toContain('Những chiếc bình men lam');
    await expect.poll(() => frame.locator('img').first().evaluate((el) => {
          const img = el as unknown as { complete: boolean; naturalWidth: number };
          return img.complete && img.naturalWidth > 0;
        })).toBe(true);

    const wide = (await iframe.boundingBox())?.width ?? 0;
    await page.getByRole('button', { name: 'Giao diện di động' }).click();
    await expect.poll(async () => (await iframe.boundingBox())?.width ?? 0).toBeLessThanOrEqual(392);
    expect(wide).toBeGreaterThan(392);
    await page.getByRole('button', { name: 'Máy tính' }).click();
    await expect.poll(async () => (await iframe.boundingBox())?.width ?? 0).toBe(wide);
  });
});
