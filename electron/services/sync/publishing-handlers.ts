import type { CallName } from '../../../shared/contract.js';
import { DeskError } from '../../../shared/errors.js';
import type { Handlers } from '../desk-handlers.js';
import type { Workspace } from '../workspace/workspace.js';
import { siteSession, unpublishArticle } from './article-publisher.js';
import { seoDescriptionFor } from './post-settings.js';
import { keepWebVersion, publishConflict } from './web-version.js';

type PublishingCall = Extract<CallName, `publish.${'unpublish' | 'conflict' | 'keepWeb' | 'categories' | 'mapping.list' | 'mapping.set' | 'seo.get' | 'seo.set'}`>;

/** The publishing calls beyond sending: conflicts, the section ↔ category table, SEO descriptions, unpublishing now. */
export function createPublishingHandlers(ws: Workspace): Pick<Handlers, PublishingCall> {
  const articlesChanged = (id: number) => {
    ws.scheduleSearchFlush();
    ws.events.emit('articles.changed', { ids: [id] });
  };
  return {
    'publish.unpublish': async ({ articleId, siteId }) => {
      const publication = await unpublishArticle(ws, articleId, siteId);
      articlesChanged(articleId);
      return { publication };
    },
    'publish.conflict': ({ articleId, siteId }) => publishConflict(ws, articleId, siteId),
    'publish.keepWeb': async ({ articleId, siteId }) => {
      const result = await keepWebVersion(ws, articleId, siteId);
      ws.events.emit('article.saved', { id: articleId, updatedAt: result.article.updatedAt, revisionId: result.revisionId });
      articlesChanged(articleId);
      return result;
    },
    'publish.categories': ({ siteId }) => siteSession(ws, siteId).categories(),
    'publish.mapping.list': ({ siteId }) => {
      ws.sites.get(siteId);
      return ws.webSettings.mappings(siteId);
    },
    'publish.mapping.set': ({ siteId, sectionId, mode, categoryId, categoryName }) => {
      ws.sites.get(siteId);
      const section = ws.catalog.sections().find((s) => s.id === sectionId);
      if (!section) throw new DeskError('not_found', `Không có chuyên mục số ${sectionId} trong toà soạn.`);
      if (mode === 'existing' && categoryId === null) throw new DeskError('invalid_input', 'Hãy chọn một chuyên mục có sẵn trên trang.');
      const name = categoryName.trim() || section.name;
      ws.webSettings.setMapping(siteId, sectionId, mode, categoryId, name);
      return ws.webSettings.mappings(siteId);
    },
    'publish.seo.get': ({ articleId }) => seoDescriptionFor(ws, ws.articles.get(articleId)),
    'publish.seo.set': ({ articleId, description }) => {
      const article = ws.articles.get(articleId);
      ws.webSettings.setSeoDescription(articleId, description.trim());
      return seoDescriptionFor(ws, article);
    },
  };
}
