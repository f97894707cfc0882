import { useEffect, type RefObject } from 'react';

/**
 * While `open`, a press anywhere outside `root` calls `close`: the queue's menus and the notification
 * centre close this way, as menus do.
 */
export function useClickAway(root: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [root, open, close]);
}
