import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paragraphsToBody } from '../../shared/article-body.js';
import { DeskError } from '../../shared/errors.js';
import { RANKED_MATCH_LIMIT } from '../../electron/services/store/article-search.js';
import { AUTOSAVE_REVISION_INTERVAL_MS } from '../../electron/services/store/article-store.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { manualClock, tempDir } from '../support/temp-dir.js';

async function emptyWorkspace(clock = manualClock()) {
  const ws = await Workspace.open(tempDir(), { seed: false, now: clock.now });
  const section = ws.catalog.addSection('Làng nghề');
  return { ws, clock, section };
}

function expectDeskError(fn: () => unknown, code: string): DeskError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe(code);
    return error as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('articles', () => {
  it('keeps every field, derives text, HTML and the syllable count, and stores NFC', async () => {
    const { ws, section } = await emptyWorkspace();
    const nfd = (s: string) => s.normalize('NFD');
    const created = ws.articles.create({ title: nfd('Làng gốm Bát Tràng'), sectionId: section.id });
    ws.articles.save(
      created.id,
      {
        kicker: 'Làng nghề',
        sapo: 'LNV - Lò gốm đỏ lửa.',
        body: paragraphsToBody([nfd('Thừa Thiên Huế và Đà Nẵng.'), 'Đoạn hai <b>.']),
        byline: 'Minh Khôi',
        tags: ['gốm sứ', 'Bát Tràng', 'gốm sứ'],
        slug: 'lang-gom-bat-trang',
      },
      'explicit',
    );
    const article = ws.articles.get(created.id);
    expect(article.title).toBe('Làng gốm Bát Tràng');
    expect(article.bodyText).toBe('Thừa Thiên Huế và Đà Nẵng.\n\nĐoạn hai <b>.');
    expect(article.bodyHtml).toBe('<p>Thừa Thiên Huế và Đà Nẵng.</p><p>Đoạn hai &lt;b&gt;.</p>');
    expect(article.tags).toEqual(['gốm sứ', 'Bát Tràng']);
    expect(article.sectionName).toBe('Làng nghề');
    expect(article.wordCount).toBe(5 + 6 + 3);
    const stored = ws.db.prepare('SELECT a.title, b.body_json FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?').get(created.id) as { title: string; body_json: string };
    expect(stored.title).toBe(stored.title.normalize('NFC'));
    expect(stored.body_json).toContain('Thừa Thiên Huế');
    ws.close();
  });

  it('refuses unknown ids, sections and edits of trashed articles with Vietnamese messages', async () => {
    const { ws } = await emptyWorkspace();
    expect(expectDeskError(() => ws.articles.get(999), 'not_found').message).toContain('Không tìm thấy bài số 999');
    const a = ws.articles.create({ title: '' });
    expectDeskError(() => ws.articles.save(a.id, { sectionId: 77 }, 'autosave'), 'invalid_input');
    ws.articles.trash(a.id);
    expectDeskError(() => ws.articles.save(a.id, { title: 'x' }, 'autosave'), 'invalid_input');
    ws.close();
  });

  it('accepts an empty title and a one-megabyte paragraph', async () => {
    const { ws } = await emptyWorkspace();
    const a = ws.articles.create({});
    const huge = 'làng nghề '.repeat(100_000);
    ws.articles.save(a.id, { body: paragraphsToBody([huge]) }, 'explicit');
    const article = ws.articles.get(a.id);
    expect(article.title).toBe('');
    expect(article.bodyText.length).toBe(huge.trimEnd().length + 1);
    expect(article.wordCount).toBe(200_000);
    expect(ws.search.search({ query: 'lang nghe', offset: 0, limit: 5 }).items[0]?.article.id).toBe(a.id);
    ws.close();
  });

  it('moves articles to the trash and back', async () => {
    const { ws } = await emptyWorkspace();
    const a = ws.articles.create({ title: 'Bài sẽ xoá' });
    ws.articles.trash(a.id);
    const list = (trash: boolean) => ws.articles.list({ trash, sort: 'updated', order: 'desc', offset: 0, limit: 50 });
    expect(list(false).items.map((x) => x.id)).not.toContain(a.id);
    expect(list(true).items.map((x) => x.id)).toEqual([a.id]);
    expect(ws.search.search({ query: 'bai se xoa', offset: 0, limit: 5 }).total).toBe(0);
    ws.articles.restore(a.id);
    expect(list(false).items.map((x) => x.id)).toContain(a.id);
    expect(ws.search.search({ query: 'bai se xoa', offset: 0, limit: 5 }).total).toBe(1);
    ws.close();
  });

  it('sorts titles in Vietnamese order and filters by status and section', async () => {
    const { ws, section } = await emptyWorkspace();
    for (const title of ['Đồng Kỵ', 'Dệt lụa', 'Ăn Tết', 'An Giang', 'Bát Tràng']) ws.articles.create({ title });
    const other = ws.articles.create({ title: 'Âm thanh', sectionId: section.id });
    ws.articles.save(other.id, { status: 'approved' }, 'autosave');
    const titles = ws.articles.list({ trash: false, sort: 'title', order: 'asc', offset: 0, limit: 50 }).items.map((a) => a.title);
    expect(titles).toEqual(['An Giang', 'Ăn Tết', 'Âm thanh', 'Bát Tràng', 'Dệt lụa', 'Đồng Kỵ']);
    const approved = ws.articles.list({ status: 'approved', trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 50 });
    expect(approved.items.map((a) => a.title)).toEqual(['Âm thanh']);
    const inSection = ws.articles.list({ sectionId: section.id, trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 50 });
    expect(inSection.total).toBe(1);
    ws.close();
  });
});

