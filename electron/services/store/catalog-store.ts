import { DeskError } from '../../../shared/errors.js';
import { PrintLayout, PublicationProfile, type Asset, type CropRect, type PrintIssue, type Section, type Tag } from '../../../shared/model/workspace.js';
import { slugify } from '../../../shared/text/vietnamese.js';
import { statement, type Db } from './database.js';

export const DEFAULT_PROFILE: PublicationProfile = {
  print: PrintLayout.parse({}),
  name: 'Tạp chí Làng nghề Việt Nam',
  shortName: 'LNV',
  sourcePrefix: 'LNV - ',
  website: 'https://langngheviet.com.vn',
  language: 'vi',
  titleMaxLength: 150,
  sapoMaxLength: 600,
  quotes: 'typographic',
  thousandsSeparator: '.',
  allowedDoublings: [],
  extraWords: ['video', 'internet', 'online', 'website', 'email', 'logo', 'container', 'pía', 'Kạn', 'OCOP'],
  /** The same address as `publish.url` in electron-builder.yml, where release machines upload. */
  updateFeedUrl: 'https://langngheviet.com.vn/lnv-desk/updates/',
};

export interface NewPrintIssue {
  number: number;
  title: string;
  publishDate: string;
  pageCount: number;
  status: PrintIssue['status'];
}

/** Everything around the articles: profile, sections, tags, print issues, image records. */
export class CatalogStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  profile(): PublicationProfile {
    const row = statement(this.db, 'SELECT data FROM profile WHERE id = 1').get() as { data: string } | undefined;
    if (!row) return DEFAULT_PROFILE;
    return PublicationProfile.parse({ ...DEFAULT_PROFILE, ...(JSON.parse(row.data) as object) });
  }

  /** Nothing written yet: no profile, sections or articles (a new folder, or a first start that failed). */
  isEmpty(): boolean {
    return (
      statement(this.db, 'SELECT 1 FROM profile UNION ALL SELECT 1 FROM sections UNION ALL SELECT 1 FROM articles LIMIT 1').get() === undefined
    );
  }

  updateProfile(patch: Partial<PublicationProfile>): PublicationProfile {
    const next = PublicationProfile.parse({ ...this.profile(), ...patch });
    statement(this.db, 'INSERT INTO profile (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data')
      .run(JSON.stringify(next));
    return next;
  }

  /** A per-workspace setting; the name of the person at this desk lives here. */
  setting(key: string): string | null {
    const row = statement(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? row.value : null;
  }

  setSetting(key: string, value: string): void {
    statement(this.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  sections(): Section[] {
    return statement(this.db, 'SELECT id, name, slug, position FROM sections ORDER BY position, id').all() as Section[];
  }

  addSection(name: string): Section {
    const position = (statement(this.db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM sections').get() as { p: number }).p;
    const result = statement(this.db, 'INSERT INTO sections (name, slug, position) VALUES (?, ?, ?)').run(name, slugify(name), position);
    return { id: Number(result.lastInsertRowid), name, slug: slugify(name), position };
  }

  tags(): Tag[] {
    return statement(this.db, 
        `SELECT t.id, t.name, t.slug, count(at.article_id) AS uses FROM tags t
         LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY uses DESC, t.name`,
      )
      .all() as Tag[];
  }

  printIssues(): PrintIssue[] {
    return statement(this.db, 
        `SELECT id, number, title, publish_date AS publishDate, page_count AS pageCount, status, slug
         FROM print_issues ORDER BY number DESC`,
      )
      .all() as PrintIssue[];
  }

  addPrintIssue(issue: NewPrintIssue): PrintIssue {
    const year = issue.publishDate.slice(0, 4);
    const slug = slugify(`Số ${issue.number} ${this.profile().name} ${year}`);
    const result = statement(this.db, 'INSERT INTO print_issues (number, title, publish_date, page_count, status, slug) VALUES (?, ?, ?, ?, ?, ?)')
      .run(issue.number, issue.title, issue.publishDate, issue.pageCount, issue.status, slug);
    return { id: Number(result.lastInsertRowid), ...issue, slug };
  }

  asset(hash: string): Asset {
    const row = statement(this.db, 
        `SELECT hash, file_name AS fileName, mime_type AS mimeType, byte_size AS byteSize, width, height, caption,
           credit, alt, focal_x AS focalX, focal_y AS focalY, crop_json AS cropJson, created_at AS createdAt FROM assets WHERE hash = ?`,
      )
      .get(hash) as (Omit<Asset, 'crop'> & { cropJson: string | null }) | undefined;
    if (!row) throw new DeskError('not_found', 'Không tìm thấy ảnh này trong kho.');
    const { cropJson, ...asset } = row;
    return { ...asset, crop: cropJson ? (JSON.parse(cropJson) as CropRect) : null };
  }

  hasAsset(hash: string): boolean {
    return statement(this.db, 'SELECT 1 FROM assets WHERE hash = ?').get(hash) !== undefined;
  }

  /** The same picture added twice is one record; a second add keeps the first caption unless it was empty. */
  recordAsset(asset: Omit<Asset, 'createdAt' | 'focalX' | 'focalY' | 'crop'>): Asset {
    statement(this.db, 
        `INSERT INTO assets (hash, file_name, mime_type, byte_size, width, height, caption, credit, alt, created_at)
         VALUES (@hash, @fileName, @mimeType, @byteSize, @width, @height, @caption, @credit, @alt, @createdAt)
         ON CONFLICT(hash) DO UPDATE SET
           caption = CASE WHEN assets.caption = '' THEN excluded.caption ELSE assets.caption END,
           credit = CASE WHEN assets.credit = '' THEN excluded.credit ELSE assets.credit END,
           alt = CASE WHEN assets.alt = '' THEN excluded.alt ELSE assets.alt END`,
      )
      .run({ ...asset, createdAt: this.now().toISOString() });
    return this.asset(asset.hash);
  }

  updateAsset(
    hash: string,
    patch: { caption?: string; credit?: string; alt?: string; focalX?: number; focalY?: number; crop?: CropRect | null },
  ): Asset {
    const current = this.asset(hash);
    const crop = patch.crop !== undefined ? patch.crop : current.crop;
    statement(this.db, 'UPDATE assets SET caption = ?, credit = ?, alt = ?, focal_x = ?, focal_y = ?, crop_json = ? WHERE hash = ?')
      .run(
        patch.caption ?? current.caption,
        patch.credit ?? current.credit,
        patch.alt ?? current.alt,
        patch.focalX ?? current.focalX,
        patch.focalY ?? current.focalY,
        crop ? JSON.stringify(crop) : null,
        hash,
      );
    return this.asset(hash);
  }
}
