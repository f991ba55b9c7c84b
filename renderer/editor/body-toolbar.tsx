import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '../../shared/article-body.js';
import { useApi } from '../api/api-context.js';
import { readFileAsBase64 } from './read-file.js';
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
export function BodyToolbar({ editor, onError }: { editor: Editor; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
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
    }),
  });

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
      const dataBase64 = await readFileAsBase64(file);
      const asset = await api.call('assets.add', { fileName: file.name, dataBase64 });
      editor.chain().focus().insertFigure({ asset: asset.hash, alt: asset.alt, caption: asset.caption }).run();
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
      {uploading && <span className="toolbar-note" aria-live="polite">{t('toolbar.imageUploading')}</span>}
    </div>
  );
}
