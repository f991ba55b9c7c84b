import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CallName, CallOutput, CallParsedInput, FieldDiff } from '../../shared/contract.js';
import { bodyToText, escapeHtml } from '../../shared/article-body.js';
import { hasChanges, wordDiff } from '../../shared/text/word-diff.js';
import { DeskError } from '../../shared/errors.js';
import type { Article, ArticleFields } from '../../shared/model/article.js';
import { slugify } from '../../shared/text/vietnamese.js';
import { htmlToArticle, toHtml } from './article-import.js';
import { proofWithSpelling } from './article-proofing.js';
import { articleToDocx, jpegForDocx } from './docx-export.js';
import { docxToHtml } from './docx-import.js';
import { publishArticle, publishProblems } from './sync/article-publisher.js';
import { siteCredentialKey } from './sync/credential-store.js';
import { createPublishingHandlers } from './sync/publishing-handlers.js';
import { createSyncHandlers } from './sync/sync-handlers.js';
import { siteUrl } from './sync/wordpress-target.js';
import { integrityCheck, schemaVersion } from './store/database.js';
import type { Workspace } from './workspace/workspace.js';
import { createPrintHandlers } from './print/print-handlers.js';
import { createAppHandlers } from './app-handlers.js';
import { browserShell } from './desktop-shell.js';

