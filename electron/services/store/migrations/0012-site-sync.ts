import type { Migration } from './index.js';

export const migration0012SiteSync: Migration = {
  version: 12,
  name: 'sharing through the site: what each sync saw, per site and per article, and pictures fetched from it',
  up(db) {
    db.exec(`
      CREATE TABLE site_sync (
        site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
        -- The newest modified_gmt among the draft and pending posts read: the next pull starts there.
        pulled_until TEXT NOT NULL DEFAULT '',
        last_sync_at TEXT,
        report_json TEXT
      );
      CREATE TABLE synced_articles (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        -- The article's updated_at when it last matched its post: a different one means it changed here.
        local_updated_at TEXT NOT NULL,
        -- A web edit (its modified_gmt) not taken because the article changed here too.
        conflict_modified TEXT,
        PRIMARY KEY (site_id, article_id)
      );
      CREATE TABLE site_assets (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        asset_hash TEXT NOT NULL,
        -- The hash the site's media item is found by (its lnv_desk_hash), so the picture is not uploaded again.
        media_hash TEXT NOT NULL,
        PRIMARY KEY (site_id, url)
      );
      CREATE INDEX site_assets_hash ON site_assets(site_id, asset_hash);
    `);
  },
};
