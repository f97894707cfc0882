/** What a key does on the queue screen (keyboard first: ux.md). */
export type QueueKeyAction =
  'next' | 'prev' | 'page-down' | 'page-up' | 'first' | 'last' | 'open' | 'search' | 'clear';

export type KeyContext = {
  /** Focus is in a field or on a control (the search, a filter menu, a button): its keys are its own. */
  inField: boolean;
};

/** The action of a key press, or null to leave the key alone. Modified keys are never ours. */
export function queueKeyAction(
  key: string,
  ctx: KeyContext,
  modifiers: { ctrl: boolean; alt: boolean; meta: boolean } = { ctrl: false, alt: false, meta: false },
): QueueKeyAction | null {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null;
  if (ctx.inField) return null;
  switch (key) {
    case 'j':
    case 'о': // the same key on the Russian layout
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'л':
    case 'ArrowUp':
      return 'prev';
    case 'PageDown':
      return 'page-down';
    case 'PageUp':
      return 'page-up';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'open';
    case '/':
    case '.': // «/» is Shift+«.» on the Russian layout; the «.» key is where «/» is on the Latin one
      return 'search';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}

/** The row selected after an action, within [0, total). */
export function moveSelection(
  action: 'next' | 'prev' | 'page-down' | 'page-up' | 'first' | 'last',
  current: number | null,
  total: number,
  pageRows: number,
): number | null {
  if (total === 0) return null;
  const at = current ?? -1;
  const clamp = (i: number) => Math.max(0, Math.min(total - 1, i));
  switch (action) {
    case 'next':
      return clamp(at + 1);
    case 'prev':
      return clamp(current === null ? 0 : at - 1);
    case 'page-down':
      return clamp(at + pageRows);
    case 'page-up':
      return clamp(at - pageRows);
    case 'first':
      return 0;
    case 'last':
      return total - 1;
  }
}
