import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphsToBody } from '../../shared/article-body.js';
import { latestSchemaVersion, openDatabase, schemaVersion, type Db } from '../../electron/services/store/database.js';
import { MIGRATIONS } from '../../electron/services/store/migrations/index.js';
import { indexArticle } from '../../electron/services/store/search-index.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { tempDir } from '../support/temp-dir.js';

const HASH = 'b'.repeat(64);

/** Rows as an older version of the app wrote them, for the schema at that version. */
const writeOldData: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare("INSERT INTO sections (id, name, slug, position) VALUES (1, 'Làng nghề', 'lang-nghe', 1)").run();
    db.prepare(
      "INSERT INTO print_issues (id, number, title, publish_date, page_count, status, slug) VALUES (1, 455, 'Số 455', '2025-10-15', 96, 'printed', 'so-455')",
    ).run();
    db.prepare(
      `INSERT INTO articles (id, uid, section_id, issue_id, title, title_sort, sapo, body_json, body_text, body_html, byline,
         source_prefix, slug, status, word_count, created_at, updated_at)
       VALUES (1, 'uid-1', 1, 1, 'Gốm Phù Lãng ở Đà Nẵng', '', 'LNV - Sapo cũ.', ?, 'Nội dung từ phiên bản cũ.', '<p>Nội dung từ phiên bản cũ.</p>',
         'Hoàng Lan', 'LNV - ', 'gom-phu-lang', 'approved', 9, '2025-10-01T00:00:00.000Z', '2025-10-02T00:00:00.000Z')`,
    ).run(JSON.stringify(paragraphsToBody(['Nội dung từ phiên bản cũ.'])));
    db.prepare("INSERT INTO tags (id, name, slug) VALUES (1, 'gốm', 'gom')").run();
    db.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, 1, 0)').run();
  },
  2: (db) => {
    writeOldData[1]!(db);
    db.prepare(
      `INSERT INTO revisions (article_id, reason, status, title, word_count, fields_json, created_at)
       VALUES (1, 'explicit', 'approved', 'Gốm Phù Lãng ở Đà Nẵng', 9, '{}', '2025-10-02T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO assets (hash, file_name, mime_type, byte_size, width, height, caption, credit, alt, created_at)
       VALUES (?, 'gom.jpg', 'image/jpeg', 1000, 2400, 1600, 'Bình gốm', 'Ảnh: LNV', 'Bình', '2025-10-01T00:00:00.000Z')`,
    ).run(HASH);
  },
  3: (db) => {
    writeOldData[2]!(db);
    indexArticle(db, { id: 1, title: 'Gốm Phù Lãng ở Đà Nẵng', sapo: 'LNV - Sapo cũ.', bodyText: 'Nội dung từ phiên bản cũ.', tags: ['gốm'], byline: 'Hoàng Lan' });
  },
  4: (db) => {
    writeOldData[3]!(db);
    db.prepare("INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at) VALUES (1, NULL, 'approved', 'Hoàng Lan', '2025-10-02T00:00:00.000Z')").run();
    db.prepare("INSERT INTO notes (article_id, author, body, created_at) VALUES (1, 'Biên tập', 'Xem lại tít.', '2025-10-02T00:00:00.000Z')").run();
  },
  5: (db) => {
    writeOldData[4]!(db);
    db.prepare('UPDATE assets SET focal_x = 0.25, crop_json = ? WHERE hash = ?').run(JSON.stringify({ x: 0, y: 0, width: 1, height: 0.5 }), HASH);
  },
  // From version 6 the body lives in article_bodies and saves queue the article for indexing.
  6: (db) => {
    db.prepare("INSERT INTO sections (id, name, slug, position) VALUES (1, 'Làng nghề', 'lang-nghe', 1)").run();
    db.prepare(
      "INSERT INTO print_issues (id, number, title, publish_date, page_count, status, slug) VALUES (1, 455, 'Số 455', '2025-10-15', 96, 'printed', 'so-455')",
    ).run();
    db.prepare(
      `INSERT INTO articles (id, uid, section_id, issue_id, title, title_sort, sapo, byline, source_prefix, slug, status, word_count, created_at, updated_at)
       VALUES (1, 'uid-1', 1, 1, 'Gốm Phù Lãng ở Đà Nẵng', '', 'LNV - Sapo cũ.', 'Hoàng Lan', 'LNV - ', 'gom-phu-lang', 'approved', 9,
         '2025-10-01T00:00:00.000Z', '2025-10-02T00:00:00.000Z')`,
    ).run();
    db.prepare('INSERT INTO article_bodies (article_id, body_text, body_json, body_html) VALUES (1, ?, ?, ?)').run(
      'Nội dung từ phiên bản cũ.',
      JSON.stringify(paragraphsToBody(['Nội dung từ phiên bản cũ.'])),
      '<p>Nội dung từ phiên bản cũ.</p>',
    );
    db.prepare("INSERT INTO tags (id, name, slug) VALUES (1, 'gốm', 'gom')").run();
    db.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, 1, 0)').run();
    db.prepare(
      `INSERT INTO revisions (article_id, reason, status, title, word_count, fields_json, created_at)
       VALUES (1, 'explicit', 'approved', 'Gốm Phù Lãng ở Đà Nẵng', 9, '{}', '2025-10-02T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO assets (hash, file_name, mime_type, byte_size, width, height, caption, credit, alt, focal_x, crop_json, created_at)
       VALUES (?, 'gom.jpg', 'image/jpeg', 1000, 2400, 1600, 'Bình gốm', 'Ảnh: LNV', 'Bình', 0.25, ?, '2025-10-01T00:00:00.000Z')`,
    ).run(HASH, JSON.stringify({ x: 0, y: 0, width: 1, height: 0.5 }));
    db.prepare("INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at) VALUES (1, NULL, 'approved', 'Hoàng Lan', '2025-10-02T00:00:00.000Z')").run();
    db.prepare("INSERT INTO notes (article_id, author, body, created_at) VALUES (1, 'Biên tập', 'Xem lại tít.', '2025-10-02T00:00:00.000Z')").run();
    db.prepare('INSERT INTO search_queue (article_id) VALUES (1)').run();
  },
  7: (db) => {
    writeOldData[6]!(db);
    db.prepare(
      `INSERT INTO sites (url, username, api_root, site_name, user_name, roles_json, can_json, connected_at)
       VALUES ('https://lnv.example/', 'bientap', 'https://lnv.example/wp-json/', 'LNV', 'Biên tập', '["editor"]', '{"publish":true,"upload":true,"createCategories":true}', '2025-10-02T00:00:00.000Z')`,
    ).run();
  },
  8: (db) => {
    writeOldData[7]!(db);
    db.prepare(
      `INSERT INTO publications (article_id, site_id, post_id, link, status, revision, published_at)
       VALUES (1, 1, 42, 'https://lnv.example/gom-phu-lang/', 'publish', 1, '2025-10-03T00:00:00.000Z')`,
    ).run();
  },
  9: (db) => {
    writeOldData[8]!(db);
    db.prepare(
      `INSERT INTO outbox_jobs (article_id, site_id, action, publish_status, state, next_attempt_at, created_by, created_at, updated_at)
       VALUES (1, 1, 'publish', 'publish', 'done', '2025-10-03T00:00:00.000Z', 'Hoàng Lan', '2025-10-03T00:00:00.000Z', '2025-10-03T00:00:00.000Z')`,
    ).run();
  },
  10: (db) => {
    writeOldData[9]!(db);
  },
  11: (db) => {
    writeOldData[10]!(db);
    db.prepare("INSERT INTO section_categories (site_id, section_id, category_id, category_name) VALUES (1, 1, 7, 'Làng nghề Việt')").run();
    db.prepare("INSERT INTO article_seo (article_id, description) VALUES (1, 'Gốm Phù Lãng giữa lòng Đà Nẵng.')").run();
  },
  12: (db) => {
    writeOldData[11]!(db);
  },
  13: (db) => {
    writeOldData[12]!(db);
  },
};

