import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleStatus, type ArticleFields } from '../../../shared/model/article.js';
import { slugify } from '../../../shared/text/vietnamese.js';
import type { StoredImage } from '../asset-files.js';
import { htmlToArticle, localImageSources, rewriteImageSources, toHtml } from '../article-import.js';
import type { Workspace } from './workspace.js';

const SampleManifest = z.object({
  sections: z.array(z.string()).min(1),
  issue: z.object({ number: z.number().int(), title: z.string(), publishDate: z.string(), pageCount: z.number().int() }),
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
  const samples: { front: z.infer<typeof FrontMatter>; fields: Partial<ArticleFields> }[] = [];
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
    samples.push({ front: FrontMatter.parse(meta), fields: htmlToArticle(html, file, sourcePrefix).fields });
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
    for (const { front, fields } of samples) {
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
    }
  })();
}
