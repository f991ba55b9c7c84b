import { useCallback, useEffect, useRef, useState } from 'react';
import type { PmDoc } from '../../shared/model/article.js';
import type { ProofFinding } from '../../shared/proofing/proofing-rules.js';
import { useApi } from '../api/api-context.js';

/** How long after a save the desk proofs again: long enough not to proof every autosave burst. */
const AFTER_SAVE_MS = 2500;

export interface Proofing {
  findings: ProofFinding[] | null;
  /** The body the findings were computed on, to tell which body fixes can be pinned down. */
  body: PmDoc | null;
  running: boolean;
  error: string | null;
  run: () => Promise<void>;
}

/** Proofs the open article when it opens, on demand, and a little after each save. */
export function useProofing(articleId: number): Proofing {
  const api = useApi();
  const [findings, setFindings] = useState<ProofFinding[] | null>(null);
  const [body, setBody] = useState<PmDoc | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setRunning(true);
    try {
      const [found, article] = await Promise.all([api.call('articles.proof', { id: articleId }), api.call('articles.get', { id: articleId })]);
      if (ticket !== latest.current) return;
      setFindings(found);
      setBody(article.body);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (ticket === latest.current) setRunning(false);
    }
  }, [api, articleId]);

  useEffect(() => {
    // Proofing the just-opened article waits a tick, so opening renders first.
    let timer: ReturnType<typeof setTimeout> | null = setTimeout(() => void run(), 0);
    const off = api.on('article.saved', ({ id }) => {
      if (id !== articleId) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), AFTER_SAVE_MS);
    });
    return () => {
      latest.current += 1;
      if (timer) clearTimeout(timer);
      off();
    };
  }, [api, articleId, run]);

  return { findings, body, running, error, run };
}
