import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleStatus, type ArticleFields } from '../../../shared/model/article.js';
import { PageKind, type Flatplan } from '../../../shared/model/print-issue.js';
import { newFlatplan, placeArticle, slot } from '../../../shared/print/flatplan.js';
import { slugify } from '../../../shared/text/vietnamese.js';
import type { StoredImage } from '../asset-files.js';
import { htmlToArticle, localImageSources, rewriteImageSources, toHtml } from '../article-import.js';
import type { Workspace } from './workspace.js';

const SampleManifest = z.object({
  sections: z.array(z.string()).min(1),
  issue: z.object({
    number: z.number().int(),
    title: z.string(),
    publishDate: z.string(),
    pageCount: z.number().int(),
    /** The flatplan from page 1 on: a page of some kind, or an article (by file) over one or more pages. */
    plan: z
      .array(
        z.union([
          z.object({ article: z.string(), pages: z.number().int().positive().default(1), style: z.enum(['standard', 'feature']).default('standard') }),
          z.object({ kind: PageKind, template: z.string().default(''), image: z.string().optional(), label: z.string().default('') }),
        ]),
      )
      .default([]),
  }),
  images: z.record(z.string(), z.object({ caption: z.string(), credit: z.string(), alt: z.string() })),
});

const FrontMatter = z.object({
  section: z.string(),
  kicker: z.string().default(''),
  byline: z.string().default(''),
  tags: z.string().default(''),
  status: ArticleStatus.default('draft'),
  issue: z.enum(['yes', 'no']).default('no'),
});

/** "key: value" lines between two "---" lines, then the Markdown body. */
function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!match) return { meta: {}, body: source };
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { meta, body: match[2] ?? '' };
}

/**
 * Fills a new data folder with the magazine's profile, sections, issue Số 456 and sample articles
 * (resources/samples), so a first start shows a working newsroom rather than an empty screen.
 */
export async function seedSampleWorkspace(workspace: Workspace, samplesDir: string): Promise<void> {
  const manifest = SampleManifest.parse(JSON.parse(readFileSync(join(samplesDir, 'workspace.json'), 'utf8')));
  const sourcePrefix = workspace.catalog.profile().sourcePrefix;

  // Images first (files on disk, idempotent), then every row in one transaction, so a failed
  // first start leaves either a whole sample workspace or none.
  const stored = new Map<string, StoredImage>();
  const samples: { file: string; front: z.infer<typeof FrontMatter>; fields: Partial<ArticleFields> }[] = [];
  const files = readdirSync(join(samplesDir, 'articles')).filter((f) => f.endsWith('.md')).sort();
  for (const file of files) {
    const { meta, body } = splitFrontMatter(readFileSync(join(samplesDir, 'articles', file), 'utf8'));
    let html = toHtml(body, 'markdown');
    const assets = new Map<string, string>();
    for (const src of localImageSources(html)) {
      const image = stored.get(src) ?? (await workspace.assetFiles.store(readFileSync(join(samplesDir, 'images', src)), src));
      stored.set(src, image);
      assets.set(src, image.hash);
    }
    html = rewriteImageSources(html, assets);
    samples.push({ file, front: FrontMatter.parse(meta), fields: htmlToArticle(html, file, sourcePrefix).fields });
  }
  // Pictures of the print plan (cover, advertisements) are stored like any other.
  for (const page of manifest.issue.plan) {
    if (!('kind' in page) || !page.image || stored.has(page.image)) continue;
    stored.set(page.image, await workspace.assetFiles.store(readFileSync(join(samplesDir, 'images', page.image)), page.image));
  }
  const images = [...stored].map(([src, image]) => ({
    ...image,
    fileName: src,
    caption: manifest.images[src]?.caption ?? '',
    credit: manifest.images[src]?.credit ?? '',
    alt: manifest.images[src]?.alt ?? '',
  }));

  workspace.db.transaction(() => {
    workspace.catalog.updateProfile({});
    for (const image of images) workspace.catalog.recordAsset(image);
    const sections = new Map(manifest.sections.map((name) => [name, workspace.catalog.addSection(name).id]));
    const issue = workspace.catalog.addPrintIssue({ ...manifest.issue, status: 'planning' });
    const articleIds = new Map<string, number>();
    for (const { file, front, fields } of samples) {
      const article = workspace.articles.create({
        ...fields,
        kicker: front.kicker,
        byline: front.byline,
        sourcePrefix,
        tags: front.tags ? front.tags.split(',').map((t) => t.trim()) : [],
        sectionId: sections.get(front.section) ?? null,
        issueId: front.issue === 'yes' ? issue.id : null,
        slug: slugify(fields.title ?? ''),
      });
      if (front.status !== 'draft') workspace.articles.save(article.id, { status: front.status }, 'explicit');
      articleIds.set(file, article.id);
    }
    workspace.printIssues.savePlan(issue.id, samplePlan(manifest.issue.pageCount, manifest.issue.plan, articleIds, (image) => stored.get(image)?.hash ?? null));
  })();
}

/** Lays the sample plan out page after page: each entry takes the next page, an article as many as it says. */
function samplePlan(
  pageCount: number,
  entries: z.infer<typeof SampleManifest>['issue']['plan'],
  articleIds: Map<string, number>,
  imageHash: (file: string) => string | null,
): Flatplan {
  let plan = newFlatplan(pageCount);
  let page = 1;
  for (const entry of entries) {
    if ('article' in entry) {
      const id = articleIds.get(entry.article);
      if (id === undefined) throw new Error(`Mẫu: không có bài ${entry.article}`);
      plan = placeArticle(plan, id, page, entry.pages, entry.style);
      page += entry.pages;
      continue;
    }
    const pages = [...plan.pages];
    pages[page - 1] = slot(entry.kind, { template: entry.template, label: entry.label, assetHash: entry.image ? imageHash(entry.image) : null });
    plan = { ...plan, pages };
    page += 1;
  }
  return plan;
}
