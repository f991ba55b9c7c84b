import { DeskError } from '../../../shared/errors.js';
import type { Site } from '../../../shared/model/site.js';
import { statement, type Db } from './database.js';

interface SiteRow extends Omit<Site, 'roles' | 'can'> {
  rolesJson: string;
  canJson: string;
}

const COLUMNS = `id, url, username, api_root AS apiRoot, site_name AS siteName, user_name AS userName,
  roles_json AS rolesJson, can_json AS canJson, connected_at AS connectedAt`;

/** Connected websites: address, account and what it may do; the password is stored elsewhere. */
export class SiteStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Site[] {
    return (statement(this.db, `SELECT ${COLUMNS} FROM sites ORDER BY id`).all() as SiteRow[]).map(siteOf);
  }

  get(id: number): Site {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM sites WHERE id = ?`).get(id) as SiteRow | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy trang web số ${id}.`);
    return siteOf(row);
  }

  /** Connecting the same account to the same site again refreshes it rather than adding a second one. */
  save(site: Omit<Site, 'id' | 'connectedAt'>): Site {
    statement(
      this.db,
      `INSERT INTO sites (url, username, api_root, site_name, user_name, roles_json, can_json, connected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (url, username) DO UPDATE SET api_root = excluded.api_root, site_name = excluded.site_name,
         user_name = excluded.user_name, roles_json = excluded.roles_json, can_json = excluded.can_json,
         connected_at = excluded.connected_at`,
    ).run(site.url, site.username, site.apiRoot, site.siteName, site.userName, JSON.stringify(site.roles), JSON.stringify(site.can), this.now().toISOString());
    const { id } = statement(this.db, 'SELECT id FROM sites WHERE url = ? AND username = ?').get(site.url, site.username) as { id: number };
    return this.get(id);
  }

  remove(id: number): void {
    this.get(id);
    statement(this.db, 'DELETE FROM sites WHERE id = ?').run(id);
  }
}

function siteOf(row: SiteRow): Site {
  const { rolesJson, canJson, ...rest } = row;
  return { ...rest, roles: JSON.parse(rolesJson) as string[], can: JSON.parse(canJson) as Site['can'] };
}