export type Handlers = {
  [N in CallName]: (input: CallParsedInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
};

/** Calls about the data folder rather than one open workspace: answered by DeskRuntime, even when the database is broken. */
export type RuntimeCallName = 'app.state' | 'backups.list' | 'backups.create' | 'backups.restore';
export type WorkspaceHandlers = Omit<Handlers, RuntimeCallName>;

export const APP_VERSION = '0.1.0';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What each contract call does, in terms of the workspace's services. */
export function createHandlers(ws: Workspace): WorkspaceHandlers {
  const changed = (...ids: number[]) => {
    ws.scheduleSearchFlush();
    ws.events.emit('articles.changed', { ids });
  };

  const importHtml = (html: string, fileName: string, sectionId: number | null, earlier: string[]) => {
    const profile = ws.catalog.profile();
    const { fields, warnings } = htmlToArticle(html, fileName, profile.sourcePrefix);
    const article = ws.articles.create(
      { ...fields, sectionId, sourcePrefix: profile.sourcePrefix, slug: slugify(fields.title ?? '') },
      'import',
    );
    changed(article.id);
    return { article: ws.articles.summary(article.id), warnings: [...earlier, ...warnings] };
  };

  return {
    ...createPrintHandlers(ws),
    ...createPublishingHandlers(ws),
    ...createSyncHandlers(ws),
    ...createAppHandlers(ws, ws.shell ?? browserShell(APP_VERSION)),
    'workspace.info': () => ({
      dataDir: ws.dataDir,
      databasePath: ws.databasePath,
      schemaVersion: schemaVersion(ws.db),
      appVersion: APP_VERSION,
      profile: ws.catalog.profile(),
      articleCount: ws.articles.count(),
    }),
    'workspace.check': () => {
      const messages = integrityCheck(ws.db);
      return { ok: messages.length === 1 && messages[0] === 'ok', messages };
    },
    'workspace.backup': async ({ outFile }) => {
      const target = resolve(outFile);
      if (target === resolve(ws.databasePath)) {
        throw new DeskError('invalid_input', 'Không thể sao lưu đè lên chính cơ sở dữ liệu đang dùng.');
      }
      try {
        await ws.db.backup(target);
      } catch (error) {
        throw new DeskError('io_error', `Không ghi được bản sao lưu vào ${target}: ${(error as Error).message}`);
      }
      return { path: target, bytes: statSync(target).size };
    },
    'profile.get': () => ws.catalog.profile(),
    'profile.update': (patch) => ws.catalog.updateProfile(patch),
    'sections.list': () => ws.catalog.sections(),
    'tags.list': () => ws.catalog.tags(),
    'issues.list': () => ws.catalog.printIssues(),
    'articles.list': (filter) => ws.articles.list(filter),
    'articles.search': (filter) => ws.search.search(filter),
    'articles.get': ({ id }) => ws.articles.get(id),
    'articles.create': (input) => {
      const article = ws.articles.create({ ...input, sourcePrefix: ws.catalog.profile().sourcePrefix });
      changed(article.id);
      return article;
    },
    'articles.save': ({ id, fields, reason }) => {
      const result = ws.articles.save(id, fields, reason);
      ws.scheduleSearchFlush();
      ws.events.emit('article.saved', { id, updatedAt: result.article.updatedAt, revisionId: result.revisionId });
      return result;
    },
    'articles.trash': ({ id }) => {
      const summary = ws.articles.trash(id);
      changed(id);
      return summary;
    },
    'articles.restore': ({ id }) => {
      const summary = ws.articles.restore(id);
      changed(id);
      return summary;
    },
    'articles.import': ({ fileName, format, content, sectionId }) => importHtml(toHtml(content, format), fileName, sectionId ?? null, []),
    'articles.importDocx': async ({ fileName, dataBase64, sectionId }) => {
      const storeImage = async (bytes: Buffer, name: string) => (await ws.addImage(bytes, name)).hash;
      const { html, warnings } = await docxToHtml(Buffer.from(dataBase64, 'base64'), basename(fileName), storeImage);
      return importHtml(html, fileName, sectionId ?? null, warnings);
    },
    'articles.export': async ({ id, format }) => {
      const article = ws.articles.get(id);
      const name = article.slug || slugify(article.title) || `bai-${id}`;
      if (format === 'json') {
        return { fileName: `${name}.json`, mimeType: 'application/json', encoding: 'utf8', content: JSON.stringify(article, null, 2) };
      }
      if (format === 'docx') {
        const imageOf = async (hash: string) => (ws.catalog.hasAsset(hash) && ws.assetFiles.exists(hash) ? jpegForDocx(ws.assetFiles.read(hash)) : null);
        const bytes = await articleToDocx(article, imageOf);
        return { fileName: `${name}.docx`, mimeType: DOCX_MIME, encoding: 'base64', content: bytes.toString('base64') };
      }
      return { fileName: `${name}.html`, mimeType: 'text/html', encoding: 'utf8', content: articleHtmlDocument(article) };
    },
    'articles.proof': ({ id }) => {
      const article = ws.articles.get(id);
      return proofWithSpelling({ ...article, body: article.bodyText }, ws.catalog.profile(), ws.spelling);
    },
    'articles.statusHistory': ({ id }) => ws.notes.statusHistory(id),
    'notes.list': ({ articleId }) => ws.notes.list(articleId),
    'notes.add': ({ articleId, body, parentId, anchor }) => {
      const note = ws.notes.add({ articleId, body, parentId: parentId ?? null, anchor: anchor ?? null, author: ws.userName() });
      ws.events.emit('notes.changed', { articleId });
      return note;
    },
    'notes.resolve': ({ id, resolved }) => {
      const note = ws.notes.resolve(id, resolved, ws.userName());
      ws.events.emit('notes.changed', { articleId: note.articleId });
      return note;
    },
    'user.get': () => ({ name: ws.userName() }),
    'user.set': ({ name }) => {
      ws.catalog.setSetting('user.name', name.trim());
      return { name: ws.userName() };
    },
    'sites.connect': async ({ url, username, password }) => {
      const info = await ws.publishTarget.connect({ url, username, password });
      const site = ws.sites.save({
        url: siteUrl(url).toString(),
        username,
        apiRoot: info.apiRoot,
        siteName: info.siteName,
        userName: info.user.name,
        roles: info.user.roles,
        can: info.can,
      });
      ws.credentials.set(siteCredentialKey(site.id), password);
      return site;
    },
    'sites.list': () => ws.sites.list(),
    'sites.check': async ({ id }) => {
      const site = ws.sites.get(id);
      const password = ws.credentials.get(siteCredentialKey(id));
      if (!password) throw new DeskError('unauthorized', `Chưa có mật khẩu ứng dụng cho ${site.siteName}; hãy kết nối lại.`);
      const info = await ws.publishTarget.connect({ url: site.url, username: site.username, password });
      return ws.sites.save({ ...site, apiRoot: info.apiRoot, siteName: info.siteName, userName: info.user.name, roles: info.user.roles, can: info.can });
    },
    'sites.remove': ({ id }) => {
      ws.sites.remove(id);
      ws.credentials.remove(siteCredentialKey(id));
      return { removed: true };
    },
    'publish.article': async ({ articleId, siteId, status, overwrite, scheduledAt }) => {
      const result = await publishArticle(ws, articleId, siteId, status, { overwrite, scheduledAt });
      changed(articleId);
      return result;
    },
    'publish.history': ({ articleId }) => ({
      publications: ws.publications.forArticle(articleId),
      history: ws.publications.history(articleId),
    }),
    'outbox.enqueue': ({ articleId, siteId, action, publishStatus, scheduledAt, overwrite }) => {
      ws.sites.get(siteId);
      if (action === 'publish') {
        const problems = publishProblems(ws.articles.get(articleId), (hash) => (ws.catalog.hasAsset(hash) ? ws.catalog.asset(hash).credit : ''));
        if (problems.length > 0) throw new DeskError('invalid_input', `Chưa thể đưa bài lên web: ${problems.join(' ')}`, problems);
      }
      const job = ws.outbox.enqueue({ articleId, siteId, action, publishStatus, scheduledAt, overwrite, createdBy: ws.userName() });
      ws.events.emit('outbox.changed', {});
      ws.outboxRunner.kick();
      return job;
    },
    'outbox.list': () => ws.outbox.list(),
    'outbox.retry': ({ id }) => {
      const job = ws.outbox.retry(id);
      ws.outboxRunner.kick();
      return job;
    },
    'outbox.cancel': ({ id }) => {
      ws.outbox.cancel(id);
      ws.events.emit('outbox.changed', {});
      return { cancelled: true };
    },
    'revisions.list': ({ articleId }) => ws.articles.revisions(articleId),
    'revisions.get': ({ id }) => ws.articles.revision(id),
    'revisions.diff': ({ fromId, toId }) => {
      const from = ws.articles.revision(fromId);
      const to = toId !== undefined ? ws.articles.revision(toId).fields : ws.articles.get(from.articleId);
      if (toId !== undefined && ws.articles.revision(toId).articleId !== from.articleId) {
        throw new DeskError('invalid_input', 'Hai phiên bản phải thuộc cùng một bài.');
      }
      return diffArticleFields(from.fields, to);
    },
    'revisions.restore': ({ id }) => {
      const article = ws.articles.restoreRevision(id);
      changed(article.id);
      return article;
    },
    'assets.add': async ({ fileName, dataBase64, caption, credit, alt }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0) throw new DeskError('invalid_file', `Tệp "${basename(fileName)}" rỗng.`);
      return ws.addImage(bytes, fileName, { caption, credit, alt });
    },
    'assets.get': ({ hash }) => ws.catalog.asset(hash),
    'assets.update': ({ hash, ...patch }) => ws.catalog.updateAsset(hash, patch),
  };
}

