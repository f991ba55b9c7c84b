import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleStatus } from '../../../shared/model/article.js';
import { slugify } from '../../../shared/text/vietnamese.js';
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
  const profile = workspace.catalog.updateProfile({});
  const sections = new Map(manifest.sections.map((name) => [name, workspace.catalog.addSection(name).id]));
  const issue = workspace.catalog.addPrintIssue({ ...manifest.issue, status: 'planning' });

  const files = readdirSync(join(samplesDir, 'articles')).filter((f) => f.endsWith('.md')).sort();
  for (const file of files) {
    const { meta, body } = splitFrontMatter(readFileSync(join(samplesDir, 'articles', file), 'utf8'));
    const front = FrontMatter.parse(meta);
    let html = toHtml(body, 'markdown');
    const assets = new Map<string, string>();
    for (const src of localImageSources(html)) {
      const image = manifest.images[src];
      const asset = await workspace.addImage(readFileSync(join(samplesDir, 'images', src)), src, image);
      assets.set(src, asset.hash);
    }
    html = rewriteImageSources(html, assets);
    const { fields } = htmlToArticle(html, file, profile.sourcePrefix);
    const article = workspace.articles.create({
      ...fields,
      kicker: front.kicker,
      byline: front.byline,
      sourcePrefix: profile.sourcePrefix,
      tags: front.tags ? front.tags.split(',').map((t) => t.trim()) : [],
      sectionId: sections.get(front.section) ?? null,
      issueId: front.issue === 'yes' ? issue.id : null,
      slug: slugify(fields.title ?? ''),
    });
    if (front.status !== 'draft') workspace.articles.save(article.id, { status: front.status }, 'explicit');
  }
}
