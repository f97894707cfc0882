import { startWithBootAnswers } from '../api/client';
import { queueStore } from '../queue/store';
import { session } from '../session/session-store';
import { loadAppInfo } from './app-info';
import { currentRoute } from './route';

/**
 * Makes the first screen's calls before React's code is even evaluated: the working time and the app
 * (the bars count with them), who is signed in, the queue's first page and its state. The web host sent
 * the answers with the page; elsewhere these are the first calls to go out.
 *
 * Settles when the app should draw: with the host's answers at hand the whole first screen is a few
 * milliseconds away, so it is drawn once, rows and all, rather than as a shell to be drawn again with
 * the rows a moment later. Without them (Electron asks over IPC) at once: the shell, then the rows.
 */
function startApp(): Promise<void> {
  if (currentRoute() === 'wall') return Promise.resolve(); // the wall screen asks for its own
  let first: Promise<unknown>[] = [];
  const answered = startWithBootAnswers(() => {
    first = [loadAppInfo(), session.load(), queueStore().start()];
  });
  return answered.then(async (yes) => {
    if (yes) await Promise.allSettled(first);
  });
}

/** main.tsx imports this module first: the calls go out before the modules of React DOM and the screens. */
export const firstScreen = startApp();
