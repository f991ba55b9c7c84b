import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '../../shared/article-body.js';
import { normalizeText } from '../../shared/text/vietnamese.js';
import { useApi } from '../api/api-context.js';
import { selectedFigure, setFigureAttrs } from './figure-panel.js';
import { addImageFiles, imageFilesOf, insertFigures, insertGallery, leaveFigure } from './image-insert.js';
import { RelatedPicker } from './related-picker.js';
import { ToolbarIcon } from './toolbar-icons.js';

interface ToolButtonProps {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onRun: () => void;
  children: ReactNode;
}

/** Keeps the caret in the body: the button acts on mouse down's selection, not on a lost one. */
function ToolButton({ label, active, disabled, onRun, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

function acceptableLink(raw: string): string | null {
  const href = safeHref(raw.trim());
  if (!href) return null;
  try {
    return LINK_PROTOCOLS.includes(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/** Formatting for the article body: the few blocks and marks the magazine uses. */
export function BodyToolbar({ editor, articleId, onError }: { editor: Editor; articleId: number; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const galleryInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [relatedOpen, setRelatedOpen] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      quote: e.isActive('blockquote'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      subscript: e.isActive('subscript'),
      superscript: e.isActive('superscript'),
      pullQuote: e.isActive('pullQuote'),
      table: e.isActive('table'),
      figure: selectedFigure(e),
      hasSelection: !e.state.selection.empty,
    }),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  const pullQuote = () => {
    if (active.pullQuote) {
      editor.chain().focus().setParagraph().run();
      return;
    }
    const attribution = window.prompt(t('editorTools.pullQuotePrompt'), '');
    if (attribution === null) return;
    editor.chain().focus().setPullQuote(normalizeText(attribution).trim()).run();
  };

  /** A note about the selected words: saved as an editorial note anchored to them. */
  const comment = async () => {
    const { from, to } = editor.state.selection;
    const quote = normalizeText(editor.state.doc.textBetween(from, to, ' ')).trim();
    if (!quote) return;
    const text = window.prompt(t('editorTools.commentPrompt', { quote }), '');
    if (text === null || !text.trim()) return;
    onError(null);
    try {
      const note = await api.call('notes.add', { articleId, body: normalizeText(text).trim(), anchor: { field: 'body', quote } });
      editor.chain().focus().setTextSelection({ from, to }).setComment(note.id).run();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };

  const addGallery = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading(true);
    onError(null);
    try {
      insertGallery(editor, await addImageFiles(api, files));
    } catch (error) {
      onError(t('toolbar.imageFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setUploading(false);
    }
  };

  const editLink = () => {
    const previous = String(editor.getAttributes('link').href ?? '');
    const answer = window.prompt(t('toolbar.linkPrompt'), previous);
    if (answer === null) return;
    if (answer.trim() === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onError(null);
      return;
    }
    const href = acceptableLink(answer);
    if (!href) {
      onError(t('toolbar.linkInvalid'));
      return;
    }
    onError(null);
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  };

  const addImage = async (file: File) => {
    setUploading(true);
    onError(null);
    try {
      insertFigures(editor, await addImageFiles(api, [file]));
    } catch (error) {
      onError(t('toolbar.imageFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <ToolButton label={t('toolbar.paragraph')} active={active.paragraph} onRun={() => editor.chain().focus().setParagraph().run()}>
        ¶
      </ToolButton>
      <ToolButton label={t('toolbar.h2')} active={active.h2} onRun={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label={t('toolbar.h3')} active={active.h3} onRun={() => editor.chain().focus().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label={t('toolbar.bold')} active={active.bold} onRun={() => editor.chain().focus().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label={t('toolbar.italic')} active={active.italic} onRun={() => editor.chain().focus().toggleItalic().run()}>
        <i className="tool-italic">I</i>
      </ToolButton>
      <ToolButton label={t('toolbar.link')} active={active.link} onRun={editLink}>
        <ToolbarIcon name="link" />
      </ToolButton>
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label={t('toolbar.bulletList')} active={active.bulletList} onRun={() => editor.chain().focus().toggleBulletList().run()}>
        <ToolbarIcon name="bulletList" />
      </ToolButton>
      <ToolButton label={t('toolbar.orderedList')} active={active.orderedList} onRun={() => editor.chain().focus().toggleOrderedList().run()}>
        <ToolbarIcon name="orderedList" />
      </ToolButton>
      <ToolButton label={t('toolbar.quote')} active={active.quote} onRun={() => editor.chain().focus().toggleBlockquote().run()}>
        <ToolbarIcon name="quote" />
      </ToolButton>
      <ToolButton label={t('toolbar.image')} disabled={uploading} onRun={() => fileInput.current?.click()}>
        <ToolbarIcon name="image" />
      </ToolButton>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        data-testid="image-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void addImage(file);
        }}
      />
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label={t('editorTools.underline')} active={active.underline} onRun={() => editor.chain().focus().toggleUnderline().run()}>
        <u>U</u>
      </ToolButton>
      <ToolButton label={t('editorTools.strike')} active={active.strike} onRun={() => editor.chain().focus().toggleStrike().run()}>
        <s>S</s>
      </ToolButton>
      <ToolButton label={t('editorTools.subscript')} active={active.subscript} onRun={() => editor.chain().focus().toggleSubscript().run()}>
        <ToolbarIcon name="subscript" />
      </ToolButton>
      <ToolButton label={t('editorTools.superscript')} active={active.superscript} onRun={() => editor.chain().focus().toggleSuperscript().run()}>
        <ToolbarIcon name="superscript" />
      </ToolButton>
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label={t('editorTools.pullQuote')} active={active.pullQuote} onRun={pullQuote}>
        ❝
      </ToolButton>
      <ToolButton label={t('editorTools.comment')} disabled={!active.hasSelection} onRun={() => void comment()}>
        💬
      </ToolButton>
      <ToolButton label={t('editorTools.horizontalRule')} onRun={() => {
          leaveFigure(editor);
          editor.chain().focus().setHorizontalRule().run();
        }}>
        —
      </ToolButton>
      <ToolButton
        label={t('editorTools.insertTable')}
        active={active.table}
        onRun={() => {
          leaveFigure(editor);
          editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
        }}
      >
        ▦
      </ToolButton>
      {active.table && (
        <>
          <ToolButton label={t('editorTools.addRow')} onRun={() => editor.chain().focus().addRowAfter().run()}>
            +≡
          </ToolButton>
          <ToolButton label={t('editorTools.deleteRow')} onRun={() => editor.chain().focus().deleteRow().run()}>
            −≡
          </ToolButton>
          <ToolButton label={t('editorTools.addColumn')} onRun={() => editor.chain().focus().addColumnAfter().run()}>
            +‖
          </ToolButton>
          <ToolButton label={t('editorTools.deleteColumn')} onRun={() => editor.chain().focus().deleteColumn().run()}>
            −‖
          </ToolButton>
        </>
      )}
      <ToolButton label={t('editorTools.gallery')} disabled={uploading} onRun={() => galleryInput.current?.click()}>
        ▤
      </ToolButton>
      <input
        ref={galleryInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="gallery-files"
        onChange={(event) => {
          const files = imageFilesOf(event.currentTarget.files);
          event.currentTarget.value = '';
          void addGallery(files);
        }}
      />
      <ToolButton label={t('editorTools.related')} active={relatedOpen} onRun={() => setRelatedOpen((v) => !v)}>
        ☰
      </ToolButton>
      {active.figure && (
        <ToolButton
          label={t('editorTools.wideFigure')}
          active={active.figure.wide}
          onRun={() => active.figure && setFigureAttrs(editor, active.figure.pos, { wide: !active.figure.wide })}
        >
          ⇔
        </ToolButton>
      )}
      {relatedOpen && <RelatedPicker editor={editor} excludeId={articleId} onClose={() => setRelatedOpen(false)} />}
      {uploading && <span className="toolbar-note" aria-live="polite">{t('toolbar.imageUploading')}</span>}
    </div>
  );
}
