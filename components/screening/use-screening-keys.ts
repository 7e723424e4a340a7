'use client';

import { useEffect } from 'react';

export type ScreeningKeyHandlers = {
  onDecision: (decision: 'include' | 'exclude' | 'maybe') => void;
  onUndo: () => void;
  onNote: () => void;
  onNext: () => void;
  onPrevious: () => void;
  onHelp: () => void;
  onDigit: (digit: number) => void;
  onEscape: () => void;
};

/**
 * Screening is keyboard first: I, E, M vote; U undoes; N opens the note; J/K
 * or the arrows move; ? opens help; digits pick a reason. Keys typed into a
 * field (the note, a form) are left alone.
 */
export function useScreeningKeys(handlers: ScreeningKeyHandlers, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') return handlers.onEscape();
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      const actions: Record<string, () => void> = {
        i: () => handlers.onDecision('include'),
        e: () => handlers.onDecision('exclude'),
        m: () => handlers.onDecision('maybe'),
        u: handlers.onUndo,
        n: handlers.onNote,
        j: handlers.onNext,
        ArrowRight: handlers.onNext,
        k: handlers.onPrevious,
        ArrowLeft: handlers.onPrevious,
        '?': handlers.onHelp,
      };
      const action = actions[key.length === 1 ? key.toLowerCase() : key] ?? actions[key];
      if (action) {
        event.preventDefault();
        action();
      } else if (/^[1-9]$/.test(key)) {
        event.preventDefault();
        handlers.onDigit(Number(key));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers, enabled]);
}
