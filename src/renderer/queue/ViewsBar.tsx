import { memo, useState } from 'react';
import type { QueueUiState, SavedView } from '../../shared/api/queue';
import { ApiCallError } from '../api/client';
import { sameViewState, viewStateOf } from './filters';
import type { QueueStore } from './store';

/** Saved views: «Вся очередь», the user's own, and saving, updating, deleting them. */
export const ViewsBar = memo(function ViewsBar({
  store,
  ui,
  views,
}: {
  store: QueueStore;
  ui: QueueUiState;
  views: SavedView[];
}) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = views.find((v) => v.id === ui.activeViewId) ?? null;
  const modified = active !== null && !sameViewState(active.state, viewStateOf(ui));
  const run = (action: Promise<unknown>) =>
    action.then(
      () => setError(null),
      (e: unknown) => setError(e instanceof ApiCallError ? e.message : 'Не удалось сохранить вид: нет связи'),
    );
  return (
    <nav className="views" aria-label="Виды очереди">
      <button
        type="button"
        data-testid="view-all"
        aria-pressed={ui.activeViewId === null}
        onClick={() => store.showAll()}
      >
        Вся очередь
      </button>
      {views.map((v) => (
        <button
          key={v.id}
          type="button"
          data-testid="view-tab"
          data-view-name={v.name}
          aria-pressed={v.id === ui.activeViewId}
          onClick={() => store.applyView(v)}
        >
          {v.name}
          {v.id === ui.activeViewId && modified ? ' *' : ''}
        </button>
      ))}
      {naming ? (
        <form
          className="views__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            void run(store.saveView(name.trim()).then(() => (setNaming(false), setName(''))));
          }}
        >
          <input
            data-testid="view-name"
            aria-label="Название вида"
            placeholder="Название вида"
            value={name}
            maxLength={80}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button type="submit" data-testid="view-save-confirm">
            Сохранить
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Отмена
          </button>
        </form>
      ) : (
        <button type="button" data-testid="view-save" onClick={() => setNaming(true)}>
          Сохранить вид…
        </button>
      )}
      {active && modified && (
        <button type="button" data-testid="view-update" onClick={() => void run(store.updateView(active))}>
          Обновить «{active.name}»
        </button>
      )}
      {active && (
        <button type="button" data-testid="view-delete" onClick={() => void run(store.deleteView(active))}>
          Удалить вид
        </button>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </nav>
  );
});
