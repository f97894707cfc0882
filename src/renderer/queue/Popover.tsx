import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useClickAway } from '../app/click-away';

type Props = {
  label: ReactNode;
  /** Names the menu for assistive technology and tests. */
  name: string;
  testId: string;
  active?: boolean;
  children: ReactNode;
};

/** A button that opens a small panel below it; Esc or a click elsewhere closes it and focus returns. */
export function Popover({ label, name, testId, active = false, children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useClickAway(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );
  return (
    <div className="popover" ref={root} data-testid={testId}>
      <button
        ref={button}
        type="button"
        className={`popover__button${active ? ' popover__button--active' : ''}`}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
      >
        {label} ▾
      </button>
      {open && (
        <div
          className="popover__panel"
          role="group"
          aria-label={name}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          {children}
        </div>
      )}
    </div>
  );
}
