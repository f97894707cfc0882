import { memo, useEffect, useRef, useState, type Ref } from 'react';
import type { QueueStore } from './store';

const DEBOUNCE_MS = 200;

type Props = {
  store: QueueStore;
  value: string;
  inputRef: Ref<HTMLInputElement>;
  /** Down arrow or Enter: on to the list. */
  onLeave(): void;
};

/** Full-text search (text, author, location); `/` focuses it, Esc clears it. */
export const SearchBox = memo(function SearchBox({ store, value, inputRef, onLeave }: Props) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The store's search changed elsewhere (a view applied, filters reset): show it.
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const apply = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setApplied(next);
    store.setSearch(next);
  };
  return (
    <input
      ref={inputRef}
      type="search"
      className="search"
      data-testid="queue-search"
      aria-label="Поиск по тексту, автору и месту"
      placeholder="Поиск: текст, автор, место  ( / )"
      value={draft}
      maxLength={200}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => apply(next), DEBOUNCE_MS);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setDraft('');
          apply('');
        } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
          e.preventDefault();
          apply(draft);
          onLeave();
        }
      }}
    />
  );
});