const DIFF_FIELDS = ['kicker', 'title', 'sapo', 'body', 'byline', 'tags', 'status'] as const;

/** Word-level differences, field by field; fields that did not change are left out. */
function diffArticleFields(before: ArticleFields, after: ArticleFields): FieldDiff[] {
  const textOf = (fields: ArticleFields, field: (typeof DIFF_FIELDS)[number]) =>
    field === 'body' ? bodyToText(fields.body) : field === 'tags' ? fields.tags.join(', ') : String(fields[field] ?? '');
  return DIFF_FIELDS.map((field) => ({ field, segments: wordDiff(textOf(before, field), textOf(after, field)) })).filter((d) => hasChanges(d.segments));
}

/** A standalone HTML file of one article, readable in any browser. */
function articleHtmlDocument(article: Article): string {
  const body = article.bodyHtml.replace(/src="asset:([a-f0-9]{64})"/g, 'src="assets/$1"');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.title)}</title>
</head>
<body>
<article>
${article.kicker ? `<p class="kicker">${escapeHtml(article.kicker)}</p>\n` : ''}<h1>${escapeHtml(article.title)}</h1>
${article.sapo ? `<p class="sapo"><strong>${escapeHtml(article.sapo)}</strong></p>\n` : ''}${body}
${article.byline ? `<p class="byline">${escapeHtml(article.byline)}</p>\n` : ''}</article>
</body>
</html>
`;
}
