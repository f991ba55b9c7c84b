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
  /** Calls on a site already connected (its API root known). */
  session(apiRoot: string, credentials: SiteCredentials): PublishSession;
}

/** An article as the website receives it. */
export interface PostPayload {
  /** The article's workspace uid: how the site's post is found again, so it is never created twice. */
  uid: string;
  revision: number;
  title: string;
  contentHtml: string;
  excerpt: string;
  slug: string;
  status: 'publish' | 'draft' | 'pending';
  categories: string[];
  tags: string[];
  featuredMediaId: number | null;
  /** Publish at this moment (UTC ISO) instead of now; WordPress holds the post as "future" until then. */
  scheduledAt: string | null;
  /**
   * The post's modified time after our last write. If the site's differs, someone edited the post on
   * the web since, and the update is refused (conflict) instead of silently overwriting them. Null:
   * no check (first publish, or the user chose to overwrite).
   */
  expectedModified: string | null;
}

export interface MediaPayload {
  /** Content hash: the same picture is uploaded once per site. */
  hash: string;
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  alt: string;
  caption: string;
}

export interface PublishedPost {
  id: number;
  link: string;
  status: string;
  /** WordPress's modified_gmt after this write. */
  modified: string;
  created: boolean;
}

export interface PublishSession {
  /** Uploads a picture unless the site has it already (found by hash). */
  media(payload: MediaPayload): Promise<{ id: number; url: string }>;
  /** Creates the post, or updates the one made from this article before. */
  post(payload: PostPayload): Promise<PublishedPost>;
  /** Takes the article's post off the site (back to draft); null when the site never had it. */
  unpublish(uid: string): Promise<PublishedPost | null>;
}
