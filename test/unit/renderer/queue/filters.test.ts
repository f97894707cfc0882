import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_UI,
  EMPTY_FILTER,
  facetOptions,
  normaliseColumns,
  sameViewState,
  toggleValue,
  viewStateOf,
} from '../../../../src/renderer/queue/filters';

describe('queue filters', () => {
  it('toggles a value in and out of a facet', () => {
    const once = toggleValue(EMPTY_FILTER, 'statuses', 'new');
    expect(once.statuses).toEqual(['new']);
    expect(toggleValue(once, 'statuses', 'new').statuses).toEqual([]);
    expect(activeFilterCount({ ...once, mine: true, due: ['overdue'] })).toBe(3);
  });

  it('treats a view as unchanged whatever the order of the chosen values', () => {
    const a = viewStateOf({ ...DEFAULT_UI, filter: { ...EMPTY_FILTER, topics: ['ЖКХ', 'Дороги'] } });
    const b = viewStateOf({ ...DEFAULT_UI, filter: { ...EMPTY_FILTER, topics: ['Дороги', 'ЖКХ'] } });
    expect(sameViewState(a, b)).toBe(true);
    expect(sameViewState(a, { ...b, sort: { key: 'detected', desc: true } })).toBe(false);
    expect(sameViewState(a, { ...b, columns: ['timer'] })).toBe(false);
  });

  it('lists every value with its count, and chosen ones even at zero', () => {
    const options = facetOptions({ ЖКХ: 3, Дороги: 7 }, ['Мусор'], (v) => v);
    expect(options).toEqual([
      { value: 'Дороги', label: 'Дороги', count: 7 },
      { value: 'ЖКХ', label: 'ЖКХ', count: 3 },
      { value: 'Мусор', label: 'Мусор', count: 0 },
    ]);
    expect(facetOptions({ normal: 5 }, [], (v) => v, ['high', 'normal']).map((o) => o.value)).toEqual([
      'high',
      'normal',
    ]);
  });

  it('keeps the columns in the table order and never none', () => {
    expect(normaliseColumns(['status', 'timer', 'text'])).toEqual(['timer', 'text', 'status']);
    expect(normaliseColumns([])).toEqual(['timer']);
  });
});
