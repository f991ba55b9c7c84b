import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { tempDir } from '../support/temp-dir.js';

let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

beforeAll(async () => {
  ws = await Workspace.open(tempDir('lnv-docx-'));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
});

/** A Word file as a reporter would send it: title, styled text, a table, pictures with captions, a footnote. */
async function reporterDocx(): Promise<Buffer> {
  const picture = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#7a4b2a' } }).jpeg().toBuffer();
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true } }] },
    footnotes: { 1: { children: [new Paragraph('Số liệu của Sở Công Thương năm 2025.')] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Nghề mây tre đan Phú Vinh')] }),
          new Paragraph({ children: [new TextRun('LNV - Làng Phú Vinh giữ nghề đan mây hơn 400 năm.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Bàn tay khéo')] }),
          new Paragraph({
            children: [
              new TextRun('Sản phẩm '),
              new TextRun({ text: 'xuất khẩu', bold: true }),
              new TextRun(' sang '),
              new TextRun({ text: 'Nhật Bản', italics: true }),
              new TextRun(' tăng 20%'),
              new FootnoteReferenceRun(1),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'jpg', data: picture, transformation: { width: 400, height: 250 }, altText: { name: 'Rổ mây', description: 'Rổ mây', title: 'Rổ mây' } })] }),
          new Paragraph({ style: 'Caption', children: [new TextRun('Nghệ nhân đan rổ mây tại Phú Vinh.')] }),
          new Paragraph({ children: [new ImageRun({ type: 'jpg', data: picture, transformation: { width: 400, height: 250 } })] }),
          new Paragraph({ children: [new TextRun({ text: 'Ảnh: Sản phẩm trưng bày tại hội chợ.', italics: true })] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Năm')] }), new TableCell({ children: [new Paragraph('Doanh thu')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('2025')] }), new TableCell({ children: [new Paragraph('12 tỷ đồng')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('Word import and export', () => {
  it('imports a reporter’s .docx with headings, marks, a table, captioned pictures and endnotes', async () => {
    const { article, warnings } = await call('articles.importDocx', { fileName: 'may-tre.docx', dataBase64: (await reporterDocx()).toString('base64') });
    expect(warnings).toEqual([]);
    const full = await call('articles.get', { id: article.id });
    expect(full.title).toBe('Nghề mây tre đan Phú Vinh');
    expect(full.sapo).toBe('LNV - Làng Phú Vinh giữ nghề đan mây hơn 400 năm.');
    expect(full.bodyHtml).toContain('<h2>Bàn tay khéo</h2>');
    expect(full.bodyHtml).toContain('<strong>xuất khẩu</strong>');
    expect(full.bodyHtml).toContain('<em>Nhật Bản</em>');
    expect(full.bodyHtml).toContain('tăng 20%<sup>1</sup>.');
    const figures = [...full.bodyHtml.matchAll(/<figure[^>]*><img src="asset:([a-f0-9]{64})" alt="([^"]*)"[^>]*><figcaption>(.*?)<\/figcaption><\/figure>/g)];
    expect(figures.map((f) => [f[2], f[3]])).toEqual([
      ['Rổ mây', 'Nghệ nhân đan rổ mây tại Phú Vinh.'],
      ['', '<em>Ảnh: Sản phẩm trưng bày tại hội chợ.</em>'],
    ]);
    expect(figures[0]?.[1]).toBe(figures[1]?.[1]);
    expect(ws.catalog.asset(figures[0]![1]!)).toMatchObject({ width: 1600, height: 1000 });
    expect(full.bodyHtml).toMatch(/<table><tbody><tr><td><p>Năm<\/p><\/td><td><p>Doanh thu<\/p><\/td><\/tr>/);
    expect(full.bodyHtml).toMatch(/<h3>Chú thích<\/h3><ol><li><p>Số liệu của Sở Công Thương năm 2025\.\s*<\/p><\/li><\/ol>$/);
  });

  it('exports an article to .docx that imports back with the same structure', async () => {
    const sample = (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith('Làng gốm Bát Tràng'))!;
    const original = await call('articles.get', { id: sample.id });
    const exported = await call('articles.export', { id: sample.id, format: 'docx' });
    expect(exported).toMatchObject({ encoding: 'base64', fileName: 'lang-gom-bat-trang-ron-rang-don-hang-cuoi-nam.docx' });
    expect(Buffer.from(exported.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    const { article } = await call('articles.importDocx', { fileName: exported.fileName, dataBase64: exported.content });
    const back = await call('articles.get', { id: article.id });
    expect(back).toMatchObject({ kicker: original.kicker, title: original.title, sapo: original.sapo });
    const outline = (html: string) => [...html.matchAll(/<(h2|h3|ul|blockquote|figcaption)>/g)].map((m) => m[1]);
    expect(outline(back.bodyHtml)).toEqual(outline(original.bodyHtml));
    expect(back.bodyText).toContain('Những chiếc bình men lam vừa ra lò');
  });

  it('keeps a pull quote through Word', async () => {
    const sample = (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith('Khung cửi'))!;
    expect((await call('articles.get', { id: sample.id })).bodyHtml).toContain('<blockquote class="lnv-pull-quote" data-attribution="Chị Vàng Thị Dợ">');
    const exported = await call('articles.export', { id: sample.id, format: 'docx' });
    const { article } = await call('articles.importDocx', { fileName: exported.fileName, dataBase64: exported.content });
    expect((await call('articles.get', { id: article.id })).bodyHtml).toContain('<blockquote class="lnv-pull-quote">Dệt vải là cách mẹ dạy con gái nhớ về tổ tiên. — Chị Vàng Thị Dợ</blockquote>');
  });

  it('refuses a broken or fake .docx with a clear message and creates nothing', async () => {
    const before = (await call('articles.list', {})).total;
    for (const bytes of [Buffer.from('Đây không phải tệp Word'), Buffer.from('PK\u0003\u0004 hỏng giữa chừng')]) {
      await expect(call('articles.importDocx', { fileName: 'hong.docx', dataBase64: bytes.toString('base64') })).rejects.toMatchObject({
        code: 'invalid_file',
        message: expect.stringContaining('không đọc được như tài liệu Word'),
      });
    }
    expect((await call('articles.list', {})).total).toBe(before);
  });
});
