import { useMemo, useRef, type DragEvent } from 'react';

/** What is being dragged over the flatplan: pages of the plan, or an article from the side list. */
export type DragPayload = { kind: 'pages'; from: number; count: number } | { kind: 'article'; articleId: number };

export interface DragBus {
  start(payload: DragPayload, event: DragEvent, description: string): void;
  /** The payload while a drag is on; drop targets read it during dragover, when dataTransfer is locked. */
  current(): DragPayload | null;
  end(): void;
}

/** One drag at a time in the print workspace, shared by the side list and the flatplan. */
export function useDragBus(): DragBus {
  const payload = useRef<DragPayload | null>(null);
  return useMemo<DragBus>(
    () => ({
      start(next, event, description) {
        payload.current = next;
        const data = event.dataTransfer as DataTransfer | null | undefined;
        if (data) {
          data.effectAllowed = 'move';
          // Some browsers start a drag only when it carries data; the text also helps screen readers.
          data.setData('text/plain', description);
        }
      },
      current: () => payload.current,
      end() {
        payload.current = null;
      },
    }),
    [],
  );
}

/**
 * Where a run of `count` pages lands when dropped on page `target`: its first page becomes
 * `target`, pulled back so the run still ends inside the issue. Null when nothing would move.
 */
export function moveTarget(from: number, count: number, target: number, pageCount: number): number | null {
  const to = Math.max(1, Math.min(target, pageCount - count + 1));
  return to === from ? null : to;
}
