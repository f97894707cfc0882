import { QUEUE_PAGE_SIZE } from '../../shared/api/queue-values';
import type { QueueUiState } from '../../shared/api/queue';
import type { BootAnswer } from '../../shared/api/wire-values';
import type { Core } from '../core/core';

/**
 * What the queue screen asks first, answered before its code has even run: the page's response names
 * `BOOT_PATH` as a preload, so the browser fetches these while it loads the scripts, and the renderer
 * takes them instead of asking again over the WebSocket (which opens a round trip later). Every call is a
 * read, dispatched like any other on a connection of its own, as a new WebSocket connection would be.
 */
export async function bootAnswers(core: Core): Promise<BootAnswer[]> {
  const connection = core.connect();
  const ask = async (method: string, request: unknown): Promise<BootAnswer> => ({
    method,
    request,
    result: await core.dispatch(method as never, request as never, connection),
  });
  const answers = await Promise.all([
    ask('worktime.info', {}),
    ask('app.info', {}),
    ask('session.current', {}),
    ask('queue.state.get', {}),
    ask('views.list', {}),
  ]);
  const state = answers[3]!.result;
  if (state.ok) {
    // The first page of the query the screen was left with (what the renderer asks first too).
    const { filter, search, sort } = state.value as QueueUiState;
    answers.push(
      await ask('queue.page', { query: { filter, search, sort }, offset: 0, limit: QUEUE_PAGE_SIZE }),
    );
  }
  return answers;
}
