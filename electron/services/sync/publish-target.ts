/**
 * What the rest of the app needs from a web backend. WordPress is the one we ship; another
 * backend implements this interface without touching the outbox, mapping or UI.
 */

export interface SiteCredentials {
  url: string;
  username: string;
  password: string;
}

export interface SiteInfo {
  siteName: string;
  siteUrl: string;
  /** The API root as the site announced it (`…/wp-json/` or `…/?rest_route=/`). */
  apiRoot: string;
  user: { id: number; name: string; roles: string[] };
  can: { publish: boolean; upload: boolean; createCategories: boolean };
}

export interface PublishTarget {
  /** Finds the site's API, checks the credentials and what this user may do there. */
  connect(credentials: SiteCredentials): Promise<SiteInfo>;
}