describe('revisions', () => {
  it('snapshots on explicit save, on status change, and at most every 30 s while typing', async () => {
    const { ws, clock } = await emptyWorkspace();
    const a = ws.articles.create({ title: 'v1' });
    const reasons = () => ws.articles.revisions(a.id).map((r) => r.reason);
    expect(reasons()).toEqual(['created']);

    clock.advance(1000);
    expect(ws.articles.save(a.id, { title: 'v2' }, 'autosave').revisionId).toBeNull();
    clock.advance(10_000);
    expect(ws.articles.save(a.id, { title: 'v3' }, 'autosave').revisionId).toBeNull();
    clock.advance(AUTOSAVE_REVISION_INTERVAL_MS);
    expect(ws.articles.save(a.id, { title: 'v4' }, 'autosave').revisionId).not.toBeNull();
    clock.advance(1000);
    ws.articles.save(a.id, { title: 'v5' }, 'explicit');
    clock.advance(1000);
    ws.articles.save(a.id, { status: 'submitted' }, 'autosave');
    expect(reasons()).toEqual(['status', 'explicit', 'autosave', 'created']);
    expect(ws.articles.revisions(a.id).map((r) => r.title)).toEqual(['v5', 'v5', 'v4', 'v1']);

    const again = ws.articles.save(a.id, {}, 'explicit');
    expect(again.revisionId).toBe(ws.articles.revisions(a.id)[0]?.id);
    ws.close();
  });

  it('restores an old revision as a new revision', async () => {
    const { ws, clock } = await emptyWorkspace();
    const a = ws.articles.create({ title: 'Tiêu đề đầu', body: paragraphsToBody(['Nội dung đầu']) });
    const first = ws.articles.revisions(a.id)[0]!;
    clock.advance(60_000);
    ws.articles.save(a.id, { title: 'Tiêu đề sau', body: paragraphsToBody(['Nội dung sau']), tags: ['mới'] }, 'explicit');
    const restored = ws.articles.restoreRevision(first.id);
    expect(restored.title).toBe('Tiêu đề đầu');
    expect(restored.bodyText).toBe('Nội dung đầu');
    expect(restored.tags).toEqual([]);
    expect(ws.articles.revisions(a.id).map((r) => r.reason)).toEqual(['restore', 'explicit', 'created']);
    expect(ws.search.search({ query: 'noi dung dau', offset: 0, limit: 5 }).total).toBe(1);
    expect(ws.search.search({ query: 'noi dung sau', offset: 0, limit: 5 }).total).toBe(0);
    ws.close();
  });
});

