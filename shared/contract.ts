import { z } from 'zod';
import {
  Article,
  ArticleFields,
  ArticleId,
  ArticleStatus,
  ArticleSummary,
  Revision,
  RevisionSummary,
  SaveReason,
  text,
} from './model/article.js';
import { ProofFinding } from './proofing/proofing-rules.js';
import { Note, NoteAnchor, StatusChange } from './model/workflow.js';
import { Site } from './model/site.js';
import { Publication, PublishHistoryEntry, PublishStatus } from './model/publication.js';
import { OutboxAction, OutboxJob } from './model/outbox.js';
import { PulledPost, RemotePostSummary, SyncReport } from './model/site-sync.js';
import { CategoryMapping, CategoryMappingMode, SeoDescription, SiteCategory } from './model/web-settings.js';
import { Asset, CropRect, PrintIssue, PublicationProfile, Section, Tag } from './model/workspace.js';
import { AppState, BackupInfo, BackupName, RestoreResult } from './model/backup.js';
import { CopyfitSchema, ExportOutput, ExportProgress, PageSlot, PreflightFinding, PrintIssueDetail } from './model/print-issue.js';
import { AppCommand } from './app-commands.js';
import { BusyReason, UpdateState } from './app-update.js';

const Empty = z.object({}).strict();
const Id = z.object({ id: ArticleId }).strict();
const IssueId = z.number().int().positive();
const PageNumber = z.number().int().min(1).max(1000);

/** One laid-out page: the same HTML the PDF and the page images are made from. */
export const LaidOutPage = z.object({
  page: z.number().int(),
  kind: z.string(),
  articleId: z.number().int().nullable(),
  html: z.string(),
});
export type LaidOutPage = z.infer<typeof LaidOutPage>;

export const ArticleFit = z.object({
  articleId: z.number().int(),
  pages: z.array(z.number().int()),
  oversetLines: z.number().int(),
  oversetWords: z.number().int(),
  oversetExcerpt: z.string(),
  undersetLines: z.number().int(),
});
export type ArticleFit = z.infer<typeof ArticleFit>;

export const PrintTemplateInfo = z.object({
  name: z.string(),
  label: z.string(),
  kinds: z.array(z.string()),
  frames: z.array(z.string()),
});
export type PrintTemplateInfo = z.infer<typeof PrintTemplateInfo>;

const AssetHash = z.string().regex(/^[a-f0-9]{64}$/, 'Mã ảnh phải là 64 ký tự hex');

export const ArticleSort = z.enum(['updated', 'created', 'title', 'words', 'status', 'section']);
export type ArticleSort = z.infer<typeof ArticleSort>;

const ArticleFilter = {
  status: ArticleStatus.optional(),
  sectionId: z.number().int().positive().optional(),
  issueId: z.number().int().positive().optional(),
};

export const FieldDiff = z.object({
  field: z.enum(['kicker', 'title', 'sapo', 'body', 'byline', 'tags', 'status']),
  segments: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type FieldDiff = z.infer<typeof FieldDiff>;

/** An article as text, the way the conflict view sets the desk's and the site's versions side by side. */
const PostVersion = z.object({ title: z.string(), sapo: z.string(), body: z.string(), byline: z.string() });

export const PublishConflict = z.object({
  siteId: z.number().int(),
  postId: z.number().int(),
  link: z.string(),
  /** The post's modified_gmt on the site now, and as recorded after the desk's last write or import. */
  webModified: z.string(),
  lastSynced: z.string().nullable(),
  changedOnWeb: z.boolean(),
  local: PostVersion,
  web: PostVersion,
  /** Desk → web, word by word: "removed" is only on the desk, "added" only on the web. */
  diffs: z.array(FieldDiff),
  warnings: z.array(z.string()),
});
export type PublishConflict = z.infer<typeof PublishConflict>;

const ArticleOnSite = z.object({ articleId: ArticleId, siteId: z.number().int().positive() }).strict();

export const SearchHit = z.object({
  article: ArticleSummary,
  /** Excerpt of the original text; highlights are [start, end) offsets into it. */
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number(), z.number()])) }),
  titleHighlights: z.array(z.tuple([z.number(), z.number()])),
});
export type SearchHit = z.infer<typeof SearchHit>;

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});

/**
 * Every call between the UI (or CLI) and the Node side. IPC, the browser host and the CLI
 * all dispatch through this table and validate input with it before a service runs.
 */
