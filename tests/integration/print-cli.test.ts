import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const data = tempDir('lnv-print-cli-');
const samples = join(repoRoot, 'resources', 'samples');

describe('desk issue', () => {
  it('creates an issue and warns, without refusing, when the page count is not a multiple of 4', () => {
    const result = runCli(['issue', 'create', '--number', '457', '--month', '12', '--year', '2025', '--pages', '10', '--data', data]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Đã tạo Số 457 – Tháng 12/2025 (10 trang).');
    expect(result.stderr).toContain('Số trang 10 không chia hết cho 4: khi in và đóng gáy cần 8 hoặc 12 trang.');
  });

  it('places an article by number and shows the plan as spreads with the contents', () => {
    expect(runCli(['issue', 'place', '457', '1', '--page', '4', '--pages', '2', '--data', data]).stdout).toContain('trang 4–5');
    const shown = runCli(['issue', 'show', '457', '--data', data]).stdout;
    expect(shown).toMatch(/ {2}4: article «Làng gốm Bát Tràng rộn ràng đơn hàng cuối năm» \[article-opener\] {3}\| {5}5: article/);
    expect(shown).toMatch(/Mục lục:\n {4}4 {2}Làng nghề — Làng gốm Bát Tràng/);
    const clash = runCli(['issue', 'place', '457', '2', '--page', '5', '--data', data]);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('Trang 5 đang có một bài khác');
  });

  it('fails preflight with exit code 1 and names each problem with its page', () => {
    const result = runCli(['issue', 'preflight', '457', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LỖI [page-count]: Số trang 10 không chia hết cho 4');
    expect(result.stdout).toContain('LỖI trang 6 [empty-page]: Trang 6 chưa được dàn (trang trống).');
  }, 60_000);

  it('builds a whole issue from a JSON description and exports its proof PDF', () => {
    const dir = tempDir('lnv-issue-json-');
    copyFileSync(join(samples, 'images', 'bia-so-456.jpg'), join(dir, 'bia.jpg'));
    copyFileSync(join(samples, 'images', 'quang-cao-gom-hong-ha.jpg'), join(dir, 'quang-cao.jpg'));
    writeFileSync(
      join(dir, 'bai.md'),
      '# Làng lụa Vạn Phúc vào mùa cưới\n\nLNV - Những ngày cuối năm, khung cửi ở Vạn Phúc chạy suốt đêm.\n\nNghề dệt lụa ở đây có từ hơn nghìn năm; các xưởng nay nhận đơn may áo dài cưới từ khắp nơi.\n\nNhiều gia đình mở thêm phòng trưng bày để khách tự chọn vải và hoa văn.\n',
    );
    writeFileSync(
      join(dir, 'so-458.json'),
      JSON.stringify({
        number: 458,
        month: 1,
        year: 2026,
        pageCount: 4,
        pages: [
          { page: 1, kind: 'cover', image: 'bia.jpg' },
          { page: 2, kind: 'toc' },
          { page: 4, kind: 'ad', image: 'quang-cao.jpg', label: 'Quảng cáo Gốm Hồng Hà' },
        ],
        articles: [{ article: 'bai.md', page: 3 }],
      }),
    );
    const out = join(dir, 'out');
    const result = runCli(['issue', 'build', join(dir, 'so-458.json'), '--export', out, '--only', 'proof', '--data', data]);
    expect(result.stderr).not.toContain('Lỗi');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3  Làng lụa Vạn Phúc vào mùa cưới');
    const proof = join(out, 'so-458-tap-chi-lang-nghe-viet-nam-2026-ban-in-thu.pdf');
    expect(result.stdout).toContain(proof);
    expect(execFileSync('pdfinfo', [proof], { encoding: 'utf8' })).toMatch(/Pages:\s+4\n/);
    expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', proof, '-'], { encoding: 'utf8' })).toContain('khung cửi ở Vạn Phúc');
  }, 90_000);

  it('refuses a JSON description with mistakes and says where', () => {
    const dir = tempDir('lnv-issue-bad-');
    writeFileSync(join(dir, 'hong.json'), JSON.stringify({ number: 'bốn', month: 13, year: 2026, pageCount: 4 }));
    const result = runCli(['issue', 'build', join(dir, 'hong.json'), '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('mô tả số báo chưa đúng');
    expect(result.stderr).toMatch(/number: /);
    expect(result.stderr).toMatch(/month: /);
  });
});
