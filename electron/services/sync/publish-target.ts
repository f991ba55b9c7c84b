import { DeskError } from '../../../shared/errors.js';

/**
 * What the rest of the app needs from a web backend. WordPress is the one we ship; another
 * backend implements this interface without touching the outbox, mapping or UI.
 */

/** The site refused to publish because the account may only write posts for review (a WordPress contributor). */
export class MayNotPublishError extends DeskError {}

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
  /** Categories by name: found on the site, or created when missing. */
  categories: string[];
  /** Categories the site has, chosen in the section ↔ category table. */
  categoryIds: number[];
  tags: string[];
  /** For search engines: sent as the meta SEO plugins read. */
  seoDescription: string;
  featuredMediaId: number | null;
  /** Publish at this moment (UTC ISO) instead of now; WordPress holds the post as "future" until then. */
  scheduledAt: string | null;
  /**
   * The post's modified time after our last write. If the site's differs, someone edited the post on
   * the web since, and the update is refused (conflict) instead of silently overwriting them. Null:
   * no check (first publish, or the user chose to overwrite).
   */
  expectedModified: string | null;
  /**
   * Writes this desk sent to the post without hearing back (it died, or the answer was lost). A post
   * holding one of them untouched holds our own write, not a web edit: updating it is no conflict.
   */
  unconfirmedWrites?: string[];
  /** Called with the write's key just before it is sent, so it can be noted durably first. */
  beforeWrite?: (writeKey: string) => void;
}

export interface MediaPayload {
  /** Content hash: the same picture is uploaded once per site. */
  hash: string;
  /** The file, or a promise of it, awaited only when the site does not have the picture yet. */
  bytes: Buffer | (() => Promise<Buffer>);
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
  /** What the site would not take but the post went out without (a tag the account may not create). */
  warnings?: string[];
}

/** The article's post as it is on the site now, for comparing with the desk's version. */
export interface RemotePost {
  id: number;
  link: string;
  status: string;
  modified: string;
  title: string;
  excerpt: string;
  contentHtml: string;
}

export interface RemoteCategory {
  id: number;
  name: string;
  parent: number;
}

export interface PublishSession {
  /** Uploads a picture unless the site has it already (found by hash). */
  media(payload: MediaPayload): Promise<{ id: number; url: string }>;
  /** Creates the post, or updates the one made from this article before. */
  post(payload: PostPayload): Promise<PublishedPost>;
  /** Takes the article's post off the site (back to draft); null when the site never had it. */
  unpublish(uid: string): Promise<PublishedPost | null>;
  /** The article's post as the site has it now (raw, as edited on the web); null when it has none. */
  fetchPost(uid: string): Promise<RemotePost | null>;
  /** The site's categories, for the section ↔ category table. */
  categories(): Promise<RemoteCategory[]>;
  /** Posts matching a filter, newest first, without their content (for choosing what to import, and for pulling). */
  listPosts(filter: PostFilter): Promise<{ items: WebPostSummary[]; more: boolean }>;
  /** One post with everything an article is made from. */
  readPost(id: number): Promise<WebPost>;
  /** Writes an article's uid into a post made on the web, so publishing the article later updates that post. */
  claimPost(id: number, uid: string): Promise<PublishedPost>;
  /** A picture the site shows, without the account's credentials (it may live on another host). */
  download(url: string): Promise<{ bytes: Buffer; mimeType: string; fileName: string }>;
}

/** Which posts to list. Dates are the site's own calendar ("2025-10-01T00:00:00", no zone). */
export interface PostFilter {
  statuses: string[];
  categoryId?: number;
  after?: string;
  before?: string;
  search?: string;
  /** modified: the most recently changed first (pulling); date: the newest post first (importing). */
  orderBy: 'date' | 'modified';
  offset: number;
  limit: number;
}

export interface WebPostSummary {
  id: number;
  /** The uid of the workspace article the post was made from (post meta); null for posts made on the web. */
  uid: string | null;
  title: string;
  /** UTC ISO. */
  date: string;
  /** WordPress's modified_gmt, as stored in publications. */
  modified: string;
  status: string;
  author: string;
  categories: string[];
  link: string;
}

export interface WebPost extends RemotePost {
  uid: string | null;
  slug: string;
  date: string;
  categories: { id: number; name: string; slug: string }[];
  tags: string[];
  featured: { url: string; alt: string; caption: string } | null;
}