describe('schema migrations', () => {
  it('has one data fixture for every version before the latest', () => {
    const older = MIGRATIONS.map((m) => m.version).filter((v) => v < latestSchemaVersion());
    expect(Object.keys(writeOldData).map(Number)).toEqual(older);
  });

  for (const version of Object.keys(writeOldData).map(Number)) {
    it(`upgrades a version ${version} database without losing its articles, tags, history or images`, async () => {
      const dir = tempDir();
      const old = openDatabase(join(dir, 'workspace.sqlite'), { targetVersion: version });
      expect(schemaVersion(old)).toBe(version);
      writeOldData[version]!(old);
      old.close();

      const ws = await Workspace.open(dir);
      expect(schemaVersion(ws.db)).toBe(latestSchemaVersion());
      const article = ws.articles.get(1);
      expect(article).toMatchObject({ title: 'Gốm Phù Lãng ở Đà Nẵng', sectionName: 'Làng nghề', status: 'approved', tags: ['gốm'] });
      expect(article.bodyText).toBe('Nội dung từ phiên bản cũ.');
      expect(ws.articles.revisions(1).length).toBeGreaterThanOrEqual(1);
      if (version === 1) expect(ws.articles.revision(ws.articles.revisions(1)[0]!.id).fields.tags).toEqual(['gốm']);
      expect(ws.search.search({ query: 'da nang', offset: 0, limit: 5 }).items.map((h) => h.article.id)).toEqual([1]);
      expect(ws.articles.list({ trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 10 }).total).toBe(1);
      if (version >= 2 && version < 5) expect(ws.catalog.asset(HASH)).toMatchObject({ caption: 'Bình gốm', focalX: 0.5, focalY: 0.5, crop: null });
      if (version >= 5) expect(ws.catalog.asset(HASH)).toMatchObject({ focalX: 0.25, crop: { height: 0.5 } });
      if (version >= 4) expect(ws.notes.list(1).map((n) => n.body)).toEqual(['Xem lại tít.']);
      if (version >= 7) expect(ws.sites.list().map((s) => s.siteName)).toEqual(['LNV']);
      if (version >= 8) expect(ws.publications.linkByUid(1, 'uid-1')).toBe('https://lnv.example/gom-phu-lang/');
      if (version >= 9) expect(ws.outbox.list().map((j) => j.state)).toEqual(['done']);
      // From 12, sync remembers what it saw: a post published before the upgrade is found again, never synced yet.
      if (version >= 8) expect(ws.siteSync.articleForPost(1, 42)).toBe(1);
      // From 13, a publication remembers writes sent without an answer; none after an upgrade.
      if (version >= 8) expect(ws.publications.unconfirmedWrites(1, 1)).toEqual([]);
      if (version >= 7) expect([ws.siteSync.lastReport(1), ws.siteSync.syncedVersion(1, 1)]).toEqual([null, null]);
      if (version >= 7 && version < 11) expect(ws.webSettings.mappings(1).map((m) => m.mode)).toEqual(['auto']);
      if (version >= 11) {
        expect(ws.webSettings.mappings(1)).toEqual([{ sectionId: 1, sectionName: 'Làng nghề', mode: 'existing', categoryId: 7, categoryName: 'Làng nghề Việt' }]);
        expect(ws.webSettings.seoDescription(1)).toBe('Gốm Phù Lãng giữa lòng Đà Nẵng.');
      }
      if (version >= 6) expect(ws.printIssues.get(1).flatplan.pages.map((p) => p.kind).slice(0, 4)).toEqual(['cover', 'inside-cover', 'toc', 'empty']);
      expect(ws.notes.statusHistory(1).map((c) => c.toStatus)).toEqual(['approved']);
      ws.articles.save(1, { title: 'Sửa sau nâng cấp' }, 'explicit');
      expect(ws.articles.get(1).title).toBe('Sửa sau nâng cấp');
      ws.close();
    });
  }

  it('refuses a database from a newer version of the app', () => {
    const path = join(tempDir(), 'workspace.sqlite');
    const db = openDatabase(path);
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/phiên bản LNV Desk mới hơn/);
  });
});
