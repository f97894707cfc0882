import { useCallback, useEffect, useState } from 'react';
import type { IncidentCard } from '../../shared/api/workflow';
import { api, ApiCallError } from '../api/client';
import { useSession } from '../session/session-store';

export type CardState =
  { kind: 'loading' } | { kind: 'ready'; card: IncidentCard } | { kind: 'failed'; message: string };

/** One incident's card, re-read when it changes anywhere (another window, the CLI, sync) or the person changes. */
export function useCard(id: string) {
  const [state, setState] = useState<CardState>({ kind: 'loading' });
  const session = useSession();
  const userId = session?.user?.id ?? null;

  const load = useCallback(
    () =>
      api.call('incidents.card', { id }).then(
        (card) => setState({ kind: 'ready', card }),
        (e: unknown) =>
          setState({
            kind: 'failed',
            message: e instanceof ApiCallError ? e.message : 'Нет связи с приложением',
          }),
      ),
    [id],
  );

  useEffect(() => {
    let alive = true;
    const fetchCard = () =>
      api.call('incidents.card', { id }).then(
        (card) => alive && setState({ kind: 'ready', card }),
        (e: unknown) =>
          alive &&
          setState({
            kind: 'failed',
            message: e instanceof ApiCallError ? e.message : 'Нет связи с приложением',
          }),
      );
    void fetchCard();
    const off = api.on('queue.changed', (e) => {
      if (e.ids.length === 0 || e.ids.includes(id)) void fetchCard();
    });
    return () => {
      alive = false;
      off();
    };
  }, [id, userId]);

  /** Runs a workflow command against the version on screen; the core answers with the new card. */
  const execute = useCallback(
    async (command: Record<string, unknown>): Promise<string | null> => {
      if (state.kind !== 'ready') return 'Карточка ещё не загружена';
      const { state: wf } = state.card;
      try {
        const card = await api.call('workflow.execute', {
          command: { ...command, incidentId: id, expectedStatus: wf.status, expectedVersion: wf.version },
        });
        setState({ kind: 'ready', card });
        return null;
      } catch (e) {
        if (e instanceof ApiCallError && e.error.code === 'conflict') void load();
        return e instanceof ApiCallError ? e.message : 'Нет связи с приложением';
      }
    },
    [state, id, load],
  );

  const replace = useCallback((card: IncidentCard) => setState({ kind: 'ready', card }), []);

  return { state, execute, reload: load, replace };
}
