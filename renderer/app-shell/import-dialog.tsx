import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { IMPORT_ACCEPT, importArticleFile } from '../editor/import-file.js';
import { PrintDialog } from '../print/print-dialog.js';

/**
 * "Nhập Word" from the menu. A browser opens a file chooser only from a click on the page, so the
 * menu opens this dialog and its button opens the chooser.
 */
export function ImportDialog({ onImported, onClose }: { onImported(articleId: number, warnings: string[]): void; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const { article, warnings } = await importArticleFile(api, file, t);
      onImported(article.id, warnings);
    } catch (e) {
      setError(t('editorTools.importFailed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return (
    <PrintDialog title={t('appShell.importTitle')} onClose={busy ? null : onClose}>
      <p>{t('appShell.importLead')}</p>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="menu-import-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="print-dialog-actions">
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          {t('print.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t('appShell.importing') : t('appShell.chooseFile')}
        </button>
      </div>
    </PrintDialog>
  );
}
