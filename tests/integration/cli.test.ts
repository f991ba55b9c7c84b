import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('desk CLI', () => {
  let data: string;
  beforeAll(() => {
    data = tempDir('lnv-cli-');
  });

  it('lists the seeded workspace as a table and as JSON', () => {
    const text = runCli(['list', '--data', data]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Làng gốm Bát Tràng');
    expect(text.stdout).toMatch(/Tổng: \d+ bài/);
    const json = runCli(['list', '--json', '--data', data]);
    const parsed = JSON.parse(json.stdout) as { items: { title: string }[]; total: number };
    expect(parsed.total).toBeGreaterThanOrEqual(6);
    expect(parsed.items.every((a) => a.title.length > 0)).toBe(true);
  });

  it('searches without tone marks, from LNV_DESK_DATA too', () => {
    const result = runCli(['search', 'lang', 'gom', 'bat', 'trang', '--json'], { LNV_DESK_DATA: data });
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as { items: { article: { title: string } }[] };
    expect(hits.items[0]?.article.title).toBe('Làng gốm Bát Tràng rộn ràng đơn hàng cuối năm');
    expect(runCli(['search', 'DONG KY', '--data', data]).stdout).toContain('[Đồng] [Kỵ]');
  });

  it('imports HTML and Markdown with local images, prints the new ids, and exports them back', async () => {
    const dir = tempDir('lnv-import-');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } }).jpeg().toFile(join(dir, 'anh lua.jpg'));
    writeFileSync(
      join(dir, 'bai.md'),
      '# Lụa Vạn Phúc vào mùa cưới\n\nLNV - Làng lụa tất bật.\n\n## Nghề dệt\n\nĐoạn **đậm** và [liên kết](https://example.vn).\n\n![Khung dệt](anh%20lua.jpg)\n\n- một\n- hai\n',
    );
    writeFileSync(
      join(dir, 'bai.html'),
      '<html><body><h1>Nón lá Chuông</h1><p>Nội dung <script>alert(1)</script><a href="javascript:alert(2)">xấu</a></p><img src="https://example.vn/x.jpg"></body></html>',
    );
    const result = runCli(['import', join(dir, 'bai.md'), join(dir, 'bai.html'), '--data', data]);
    expect(result.status).toBe(0);
    const ids = result.stdout.trim().split('\n').map(Number);
    expect(ids).toHaveLength(2);
    expect(result.stderr).toContain('Bỏ qua 1 ảnh');

    const md = JSON.parse(runCli(['export', String(ids[0]), '--format', 'json', '--data', data]).stdout) as {
      title: string;
      sapo: string;
      bodyHtml: string;
    };
    expect(md.title).toBe('Lụa Vạn Phúc vào mùa cưới');
    expect(md.sapo).toBe('LNV - Làng lụa tất bật.');
    expect(md.bodyHtml).toContain('<h2>Nghề dệt</h2>');
    expect(md.bodyHtml).toContain('<strong>đậm</strong>');
    expect(md.bodyHtml).toMatch(/<figure class="lnv-figure"><img src="asset:[a-f0-9]{64}"/);
    expect(md.bodyHtml).toContain('<ul>');

    const outFile = join(dir, 'non-la.html');
    expect(runCli(['export', String(ids[1]), '--format', 'html', '--out', outFile, '--data', data]).status).toBe(0);
    const html = readFileSync(outFile, 'utf8');
    expect(html).toContain('<h1>Nón lá Chuông</h1>');
    expect(html).not.toMatch(/script|javascript:/);
  });

  it('refuses a file that is not UTF-8 and keeps importing the others', () => {
    const dir = tempDir('lnv-import-');
    writeFileSync(join(dir, 'hong.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28, 0xff, 0xfe]));
    writeFileSync(join(dir, 'tot.html'), '<h1>Bài tốt</h1><p>Nội dung.</p>');
    const result = runCli(['import', join(dir, 'hong.html'), join(dir, 'tot.html'), '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('không phải văn bản UTF-8 hợp lệ');
    expect(result.stdout.trim()).toMatch(/^\d+$/);
  });

  it('proofs a file and an article with positions, severities and fixes', () => {
    const dir = tempDir('lnv-proof-');
    writeFileSync(join(dir, 'bai.md'), '# Hội nghị khuyến công\n\nLNV -Trung tâm tổ chức hội nghị.\n\nÔng Ngô Quang Trung phát biểu biểu khai mạc. Ông Ngô Quang cho biết có 1,000 đại biểu.\n');
    const result = runCli(['proof', join(dir, 'bai.md'), '--json', '--data', data]);
    expect(result.status).toBe(0);
    const findings = JSON.parse(result.stdout) as { rule: string; field: string; start: number; severity: string; replacement?: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['source-prefix-space', 'doubled-word', 'name-variants', 'number-format']);
    expect(findings[0]).toMatchObject({ field: 'sapo', start: 0, severity: 'warning', replacement: 'LNV - ' });
    const seeded = runCli(['proof', '1', '--data', data]);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('Không thấy lỗi.');
  });

  it('answers user mistakes with exit code 1 and a Vietnamese message', () => {
    const unknownId = runCli(['export', '99999', '--format', 'html', '--data', data]);
    expect(unknownId.status).toBe(1);
    expect(unknownId.stderr).toContain('Không tìm thấy bài số 99999');
    const badFormat = runCli(['export', '1', '--format', 'pdf', '--data', data]);
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain('format');
    expect(runCli(['frobnicate', '--data', data]).stderr).toContain('Không có lệnh "frobnicate"');
    expect(runCli(['import', '/khong/co/tep.md', '--data', data]).status).toBe(1);
    expect(runCli(['search', '--data', data]).status).toBe(1);
    expect(runCli(['list', '--bogus']).status).toBe(1);
  });

  it('backs up online to a file that opens as the same workspace, and checks integrity', async () => {
    const out = join(tempDir('lnv-backup-'), 'sao-luu.sqlite');
    const backup = runCli(['backup', '--out', out, '--data', data]);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('Đã sao lưu');
    const restoredDir = tempDir('lnv-restored-');
    writeFileSync(join(restoredDir, 'workspace.sqlite'), readFileSync(out));
    const restored = await Workspace.open(restoredDir);
    expect(restored.search.search({ query: 'bat trang', offset: 0, limit: 5 }).total).toBeGreaterThan(0);
    restored.close();
    const check = runCli(['check', '--data', data]);
    expect(check.status).toBe(0);
    expect(check.stdout.trim()).toBe('ok');
  });

  it('refuses a data folder whose database is not a database, without overwriting it', () => {
    const dir = tempDir('lnv-broken-');
    const path = join(dir, 'workspace.sqlite');
    writeFileSync(path, 'không phải SQLite');
    const result = runCli(['list', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('không phải cơ sở dữ liệu');
    expect(readFileSync(path, 'utf8')).toBe('không phải SQLite');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