describe('workflow and notes', () => {
  it('records who moved an article along the workflow and when', async () => {
    const { ws, clock } = await emptyWorkspace();
    ws.catalog.setSetting('user.name', 'Hoàng Lan');
    const a = ws.articles.create({ title: 'Bài' });
    clock.advance(60_000);
    ws.articles.save(a.id, { status: 'submitted' }, 'autosave');
    ws.catalog.setSetting('user.name', 'Trần Quốc Bảo');
    clock.advance(60_000);
    ws.articles.save(a.id, { status: 'edited', title: 'Bài đã sửa' }, 'autosave');
    ws.articles.save(a.id, { title: 'Không đổi trạng thái' }, 'autosave');
    expect(ws.notes.statusHistory(a.id).map((c) => [c.fromStatus, c.toStatus, c.changedBy, c.changedAt])).toEqual([
      [null, 'draft', 'Hoàng Lan', '2025-11-20T08:00:00.000Z'],
      ['draft', 'submitted', 'Hoàng Lan', '2025-11-20T08:01:00.000Z'],
      ['submitted', 'edited', 'Trần Quốc Bảo', '2025-11-20T08:02:00.000Z'],
    ]);
    ws.close();
  });

  it('keeps threaded notes, anchored comments, and resolves a thread as a whole', async () => {
    const { ws } = await emptyWorkspace();
    const a = ws.articles.create({ title: 'Bài có ghi chú' });
    const thread = ws.notes.add({ articleId: a.id, body: 'Kiểm tra lại số liệu.', author: 'Biên tập', anchor: { field: 'body', quote: '12 tỷ đồng' } });
    const reply = ws.notes.add({ articleId: a.id, body: 'Đã hỏi Sở Công Thương.', author: 'Phóng viên', parentId: thread.id });
    const replyToReply = ws.notes.add({ articleId: a.id, body: 'Cảm ơn.', author: 'Biên tập', parentId: reply.id });
    expect(replyToReply.parentId).toBe(thread.id);
    expect(ws.notes.list(a.id).map((n) => n.anchor?.quote ?? null)).toEqual(['12 tỷ đồng', null, null]);
    ws.notes.resolve(reply.id, true, 'Biên tập');
    expect(ws.notes.list(a.id).every((n) => n.resolvedBy === 'Biên tập' && n.resolvedAt)).toBe(true);
    ws.notes.resolve(thread.id, false, 'Biên tập');
    expect(ws.notes.list(a.id).every((n) => n.resolvedAt === null)).toBe(true);
    expectDeskError(() => ws.notes.add({ articleId: a.id, body: '   ', author: 'x' }), 'invalid_input');
    const other = ws.articles.create({ title: 'Bài khác' });
    expectDeskError(() => ws.notes.add({ articleId: other.id, body: 'lạc luồng', author: 'x', parentId: thread.id }), 'invalid_input');
    expectDeskError(() => ws.notes.list(4242), 'not_found');
    ws.close();
  });
});

