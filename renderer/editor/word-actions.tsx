import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article.js';
import { useApi } from '../api/api-context.js';
import { IMPORT_ACCEPT, importArticleFile } from './import-file.js';

function download(fileName: string, mimeType: string, content: string, encoding: 'utf8' | 'base64'): void {
  const blob =
    encoding === 'base64'
      ? new Blob([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], { type: mimeType })
      : new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface WordActionsProps {
  articleId: number;
  /** Saves the open article first, so an export carries what is on screen. */
  flush: () => Promise<boolean>;
  /** Opens an imported article; without it the import is announced and the list shows it. */
  onOpenArticle: (id: number) => void;
}

/** Word in and out: import a .docx as a new article, export this one as Word or HTML. */
export function WordActions({ articleId, flush, onOpenArticle }: WordActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string; warnings: string[] } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await importArticleFile(api, file, t);
      const imported: ArticleSummary = result.article;
      setMessage({ kind: 'done', text: t('editorTools.imported', { title: imported.title || t('list.untitled') }), warnings: result.warnings });
      onOpenArticle(imported.id);
    } catch (error) {
      setMessage({ kind: 'error', text: t('editorTools.importFailed', { message: error instanceof Error ? error.message : String(error) }), warnings: [] });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: 'docx' | 'html') => {
    setBusy(true);
    setMessage(null);
    try {
      await flush();
      const out = await api.call('articles.export', { id: articleId, format });
      download(out.fileName, out.mimeType, out.content, out.encoding);
    } catch (error) {
      setMessage({ kind: 'error', text: t('editorTools.exportFailed', { message: error instanceof Error ? error.message : String(error) }), warnings: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('editorTools.importDocx')}
      </button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="docx-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="button" disabled={busy} onClick={() => void exportAs('docx')}>
        {t('editorTools.exportDocx')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void exportAs('html')}>
        {t('editorTools.exportHtml')}
      </button>
      {message && (
        <div className={message.kind === 'error' ? 'word-message inline-error' : 'word-message'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.warnings.length > 0 && (
            <ul>
              {message.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
