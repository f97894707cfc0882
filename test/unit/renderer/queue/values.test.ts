import { describe, expect, it } from 'vitest';
import { Importance, IncidentSource, Network, OPEN_STATUSES } from '../../../../src/shared/domain/incident';
import { QueueUiState } from '../../../../src/shared/api/queue';
import {
  IMPORTANCES,
  NETWORKS,
  OPEN_STATUSES as QUEUE_OPEN_STATUSES,
  SOURCES,
  uiStateOf,
} from '../../../../src/renderer/queue/values';
import { DEFAULT_UI, EMPTY_FILTER } from '../../../../src/renderer/queue/filters';

describe('the queue’s lists of values (copied from the schemas, which the renderer does not load)', () => {
  it('are the shared ones, in the same order', () => {
    expect(QUEUE_OPEN_STATUSES).toEqual(OPEN_STATUSES);
    expect(SOURCES).toEqual(IncidentSource.options);
    expect(NETWORKS).toEqual(Network.options);
    expect([...IMPORTANCES].sort()).toEqual([...Importance.options].sort());
  });
});

describe('a queue state read back from the window’s storage', () => {
  const stored = {
    ...DEFAULT_UI,
    filter: { ...EMPTY_FILTER, topics: ['ЖКХ'], importance: ['high'], due: ['overdue'], mine: true },
    search: 'яма',
    sort: { key: 'detected', desc: true },
    columns: ['timer', 'text'],
    activeViewId: 'view-1',
  };

  it('is taken as it is when it is a state the core would accept', () => {
    expect(QueueUiState.parse(stored)).toEqual(stored);
    expect(uiStateOf(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(uiStateOf(DEFAULT_UI)).toEqual(DEFAULT_UI);
  });

  it('is dropped when it is not one (another version of the app, or edited)', () => {
    for (const bad of [
      null,
      'state',
      { ...stored, filter: { ...stored.filter, sources: ['fax'] } },
      { ...stored, filter: { ...stored.filter, mine: 'yes' } },
      { ...stored, filter: { ...stored.filter, due: ['soon'] } },
      { ...stored, sort: { key: 'author', desc: false } },
      { ...stored, columns: ['timer', 'colour'] },
      { ...stored, columns: [] },
      { ...stored, search: 42 },
      { ...stored, activeViewId: 7 },
      { ...stored, filter: undefined },
    ]) {
      expect(uiStateOf(bad)).toBeNull();
    }
  });
});
