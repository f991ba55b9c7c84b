import { useTranslation } from 'react-i18next';
import type { FieldDiff } from '../../shared/contract.js';

/** Unchanged stretches longer than this are shortened to their ends, so the changes stay in view. */
const KEEP = 80;

export function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= KEEP * 2) return text;
  const head = first ? '' : text.slice(0, KEEP);
  const tail = last ? '' : text.slice(-KEEP);
  return `${head} … ${tail}`;
}

/** Word-level changes per field: added words underlined in green, removed ones struck in red. */
export function RevisionDiff({ diffs }: { diffs: FieldDiff[] }) {
  const { t } = useTranslation();
  const changed = diffs.filter((d) => d.segments.some((s) => s.kind !== 'same'));
  if (changed.length === 0) return <p className="list-empty">{t('history.noChanges')}</p>;
  return (
    <div className="revision-diff" lang="vi">
      {changed.map((diff) => (
        <section key={diff.field} className="diff-field" aria-label={t('history.fieldChanges', { field: t(`history.fields.${diff.field}`) })}>
          <h4>{t(`history.fields.${diff.field}`)}</h4>
          <p className="diff-text">
            {diff.segments.map((segment, index) =>
              segment.kind === 'added' ? (
                <ins key={index} className="diff-added">
                  {segment.text}
                </ins>
              ) : segment.kind === 'removed' ? (
                <del key={index} className="diff-removed">
                  {segment.text}
                </del>
              ) : (
                <span key={index}>{shorten(segment.text, index === 0, index === diff.segments.length - 1)}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
