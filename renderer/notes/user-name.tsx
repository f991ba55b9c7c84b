import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';

/** Who works at this desk: the name notes and status changes are signed with. */
export function UserName() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('user.get', {}).then(
      (user) => {
        if (!live) return;
        setSaved(user.name);
        setName(user.name);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = async () => {
    setError(null);
    try {
      const user = await api.call('user.set', { name: name.trim() });
      setSaved(user.name);
      setName(user.name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const dirty = saved !== null && name.trim() !== saved;
  return (
    <form
      className="user-name"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id}>{t('workflow.yourName')}</label>
      <div className="user-name-row">
        <input id={id} type="text" lang="vi" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-small" disabled={!dirty || !name.trim()}>
          {t('workflow.saveName')}
        </button>
      </div>
      <p className="panel-status" aria-live="polite">
        {error ?? (saved !== null && !dirty ? t('workflow.nameSaved', { name: saved }) : '')}
      </p>
    </form>
  );
}
