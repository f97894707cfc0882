// First: the calls of the first screen go out before the rest of the app's code runs.
import { firstScreen } from './app/boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
void firstScreen.then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The first screen formats its dates without Intl; the incident card, reports and settings use it. Its
  // first use loads ICU's data (20–30 ms): done once the page is idle, not when a card opens.
  requestIdleCallback(
    () => void new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: '2-digit' }).format(0),
    { timeout: 5_000 },
  );
});
