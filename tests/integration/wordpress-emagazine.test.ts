import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { ExportProgress } from '../../shared/model/print-issue.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { runCli } from '../support/run-cli.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { jobEnd } from '../support/print-job.js';
import { tempDir } from '../support/temp-dir.js';

let wp: WordPressSite;
let ws: Workspace;
let dataDir: string;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let siteId: number;
let issueId: number;

async function wpGet<T>(route: string, query = ''): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}${query}`, { headers: { Authorization: `Basic ${auth}` } });
  return (await response.json()) as T;
}

/** Starts the e-magazine job and waits for its last word. */
async function postEmagazine(): Promise<ExportProgress> {
  return jobEnd(ws, () => call('print.emagazine.start', { issueId, siteId }));
}

type Post = { id: number; link: string; slug: string; status: string; title: { raw: string }; content: { raw: string }; categories: number[]; featured_media: number };
type Media = { id: number; slug: string; mime_type: string; source_url: string; title: { raw: string } };

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  dataDir = tempDir('lnv-emagazine-');
  ws = await Workspace.open(dataDir);
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  siteId = (await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
  issueId = (await call('issues.list', {}))[0]!.id;
}, 120_000);

afterAll(async () => {
  await ws?.print.browser.close();
  ws?.close();
  await wp?.stop();
});

describe('the e-magazine of Số 456 on the website', () => {
  let first: ExportProgress;
  let post: Post;

  beforeAll(async () => {
    first = await postEmagazine();
    const posts = await wpGet<Post[]>('/wp/v2/posts', '?context=edit&status=any&per_page=50');
    post = posts.find((p) => p.slug === 'so-456-tap-chi-lang-nghe-viet-nam-2025')!;
  }, 180_000);

  it('is one published post in the E-magazine category, with the cover as its featured image, and the job ends with its link', async () => {
    expect(first.stage).toBe('done');
    expect(post).toBeDefined();
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe('Tạp chí Làng nghề Việt Nam Số 456 – Tháng 11/2025');
    expect(first.message).toContain(post.link);
    const categories = await wpGet<{ name: string }[]>('/wp/v2/categories', `?include=${post.categories.join(',')}`);
    expect(categories.map((c) => c.name)).toEqual(['E-magazine']);
    const cover = await wpGet<Media>(`/wp/v2/media/${post.featured_media}`, '?context=edit');
    expect(cover.slug).toBe('so-456-tap-chi-lang-nghe-viet-nam-2025-1');
  });

  it('shows the 12 page images in page order, each named as the site names page images', async () => {
    const media = await wpGet<Media[]>('/wp/v2/media', '?context=edit&per_page=100&media_type=image');
    const byUrl = new Map(media.map((m) => [m.source_url, m]));
    const sources = [...post.content.raw.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(12);
    expect(sources.map((url) => byUrl.get(url)?.title.raw)).toEqual(Array.from({ length: 12 }, (_, i) => `so-456-tap-chi-lang-nghe-viet-nam-2025-${i + 1}`));
    expect([...post.content.raw.matchAll(/<figcaption>(Trang \d+)<\/figcaption>/g)].map((m) => m[1])).toEqual(Array.from({ length: 12 }, (_, i) => `Trang ${i + 1}`));
  });

  it('links the proof PDF for download', async () => {
    const documents = await wpGet<Media[]>('/wp/v2/media', '?context=edit&per_page=100&mime_type=application/pdf');
    expect(documents.map((d) => d.title.raw)).toEqual(['so-456-tap-chi-lang-nghe-viet-nam-2025-ban-in-thu']);
    expect(post.content.raw).toContain(`<a href="${documents[0]!.source_url}">Tải bản PDF Số 456 – Tháng 11/2025 (`);
    const pdf = await fetch(documents[0]!.source_url);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('updates the same post when posted again, without sending the unchanged pages twice (CLI)', async () => {
    const mediaBefore = await wpGet<Media[]>('/wp/v2/media', '?per_page=100');
    ws.close();
    const result = runCli(['issue', 'emagazine', '456', '--data', dataDir]);
    ws = await Workspace.open(dataDir);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('['))).toEqual(['']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(post.link);
    const posts = await wpGet<Post[]>('/wp/v2/posts', '?context=edit&status=any&per_page=50&categories=' + post.categories.join(','));
    expect(posts.map((p) => p.id)).toEqual([post.id]);
    const mediaAfter = await wpGet<Media[]>('/wp/v2/media', '?per_page=100');
    expect(mediaAfter.map((m) => m.id).sort()).toEqual(mediaBefore.map((m) => m.id).sort());
  }, 180_000);
});