export const contract = {
  'workspace.info': call(
    Empty,
    z.object({
      dataDir: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number().int(),
      appVersion: z.string(),
      profile: PublicationProfile,
      articleCount: z.number().int(),
    }),
    'Thông tin kho dữ liệu đang mở',
  ),
  'workspace.check': call(
    Empty,
    z.object({ ok: z.boolean(), messages: z.array(z.string()) }),
    'Kiểm tra toàn vẹn cơ sở dữ liệu',
  ),
  'workspace.backup': call(
    z.object({ outFile: z.string().min(1).max(4096) }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
    'Sao lưu trực tuyến cơ sở dữ liệu ra một tệp',
  ),
  'app.state': call(Empty, AppState, 'Kho dữ liệu đã mở, hay màn hình khôi phục (cơ sở dữ liệu hỏng) cùng các bản sao lưu'),
  'backups.list': call(Empty, z.array(BackupInfo), 'Các bản sao lưu đã kiểm tra, mới nhất trước'),
  'backups.create': call(Empty, BackupInfo, 'Sao lưu ngay vào thư mục backups (kiểm tra toàn vẹn bản chép, giữ ảnh)'),
  'backups.restore': call(
    z.object({ name: BackupName }).strict(),
    RestoreResult,
    'Khôi phục một bản sao lưu: kho hiện tại được cất sang bên (không xoá), rồi mở lại kho',
  ),
  'profile.get': call(Empty, PublicationProfile, 'Hồ sơ ấn phẩm'),
  'profile.update': call(PublicationProfile.partial().strict(), PublicationProfile, 'Sửa hồ sơ ấn phẩm'),
  'sections.list': call(Empty, z.array(Section), 'Các chuyên mục'),
  'tags.list': call(Empty, z.array(Tag), 'Các thẻ'),
  'issues.list': call(Empty, z.array(PrintIssue), 'Các số tạp chí'),
  'articles.list': call(
    z
      .object({
        ...ArticleFilter,
        trash: z.boolean().default(false),
        sort: ArticleSort.default('updated'),
        order: z.enum(['asc', 'desc']).default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ items: z.array(ArticleSummary), total: z.number().int() }),
    'Danh sách bài',
  ),
  'articles.search': call(
    z
      .object({
        query: text(500),
        ...ArticleFilter,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({
      items: z.array(SearchHit),
      total: z.number().int(),
      /** Broad queries count up to a limit: "1000+". */
      totalIsLowerBound: z.boolean(),
    }),
    'Tìm bài (không phân biệt dấu, hoa thường, đ/d)',
  ),
  'articles.get': call(Id, Article, 'Mở một bài'),
  'articles.create': call(
    z
      .object({
        title: text(500).optional(),
        sectionId: z.number().int().positive().nullable().optional(),
        issueId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    Article,
    'Tạo bài mới',
  ),
  'articles.save': call(
    z.object({ id: ArticleId, fields: ArticleFields.partial().strict(), reason: SaveReason }).strict(),
    z.object({ article: ArticleSummary, revisionId: z.number().int().nullable() }),
    'Lưu bài (tự động hoặc chủ động)',
  ),
  'articles.trash': call(Id, ArticleSummary, 'Chuyển bài vào thùng rác'),
  'articles.restore': call(Id, ArticleSummary, 'Khôi phục bài từ thùng rác'),
  'articles.import': call(
    z
      .object({
        fileName: z.string().min(1).max(500),
        format: z.enum(['html', 'markdown']),
        content: z.string().max(20_000_000),
        sectionId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    z.object({ article: ArticleSummary, warnings: z.array(z.string()) }),
    'Nhập bài từ HTML hoặc Markdown',
  ),
  'articles.importDocx': call(
    z
      .object({
        fileName: z.string().min(1).max(500),
        dataBase64: z.string().min(1).max(120_000_000),
        sectionId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    z.object({ article: ArticleSummary, warnings: z.array(z.string()) }),
    'Nhập bài từ tệp Word (.docx), kèm ảnh và chú thích',
  ),
  'articles.export': call(
    z.object({ id: ArticleId, format: z.enum(['html', 'json', 'docx']) }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), encoding: z.enum(['utf8', 'base64']), content: z.string() }),
    'Xuất bài ra HTML, JSON hoặc Word (.docx)',
  ),
  'articles.proof': call(
    z.object({ id: ArticleId }).strict(),
    z.array(ProofFinding),
    'Soát lỗi bài theo quy cách của toà soạn',
  ),
  'articles.statusHistory': call(Id, z.array(StatusChange), 'Ai chuyển trạng thái bài, khi nào'),
  'notes.list': call(z.object({ articleId: ArticleId }).strict(), z.array(Note), 'Ghi chú biên tập của bài'),
  'notes.add': call(
    z
      .object({
        articleId: ArticleId,
        body: text(10_000),
        parentId: z.number().int().positive().nullable().optional(),
        anchor: NoteAnchor.nullable().optional(),
      })
      .strict(),
    Note,
    'Thêm ghi chú hoặc trả lời',
  ),
  'notes.resolve': call(
    z.object({ id: z.number().int().positive(), resolved: z.boolean() }).strict(),
    Note,
    'Đánh dấu đã xử lý (hoặc mở lại) một luồng ghi chú',
  ),
  'user.get': call(Empty, z.object({ name: z.string() }), 'Người đang làm việc tại máy này'),
  'user.set': call(z.object({ name: text(100).refine((n) => n.trim().length > 0, 'Tên không được để trống') }).strict(), z.object({ name: z.string() }), 'Đặt tên người dùng'),
  'sites.connect': call(
    z
      .object({
        url: z.string().min(1).max(500),
        username: z.string().min(1).max(200),
        password: z.string().min(1).max(500),
      })
      .strict(),
    Site,
    'Kết nối trang web (kiểm tra tài khoản, lưu mật khẩu ứng dụng ngoài cơ sở dữ liệu)',
  ),
  'sites.list': call(Empty, z.array(Site), 'Các trang web đã kết nối'),
  'sites.check': call(z.object({ id: z.number().int().positive() }).strict(), Site, 'Kiểm tra lại kết nối và quyền của tài khoản'),
  'sites.remove': call(z.object({ id: z.number().int().positive() }).strict(), z.object({ removed: z.boolean() }), 'Ngắt kết nối trang web, xoá mật khẩu đã lưu'),
  'publish.article': call(
    z
      .object({
        articleId: ArticleId,
        siteId: z.number().int().positive(),
        status: PublishStatus,
        /** Replace the post even if it was edited on the web since the last publish. */
        overwrite: z.boolean().default(false),
        /** Publish at this moment (UTC ISO) instead of now. */
        scheduledAt: z.iso.datetime().nullable().default(null),
      })
      .strict(),
    z.object({ publication: Publication, created: z.boolean(), warnings: z.array(z.string()) }),
    'Đưa bài lên web (đăng, lưu nháp hoặc chờ duyệt trên trang); lần sau cập nhật đúng bài đó',
  ),
  'publish.history': call(
    z.object({ articleId: ArticleId }).strict(),
    z.object({ publications: z.array(Publication), history: z.array(PublishHistoryEntry) }),
    'Bài đã lên những trang nào, và lịch sử đưa bài',
  ),
  'publish.unpublish': call(
    ArticleOnSite,
    z.object({ publication: Publication.nullable() }),
    'Gỡ bài khỏi web ngay (bài trở về bản nháp trên trang, không mất gì)',
  ),
  'publish.conflict': call(ArticleOnSite, PublishConflict, 'Bản trong toà soạn và bản trên web, đặt cạnh nhau, khác nhau từng chữ'),
  'publish.keepWeb': call(
    ArticleOnSite,
    z.object({ article: Article, revisionId: z.number().int().nullable(), warnings: z.array(z.string()) }),
    'Giữ bản trên web: nhập tiêu đề, sapo, nội dung của bài trên trang thành một phiên bản mới',
  ),
  'publish.categories': call(z.object({ siteId: z.number().int().positive() }).strict(), z.array(SiteCategory), 'Các chuyên mục đang có trên trang'),
  'publish.mapping.list': call(
    z.object({ siteId: z.number().int().positive() }).strict(),
    z.array(CategoryMapping),
    'Chuyên mục trong toà soạn ↔ chuyên mục trên trang',
  ),
  'publish.mapping.set': call(
    z
      .object({
        siteId: z.number().int().positive(),
        sectionId: z.number().int().positive(),
        mode: CategoryMappingMode,
        categoryId: z.number().int().positive().nullable().default(null),
        categoryName: text(200).default(''),
      })
      .strict(),
    z.array(CategoryMapping),
    'Chọn chuyên mục trên trang cho một chuyên mục (có sẵn, tạo khi đăng, hoặc cùng tên)',
  ),
  'publish.seo.get': call(z.object({ articleId: ArticleId }).strict(), SeoDescription, 'Mô tả SEO của bài (viết riêng hoặc lấy từ sapo)'),
  'publish.seo.set': call(
    z.object({ articleId: ArticleId, description: text(1000) }).strict(),
    SeoDescription,
    'Sửa mô tả SEO của bài (để trống: lấy từ sapo)',
  ),
  'outbox.enqueue': call(
    z
      .object({
        articleId: ArticleId,
        siteId: z.number().int().positive(),
        action: OutboxAction.default('publish'),
        publishStatus: PublishStatus.default('publish'),
        scheduledAt: z.iso.datetime().nullable().default(null),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    OutboxJob,
    'Đưa việc đăng/gỡ bài vào hàng đợi: gửi ngay khi có mạng, không bao giờ đăng hai lần',
  ),
  'outbox.list': call(Empty, z.array(OutboxJob), 'Hàng đợi xuất bản'),
  'outbox.retry': call(z.object({ id: z.number().int().positive() }).strict(), OutboxJob, 'Gửi lại một việc ngay'),
  'outbox.cancel': call(z.object({ id: z.number().int().positive() }).strict(), z.object({ cancelled: z.boolean() }), 'Huỷ một việc chưa gửi'),
  'sync.run': call(
    z.object({ siteId: z.number().int().positive(), pullOnly: z.boolean().default(false) }).strict(),
    SyncReport,
    'Đồng bộ bài nháp và bài chờ duyệt qua trang web: nhận bài đổi trên web, gửi bài đổi ở đây (pullOnly: chỉ nhận)',
  ),
  'sync.status': call(z.object({ siteId: z.number().int().positive() }).strict(), SyncReport.nullable(), 'Lần đồng bộ gần nhất với trang: lúc nào, gửi gì, nhận gì'),
  'sync.searchRemote': call(
    z
      .object({
        siteId: z.number().int().positive(),
        categoryId: z.number().int().positive().optional(),
        /** Whole days of the site's calendar, YYYY-MM-DD. */
        since: z.iso.date().optional(),
        until: z.iso.date().optional(),
        search: text(200).optional(),
        statuses: z.array(z.enum(['publish', 'future', 'draft', 'pending', 'private'])).min(1).default(['publish', 'future', 'draft', 'pending', 'private']),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(99).default(50),
      })
      .strict(),
    z.object({ items: z.array(RemotePostSummary), more: z.boolean() }),
    'Tìm bài trên trang theo chuyên mục, ngày đăng và từ khoá (mới nhất trước)',
  ),
  'sync.importPosts': call(
    z.object({ siteId: z.number().int().positive(), postIds: z.array(z.number().int().positive()).min(1).max(200) }).strict(),
    z.object({ results: z.array(PulledPost) }),
    'Lấy các bài đã chọn từ trang về kho; bài đã lấy trước đó được cập nhật, không thành bài thứ hai',
  ),
  'revisions.list': call(z.object({ articleId: ArticleId }).strict(), z.array(RevisionSummary), 'Lịch sử phiên bản'),
  'revisions.get': call(z.object({ id: z.number().int().positive() }).strict(), Revision, 'Một phiên bản'),
  'revisions.diff': call(
    z
      .object({
        fromId: z.number().int().positive(),
        /** Omitted: compare with the article as it is now. */
        toId: z.number().int().positive().optional(),
      })
      .strict(),
    z.array(FieldDiff),
    'So sánh hai phiên bản theo từng chữ',
  ),
  'revisions.restore': call(
    z.object({ id: z.number().int().positive() }).strict(),
    Article,
    'Khôi phục một phiên bản (tạo phiên bản mới)',
  ),
  'assets.add': call(
    z
      .object({
        fileName: z.string().min(1).max(500),
        dataBase64: z.string().min(1).max(120_000_000),
        caption: text(2000).default(''),
        credit: text(300).default(''),
        alt: text(1000).default(''),
      })
      .strict(),
    Asset,
    'Thêm ảnh',
  ),
  'assets.get': call(z.object({ hash: AssetHash }).strict(), Asset, 'Thông tin ảnh'),
  'assets.update': call(
    z
      .object({
        hash: AssetHash,
        caption: text(2000).optional(),
        credit: text(300).optional(),
        alt: text(1000).optional(),
        focalX: z.number().min(0).max(1).optional(),
        focalY: z.number().min(0).max(1).optional(),
        crop: CropRect.nullable().optional(),
      })
      .strict(),
    Asset,
    'Sửa chú thích, nguồn, mô tả, điểm nhấn và vùng cắt web của ảnh',
  ),
  'print.templates': call(Empty, z.array(PrintTemplateInfo), 'Các mẫu trang (trang mở bài, trang tiếp, bìa, mục lục…)'),
  'print.art.add': call(
    z.object({ fileName: z.string().min(1).max(500), dataBase64: z.string().min(1).max(120_000_000) }).strict(),
    Asset,
    'Thêm ảnh hoặc PDF cho trang không phải bài (quảng cáo, bìa)',
  ),
  'print.issue.create': call(
    z
      .object({
        number: z.number().int().positive().max(100_000),
        month: z.number().int().min(1).max(12),
        year: z.number().int().min(1990).max(2200),
        pageCount: z.number().int().min(1).max(1000),
        title: text(200).optional(),
      })
      .strict(),
    PrintIssueDetail,
    'Tạo số báo in mới (số trang nên chia hết cho 4)',
  ),
  'print.issue.get': call(z.object({ issueId: IssueId }).strict(), PrintIssueDetail, 'Một số báo: dàn trang, mục lục, cảnh báo'),
  'print.issue.update': call(
    z
      .object({
        issueId: IssueId,
        title: text(200).optional(),
        pageCount: z.number().int().min(1).max(1000).optional(),
        month: z.number().int().min(1).max(12).optional(),
        year: z.number().int().min(1990).max(2200).optional(),
        status: PrintIssue.shape.status.optional(),
      })
      .strict(),
    PrintIssueDetail,
    'Sửa số báo (tên, số trang, tháng/năm, trạng thái)',
  ),
  'print.flatplan.save': call(
    z.object({ issueId: IssueId, pages: z.array(PageSlot).max(1000) }).strict(),
    PrintIssueDetail,
    'Lưu cả dàn trang (sau khi kéo thả, đổi loại trang, gán quảng cáo)',
  ),
  'print.flatplan.place': call(
    z
      .object({
        issueId: IssueId,
        articleId: ArticleId,
        startPage: PageNumber,
        /** Omitted: as many pages as the article's length needs. */
        pageCount: z.number().int().min(1).max(200).optional(),
        style: z.enum(['standard', 'feature']).default('standard'),
      })
      .strict(),
    PrintIssueDetail,
    'Đặt một bài vào các trang, bắt đầu từ một trang',
  ),
  'print.flatplan.remove': call(z.object({ issueId: IssueId, articleId: ArticleId }).strict(), PrintIssueDetail, 'Gỡ bài khỏi dàn trang'),
  'print.flatplan.move': call(
    z.object({ issueId: IssueId, from: PageNumber, count: z.number().int().min(1).max(1000), to: PageNumber }).strict(),
    PrintIssueDetail,
    'Dời một hoặc nhiều trang liền nhau tới vị trí khác',
  ),
  'print.flatplan.autoPlace': call(
    z.object({ issueId: IssueId }).strict(),
    z.object({ detail: PrintIssueDetail, placed: z.array(ArticleId), unplaced: z.array(ArticleId) }),
    'Tự đặt các bài của số (bài đã duyệt trước) vào các trang trống',
  ),
  'print.copyfit': call(
    z
      .object({
        issueId: IssueId,
        articleId: ArticleId,
        action: z.enum(['tighten', 'loosen', 'shrink-figures', 'drop-figure', 'restore-figures', 'add-page', 'remove-page', 'reset', 'auto']),
      })
      .strict(),
    z.object({ detail: PrintIssueDetail, copyfit: CopyfitSchema, fit: ArticleFit.nullable(), message: z.string() }),
    'Làm vừa bài: khít chữ, giãn dòng, thu nhỏ hoặc bỏ ảnh, thêm hoặc bớt trang',
  ),
  'print.layout': call(
    z
      .object({
        issueId: IssueId,
        /** Where the page HTML should fetch fonts and pictures from: DeskApi.printBaseUrl(). */
        resourceBase: z
          .string()
          .max(400)
          .regex(/^(http:\/\/127\.0\.0\.1:\d+\/print\/[A-Za-z0-9_-]+\/|lnv-asset:\/\/print\/)$/, 'Địa chỉ tài nguyên trang không hợp lệ'),
      })
      .strict(),
    z.object({
      /** Fonts, page size and template styles: the <head> of every page document. */
      head: z.string(),
      pages: z.array(LaidOutPage),
      fits: z.array(ArticleFit),
      pageWidthMm: z.number(),
      pageHeightMm: z.number(),
      /** The bleed area drawn around the trim in the page HTML (trimmed off in the view). */
      sheetBleedMm: z.number(),
      elapsedMs: z.number(),
    }),
    'Dàn trang cả số: các trang như khi in, chữ tràn và chỗ trống của từng bài',
  ),
  'print.preflight': call(
    z.object({ issueId: IssueId }).strict(),
    z.array(PreflightFinding),
    'Kiểm tra trước khi in: chữ tràn, ảnh thiếu hoặc kém, trang trống, bài chưa duyệt…',
  ),
  'print.export.start': call(
    z
      .object({
        issueId: IssueId,
        outputs: z.array(ExportOutput).min(1).default(['print', 'proof', 'images']),
        /** Omitted: exports/<issue slug>/ in the data folder. */
        outDir: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    z.object({ jobId: z.string(), outDir: z.string() }),
    'Xuất PDF in (có dấu cắt, TrimBox/BleedBox), PDF in thử và ảnh trang cho báo điện tử',
  ),
  'print.export.cancel': call(z.object({ jobId: z.string().max(100) }).strict(), z.object({ cancelled: z.boolean() }), 'Huỷ việc xuất đang chạy'),
  'print.emagazine.start': call(
    z.object({ issueId: IssueId, siteId: z.number().int().positive() }).strict(),
    z.object({ jobId: z.string() }),
    'Đăng e-magazine của số lên web: ảnh các trang theo thứ tự và bản PDF, trong một bài (tiến độ như khi xuất)',
  ),
  'app.update.status': call(Empty, UpdateState, 'Tình trạng cập nhật ứng dụng (chỉ ứng dụng máy tính tự cập nhật)'),
  'app.update.check': call(Empty, UpdateState, 'Tìm bản mới ở nguồn cập nhật của hồ sơ ấn phẩm'),
  'app.update.download': call(Empty, UpdateState, 'Tải bản mới (sau khi người dùng đồng ý)'),
  'app.update.install': call(
    Empty,
    z.object({ installing: z.boolean(), reasons: z.array(BusyReason), message: z.string() }),
    'Khởi động lại và cài bản đã tải (không bao giờ khi đang xuất số báo hay đang gửi bài)',
  ),
  'app.folder.open': call(
    z.object({ folder: z.enum(['logs', 'crashReports', 'data']) }).strict(),
    z.object({ path: z.string(), opened: z.boolean() }),
    'Mở thư mục nhật ký, báo cáo lỗi hoặc dữ liệu (trong trình duyệt: cho biết đường dẫn)',
  ),
  'app.language.set': call(
    z.object({ language: z.enum(['vi', 'en']) }).strict(),
    z.object({ language: z.enum(['vi', 'en']) }),
    'Ngôn ngữ giao diện, để trình đơn của ứng dụng nói cùng thứ tiếng',
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the Node side pushes to every open window. */
export const events = {
  'article.saved': z.object({ id: ArticleId, updatedAt: z.string(), revisionId: z.number().int().nullable() }),
  'articles.changed': z.object({ ids: z.array(ArticleId) }),
  'notes.changed': z.object({ articleId: ArticleId }),
  'outbox.changed': z.object({}),
  'print.changed': z.object({ issueId: z.number().int() }),
  'print.export.progress': ExportProgress,
  /** A backup replaced the workspace: every window reloads what it shows. */
  'backups.restored': z.object({ name: BackupName }),
  /** A command from the application menu, for the renderer to carry out. */
  'app.command': z.object({ command: AppCommand }),
  'app.update': UpdateState,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What the renderer's API client offers, whatever carries it (IPC or HTTP). */
export interface DeskApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  assetUrl(hash: string): string;
  /** Base URL for a page document's fonts and pictures (fonts/…, assets/<hash>?w=…). */
  printBaseUrl(): string;
}
