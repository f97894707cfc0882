import type { ReactNode } from 'react';

/**
 * Small icons drawn inline, in the text's colour and size. The emoji and symbols they replace (U+1F5D3
 * calendar, U+23F1 stopwatch) need fonts that many workstations lack: headless Chromium and a plain Linux
 * desktop with DejaVu showed an empty box in their place.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <Icon>
      <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
      <path d="M1.75 6.25h12.5M5 1v3.5M11 1v3.5" />
    </Icon>
  );
}

export function ClockIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8.5" r="6" />
      <path d="M8 5v3.75l2.5 1.5M6 1h4" />
    </Icon>
  );
}