describe('search', () => {
  async function searchable() {
    const { ws, section } = await emptyWorkspace();
    const make = (title: string, body: string, extra: object = {}) =>
      ws.articles.create({ title, body: paragraphsToBody([body]), ...extra }).id;
    const ids = {
      khuyenCongTitle: make('Khuyến công Thái Nguyên', 'Hỗ trợ chè.'),
      khuyenCongBody: make('Chè Tân Cương', 'Chương trình khuyến công giúp cơ sở chế biến.', { sectionId: section.id }),
      daNang: make('Hội chợ ở Đà Nẵng', 'Nhiều làng nghề tham gia.'),
      hoa: make('Hoà Bình', 'Thổ cẩm Mường.'),
      unrelated: make('Nước mắm Phú Quốc', 'Cá cơm và muối.'),
    };
    return { ws, section, ids };
  }

  it('finds the same articles with or without tone marks, in any case, with đ as d', async () => {
    const { ws, ids } = await searchable();
    const found = (query: string) => new Set(ws.search.search({ query, offset: 0, limit: 20 }).items.map((h) => h.article.id));
    const expected = new Set([ids.khuyenCongTitle, ids.khuyenCongBody]);
    expect(found('khuyen cong')).toEqual(expected);
    expect(found('KHUYẾN CÔNG')).toEqual(expected);
    expect(found('khuyến công')).toEqual(expected);
    expect(found('khuyến công'.normalize('NFD'))).toEqual(expected);
    expect(found('da nang')).toEqual(new Set([ids.daNang]));
    expect(found('ĐÀ NẴNG')).toEqual(new Set([ids.daNang]));
    expect(found('hòa binh')).toEqual(new Set([ids.hoa]));
    expect(found('hoà')).toEqual(new Set([ids.hoa]));
    expect(found('   ')).toEqual(new Set());
    expect(found('"*) OR (')).toEqual(new Set());
    ws.close();
  });

  it('ranks title hits first and highlights the original text', async () => {
    const { ws, ids } = await searchable();
    const result = ws.search.search({ query: 'khuyen cong', offset: 0, limit: 20 });
    expect(result.items.map((h) => h.article.id)).toEqual([ids.khuyenCongTitle, ids.khuyenCongBody]);
    const bodyHit = result.items[1]!;
    const marked = bodyHit.snippet.highlights.map(([s, e]) => bodyHit.snippet.text.slice(s, e));
    expect(marked).toEqual(['khuyến', 'công']);
    const titleHit = result.items[0]!;
    expect(titleHit.titleHighlights.map(([s, e]) => titleHit.article.title.slice(s, e))).toEqual(['Khuyến', 'công']);
    ws.close();
  });

  it('filters by section and status and finds words as they are typed', async () => {
    const { ws, section, ids } = await searchable();
    expect(ws.search.search({ query: 'khuyen cong', sectionId: section.id, offset: 0, limit: 20 }).items.map((h) => h.article.id)).toEqual([ids.khuyenCongBody]);
    expect(ws.search.search({ query: 'khuyen cong', status: 'approved', offset: 0, limit: 20 }).total).toBe(0);
    expect(ws.search.search({ query: 'phu quo', offset: 0, limit: 20 }).items.map((h) => h.article.id)).toEqual([ids.unrelated]);
    ws.close();
  });

  it('lists title matches first, then the newest, when a query matches more than can be ranked', async () => {
    const { ws } = await emptyWorkspace();
    const inTitle = ws.articles.create({ title: 'Lụa Vạn Phúc', body: paragraphsToBody(['Nội dung.']) }).id;
    ws.db.transaction(() => {
      for (let i = 0; i < RANKED_MATCH_LIMIT + 10; i++) ws.articles.create({ title: `Bài ${i}`, body: paragraphsToBody([`Vải lụa số ${i}.`]) });
    })();
    const newest = ws.articles.list({ trash: false, sort: 'created', order: 'desc', offset: 0, limit: 1 }).items[0]!.id;
    const result = ws.search.search({ query: 'lua', offset: 0, limit: 5 });
    expect(result).toMatchObject({ total: RANKED_MATCH_LIMIT, totalIsLowerBound: true });
    expect(result.items.map((h) => h.article.id).slice(0, 2)).toEqual([inTitle, newest]);
    expect(ws.search.search({ query: 'lua', offset: 1, limit: 1 }).items[0]?.article.id).toBe(newest);
    expect(ws.search.search({ query: 'van phuc', offset: 0, limit: 5 })).toMatchObject({ total: 1, totalIsLowerBound: false });
    ws.close();
  });

  it('finds tags and bylines', async () => {
    const { ws } = await emptyWorkspace();
    const a = ws.articles.create({ title: 'Bài', byline: 'Nguyễn Văn Đức', tags: ['Đồng Kỵ'] });
    expect(ws.search.search({ query: 'nguyen van duc', offset: 0, limit: 5 }).items[0]?.article.id).toBe(a.id);
    expect(ws.search.search({ query: 'dong ky', offset: 0, limit: 5 }).items[0]?.article.id).toBe(a.id);
    ws.close();
  });
});

