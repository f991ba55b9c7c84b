import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PrintDialogProps {
  title: string;
  /** Null while closing would lose work in progress (an export running). */
  onClose: (() => void) | null;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: focus moves into it and stays there, Esc closes it,
 * and focus returns to the button that opened it.
 */
export function PrintDialog({ title, onClose, className = '', children }: PrintDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`print-dialog ${className}`}
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <div className="print-dialog-head">
        <h2 id={`${ids}-title`}>{title}</h2>
        <button type="button" className="button button-quiet button-icon" aria-label={t('print.close')} disabled={!onClose} onClick={() => onClose?.()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}

interface FormFooterProps {
  error: string | null;
  onCancel: () => void;
  submitLabel: string;
  submitDisabled: boolean;
}

/** The end of every print dialog form: its error, then Cancel and the submit button. */
export function FormFooter({ error, onCancel, submitLabel, submitDisabled }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="print-dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('print.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
