import { startWithBootAnswers } from '../api/client';
import { queueStore } from '../queue/store';
import { session } from '../session/session-store';
import { loadAppInfo } from './app-info';
import { currentRoute } from './route';

/**
 * Asks for what the first screen shows before React's code is even evaluated: the connection opens and
 * the core answers while the app starts and draws its shell. In the order the screen needs the answers:
 * the working time and the app (the bars count with them), who is signed in, then the queue's first
 * page and its state.
 */
function startApp(): void {
  if (currentRoute() === 'wall') return; // the wall screen asks for its own
  // The web host sent the answers to these calls with the page; elsewhere they are the first to go out.
  startWithBootAnswers(() => {
    void loadAppInfo();
    void session.load();
    void queueStore().start();
  });
}

// main.tsx imports this module first: it runs before the modules of React DOM and of the screens.
startApp();