describe('assets', () => {
  it('stores an image once by content, with its pixel size, caption, credit and alt', async () => {
    const { ws } = await emptyWorkspace();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a0522d' } }).png().toBuffer();
    const first = await ws.addImage(png, 'gốm.png', { caption: 'Bình gốm', credit: 'Ảnh: LNV', alt: 'Bình' });
    const second = await ws.addImage(png, 'copy.png', { caption: 'Khác' });
    expect(second.hash).toBe(first.hash);
    expect(second).toMatchObject({ width: 640, height: 480, mimeType: 'image/png', caption: 'Bình gốm', credit: 'Ảnh: LNV' });
    const path = ws.assetFiles.pathOf(first.hash);
    expect(readFileSync(path).equals(png)).toBe(true);
    expect(ws.catalog.updateAsset(first.hash, { caption: 'Mới' }).caption).toBe('Mới');
    const cropped = ws.catalog.updateAsset(first.hash, { focalX: 0.3, focalY: 0.6, crop: { x: 0.1, y: 0, width: 0.8, height: 0.75 } });
    expect(cropped).toMatchObject({ caption: 'Mới', focalX: 0.3, focalY: 0.6, crop: { x: 0.1, width: 0.8 } });
    expect(ws.catalog.updateAsset(first.hash, { crop: null }).crop).toBeNull();
    ws.close();
  });

  it('refuses a file that only pretends to be an image, keeping nothing', async () => {
    const { ws } = await emptyWorkspace();
    await expect(ws.addImage(Buffer.from('<svg onload=alert(1)>'), 'anh.jpg')).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('không phải ảnh hợp lệ'),
    });
    expect(existsSync(join(ws.dataDir, 'assets'))).toBe(false);
    ws.close();
  });
});

describe('opening a data folder', () => {
  it('refuses a file that is not a database and leaves it untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'workspace.sqlite');
    const content = 'Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n'.repeat(50);
    writeFileSync(path, content);
    await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'not_a_database', message: expect.stringContaining('giữ nguyên') });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database whose pages are damaged, leaving it in place', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    ws.close();
    const path = join(dir, 'workspace.sqlite');
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 100, bytes.length);
    writeFileSync(path, bytes);
    const size = statSync(path).size;
    await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'not_a_database' });
    expect(statSync(path).size).toBe(size);
  });

  it('seeds again after a first start that failed half way', async () => {
    const dir = tempDir();
    const broken = tempDir();
    writeFileSync(join(broken, 'workspace.json'), '{"sections": []}');
    await expect(Workspace.open(dir, { resourcesDir: broken })).rejects.toThrow();
    const ws = await Workspace.open(dir);
    expect(ws.articles.count()).toBeGreaterThanOrEqual(6);
    ws.close();
  });

  it('seeds a new folder with the magazine, issue Số 456 and sample articles', async () => {
    const ws = await Workspace.open(tempDir());
    expect(ws.catalog.profile().name).toBe('Tạp chí Làng nghề Việt Nam');
    expect(ws.catalog.printIssues()[0]).toMatchObject({ number: 456, status: 'planning', slug: 'so-456-tap-chi-lang-nghe-viet-nam-2025' });
    const sections = ws.catalog.sections().map((s) => s.name);
    expect(sections).toEqual(expect.arrayContaining(['Khuyến công', 'Làng nghề', 'OCOP', 'Nông thôn mới']));
    const articles = ws.articles.list({ trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 50 }).items;
    expect(articles.length).toBeGreaterThanOrEqual(6);
    const withImages = articles.map((a) => ws.articles.get(a.id)).find((a) => a.bodyHtml.includes('<figure'));
    expect(withImages?.bodyHtml).toContain('<figcaption>');
    expect(withImages?.sapo.startsWith('LNV - ')).toBe(true);
    ws.close();
  });
});
