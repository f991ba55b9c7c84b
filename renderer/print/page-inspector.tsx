import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleFit } from '../../shared/contract.js';
import type { ArticleSummary } from '../../shared/model/article.js';
import type { PageKind, PageSlot, PartPageAd, PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { Section } from '../../shared/model/workspace.js';
import { pageSide, slot as emptySlot } from '../../shared/print/flatplan.js';
import { useApi } from '../api/api-context.js';
import { readFileAsBase64 } from '../editor/read-file.js';
import { CopyfitControls, FitStatus } from './fit-status.js';
import { AD_SIZES, MANUAL_KINDS, PICTURE_KINDS, pageRun, pageWhat, type IssueIndex } from './page-content.js';
import { errorMessage } from './use-print-issue.js';

interface PageInspectorProps {
  detail: PrintIssueDetail;
  index: IssueIndex;
  page: number;
  sections: Section[];
  /** The issue's articles not on any page yet, for placing one here from the keyboard. */
  unplaced: ArticleSummary[];
  onSavePages(pages: PageSlot[]): Promise<boolean>;
  onMove(from: number, count: number, to: number): void;
  onPlace(articleId: number, startPage: number): void;
  onRemove(articleId: number): void;
  onCopyfit(detail: PrintIssueDetail, fit: ArticleFit | null): void;
  onShowPage(page: number): void;
  onOpenArticle(articleId: number): void;
}

/** The selected page: what it is, what is on it, and the keyboard way to move or fill it. */
export function PageInspector(props: PageInspectorProps) {
  const { detail, index, page, onSavePages } = props;
  const { t } = useTranslation();
  const ids = useId();
  const slot = detail.flatplan.pages[page - 1];
  if (!slot) return null;

  const replace = (next: PageSlot) => onSavePages(detail.flatplan.pages.map((p, i) => (i === page - 1 ? next : p)));
  const changeKind = (kind: PageKind) => {
    // A new kind starts clean, but the words and the picture chosen for the page stay.
    const keepsPicture = PICTURE_KINDS.includes(kind);
    void replace(emptySlot(kind, { label: slot.label, assetHash: keepsPicture ? slot.assetHash : null }));
  };
  const placed = slot.kind === 'article' && slot.articleId !== null ? index.placed.get(slot.articleId) : undefined;

  return (
    <section className="page-inspector" aria-labelledby={`${ids}-title`}>
      <div className="print-section-head">
        <h2 id={`${ids}-title`}>
          {t('print.inspector.title', { page, side: t(`print.side.${pageSide(page)}`) })}
        </h2>
        <button type="button" className="button button-small" onClick={() => props.onShowPage(page)}>
          {t('print.inspector.view')}
        </button>
      </div>
      <p className="inspector-what" lang="vi">
        {pageWhat(slot, index, t)}
      </p>

      <label className="field">
        <span className="field-label">{t('print.inspector.kind')}</span>
        <select value={slot.kind} onChange={(e) => changeKind(e.target.value as PageKind)}>
          {(slot.kind === 'article' ? (['article', ...MANUAL_KINDS] as PageKind[]) : MANUAL_KINDS).map((kind) => (
            <option key={kind} value={kind}>
              {t(`print.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>

      {slot.kind !== 'article' && slot.kind !== 'empty' && <PageDetails key={`${page}:${slot.kind}:${slot.label}`} slot={slot} sections={props.sections} onSave={replace} />}

      {slot.kind === 'article' && (
        <FootAd key={`${page}:${slot.ad?.assetHash ?? ''}:${slot.ad?.size ?? ''}:${slot.ad?.name ?? ''}`} slot={slot} onSave={replace} />
      )}

      {placed && slot.articleId !== null && (
        <div className="inspector-article">
          <p>
            <strong lang="vi">{placed.title}</strong>
            <br />
            <span className={`badge status-${placed.status}`}>{t(`status.${placed.status}`, { defaultValue: placed.status })}</span>{' '}
            {placed.firstPage === placed.lastPage
              ? t('print.tray.onPage', { page: placed.firstPage })
              : t('print.tray.onPages', { from: placed.firstPage, to: placed.lastPage })}
          </p>
          <p>
            <FitStatus fit={index.fits.get(slot.articleId)} />
          </p>
          <div className="panel-actions">
            <button type="button" className="button button-small button-primary" onClick={() => props.onOpenArticle(placed.articleId)}>
              {t('print.editArticle')}
            </button>
            <button type="button" className="button button-small" onClick={() => props.onRemove(placed.articleId)}>
              {t('print.inspector.removeArticle')}
            </button>
          </div>
          <CopyfitControls key={placed.articleId} issueId={detail.issue.id} articleId={placed.articleId} onResult={props.onCopyfit} />
        </div>
      )}

      {(slot.kind === 'empty' || slot.kind === 'blank') && props.unplaced.length > 0 && <PlaceHere page={page} unplaced={props.unplaced} onPlace={props.onPlace} />}

      <MoveForm key={`${page}:${slot.articleId ?? ''}`} page={page} slot={slot} index={index} pageCount={detail.flatplan.pages.length} onMove={props.onMove} />
    </section>
  );
}

/**
 * A save or an upload in progress, and what went wrong. `upload` adds the picked picture or PDF to
 * the assets (`print.art.add`) and hands its hash on; full-page and part-page ads share it.
 */
function usePictureUpload() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File | undefined, use: (assetHash: string) => Promise<unknown>) =>
    file
      ? run(async () => {
          const asset = await api.call('print.art.add', { fileName: file.name || 'quang-cao.jpg', dataBase64: await readFileAsBase64(file) });
          await use(asset.hash);
        })
      : Promise.resolve();

  return { busy, error, run, upload };
}

/**
 * "Quảng cáo cuối trang": a part-page advertisement at the foot of an article page; the text
 * columns end above it. It is saved once it has a picture; size and name changes after that save at once / on "Lưu".
 */
function FootAd({ slot, onSave }: { slot: PageSlot; onSave(next: PageSlot): Promise<boolean> }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [size, setSize] = useState<PartPageAd['size']>(slot.ad?.size ?? 'quarter');
  const [name, setName] = useState(slot.ad?.name ?? '');
  const { busy, error, run, upload } = usePictureUpload();
  const ad = slot.ad;

  const saveAd = (next: PartPageAd | null) => run(() => onSave({ ...slot, ad: next }));
  const changeSize = (next: PartPageAd['size']) => {
    setSize(next);
    if (ad) void saveAd({ ...ad, name: name.trim(), size: next });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ad) void saveAd({ ...ad, name: name.trim(), size });
  };

  return (
    <form className="foot-ad" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('print.inspector.footAd.title')}</h3>
      {!ad && <p className="list-empty">{t('print.inspector.footAd.none')}</p>}
      <label className="field">
        <span className="field-label">{t('print.inspector.footAd.size')}</span>
        <select value={size} disabled={busy} onChange={(e) => changeSize(e.target.value as PartPageAd['size'])}>
          {AD_SIZES.map((s) => (
            <option key={s} value={s}>
              {t(`print.adSize.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('print.inspector.footAd.name')}</span>
        <input type="text" value={name} maxLength={200} lang="vi" onChange={(e) => setName(e.target.value)} />
      </label>
      {ad && <img src={api.assetUrl(ad.assetHash)} alt={t('print.inspector.footAd.pictureAlt', { name: ad.name || t('print.kind.ad') })} />}
      <label className="field">
        <span className="field-label">{ad ? t('print.inspector.footAd.replacePicture') : t('print.inspector.footAd.picture')}</span>
        <input
          type="file"
          accept="image/*,application/pdf"
          disabled={busy}
          onChange={(e) => void upload(e.target.files?.[0], (assetHash) => onSave({ ...slot, ad: { assetHash, name: name.trim(), size } }))}
        />
        <span className="field-hint">{t('print.inspector.artHint')}</span>
      </label>
      {ad && (
        <div className="foot-ad-actions">
          <button type="submit" className="button button-small" disabled={busy || (name.trim() === ad.name && size === ad.size)}>
            {t('print.inspector.footAd.save')}
          </button>
          <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void saveAd(null)}>
            {t('print.inspector.footAd.remove')}
          </button>
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Label, picture and section of a page that is not an article: the advertiser's name and artwork, the cover… */
function PageDetails({ slot, sections, onSave }: { slot: PageSlot; sections: Section[]; onSave(next: PageSlot): Promise<boolean> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [label, setLabel] = useState(slot.label);
  const { busy, error, run, upload: uploadPicture } = usePictureUpload();

  const save = (patch: Partial<PageSlot>) => run(() => onSave({ ...slot, ...patch }));
  const upload = (file: File | undefined) => uploadPicture(file, (assetHash) => onSave({ ...slot, label, assetHash }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ label: label.trim() });
  };

  const hasPicture = PICTURE_KINDS.includes(slot.kind);
  return (
    <form className="page-details" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{slot.kind === 'ad' ? t('print.inspector.adLabel') : t('print.inspector.labelField')}</span>
        <input type="text" value={label} maxLength={200} lang="vi" onChange={(e) => setLabel(e.target.value)} />
      </label>
      {slot.kind === 'section-opener' && (
        <label className="field">
          <span className="field-label">{t('print.inspector.section')}</span>
          <select
            value={slot.sectionId ?? ''}
            disabled={busy}
            onChange={(e) => void save({ label: label.trim(), sectionId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('editor.noSection')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {hasPicture && (
        <div className="page-picture">
          {slot.assetHash ? (
            <img src={api.assetUrl(slot.assetHash)} alt={t('print.inspector.pictureAlt', { label: slot.label || t(`print.kind.${slot.kind}`) })} />
          ) : (
            <p className="list-empty">{t('print.inspector.noPicture')}</p>
          )}
          <label className="field">
            <span className="field-label">{slot.kind === 'ad' ? t('print.inspector.adPicture') : t('print.inspector.picture')}</span>
            <input type="file" accept="image/*,application/pdf" disabled={busy} onChange={(e) => void upload(e.target.files?.[0])} />
            <span className="field-hint">{t('print.inspector.artHint')}</span>
          </label>
          {slot.assetHash && (
            <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void save({ assetHash: null })}>
              {t('print.inspector.removePicture')}
            </button>
          )}
        </div>
      )}
      <button type="submit" className="button button-small" disabled={busy || label.trim() === slot.label}>
        {t('print.inspector.saveLabel')}
      </button>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Keyboard way to drop an unplaced article on an empty page. */
function PlaceHere({ page, unplaced, onPlace }: { page: number; unplaced: ArticleSummary[]; onPlace(articleId: number, startPage: number): void }) {
  const { t } = useTranslation();
  const [articleId, setArticleId] = useState<number | null>(unplaced[0]?.id ?? null);
  const chosen = unplaced.some((a) => a.id === articleId) ? articleId : (unplaced[0]?.id ?? null);
  return (
    <form
      className="place-here"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== null) onPlace(chosen, page);
      }}
    >
      <label className="field">
        <span className="field-label">{t('print.inspector.placeHere')}</span>
        <select value={chosen ?? ''} onChange={(e) => setArticleId(Number(e.target.value))}>
          {unplaced.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title || t('list.untitled')} · {t(`status.${a.status}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-small">
        {t('print.inspector.placeSubmit')}
      </button>
    </form>
  );
}

/** "Dời tới trang…": the keyboard alternative to dragging a page or an article's pages. */
function MoveForm({ page, slot, index, pageCount, onMove }: { page: number; slot: PageSlot; index: IssueIndex; pageCount: number; onMove(from: number, count: number, to: number): void }) {
  const { t } = useTranslation();
  const run = pageRun(slot, page, index);
  const [wholeArticle, setWholeArticle] = useState(run.count > 1);
  const [target, setTarget] = useState('');
  const moving = wholeArticle ? run : { from: page, count: 1 };
  const last = pageCount - moving.count + 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = Number(target);
    if (!Number.isInteger(to) || to < 1 || to > last || to === moving.from) return;
    onMove(moving.from, moving.count, to);
    setTarget('');
  };

  return (
    <form className="move-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t('print.inspector.moveTo')}</span>
        <input type="number" min={1} max={last} required value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      {run.count > 1 && (
        <label className="check">
          <input type="checkbox" checked={wholeArticle} onChange={(e) => setWholeArticle(e.target.checked)} />
          {t('print.inspector.wholeArticle', { from: run.from, to: run.from + run.count - 1 })}
        </label>
      )}
      <button type="submit" className="button button-small">
        {t('print.inspector.move')}
      </button>
    </form>
  );
}
