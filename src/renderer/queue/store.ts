import type {
  QueueCounters,
  QueueFilter,
  QueueQueryInput,
  QueueRow,
  QueueSort,
  QueueColumnId,
  QueueUiState,
  SavedView,
} from '../../shared/api/queue';
import { QUEUE_PAGE_SIZE } from '../../shared/api/queue-values';
import { api, ApiCallError } from '../api/client';
import { syncClock } from '../clock/clock';
import { DEFAULT_UI, EMPTY_FILTER, normaliseColumns, viewStateOf } from './filters';
import { uiStateOf } from './values';

/** Rows per request (the web host's first page, sent with the app's page, has as many). */
export const PAGE_SIZE = QUEUE_PAGE_SIZE;
/**
 * Rows fetched ahead of those rendered, on both sides: the next page is asked while a screenful of rows is
 * still to come, so scrolling finds its rows loaded instead of «Загрузка…» rows filled a moment later.
 */
const AHEAD_ROWS = 20;
/** A copy of the stored state, so that the first page is asked at once; the database's copy wins. */
const CACHE_KEY = 'otklik.queue.ui';
/** Overdue and «within an hour» move with time: the counters are asked again this often. */
const COUNTERS_EVERY_MS = 30_000;
const SAVE_DELAY_MS = 300;

export type QueueStatus = 'loading' | 'ready' | 'failed';

export type QueueSnapshot = {
  status: QueueStatus;
  message: string | null;
  ui: QueueUiState;
  /** Incidents matching the query. */
  total: number;
  counters: QueueCounters | null;
  views: SavedView[];
  /** Grows whenever loaded rows change (rowAt gives other rows). */
  rowsVersion: number;
  /** Grows when the query changes: the list starts from the top. */
  queryVersion: number;
};

/** The same counts (the core's clock at counting aside): nothing on screen would change. */
function sameCounters(a: QueueCounters | null, b: QueueCounters): boolean {
  return a !== null && JSON.stringify({ ...a, now: 0 }) === JSON.stringify({ ...b, now: 0 });
}

function messageOf(e: unknown): string {
  return e instanceof ApiCallError ? e.message : 'Нет связи с ядром приложения';
}

/**
 * The queue as the screen sees it: the query (filters, search, sort, columns) stored in the workstation's
 * database, the counters, and the rows fetched a page at a time around what is on screen. One store for
 * the app, read through `useSyncExternalStore`; the table asks `rowAt(i)` only for the rows it renders.
 */
export class QueueStore {
  private snapshot: QueueSnapshot = {
    status: 'loading',
    message: null,
    ui: DEFAULT_UI,
    total: 0,
    counters: null,
    views: [],
    rowsVersion: 0,
    queryVersion: 0,
  };
  private readonly listeners = new Set<() => void>();
  private pages = new Map<number, QueueRow[]>();
  private readonly requested = new Set<number>();
  /** Answers to an older query (or an older refresh) are dropped. */
  private epoch = 0;
  private visible: [number, number] = [0, 0];
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshing = false;
  private refreshAgain = false;
  private stopFns: (() => void)[] = [];
  private started: Promise<void> | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): QueueSnapshot => this.snapshot;

  rowAt(index: number): QueueRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /**
   * Loads the first page, the stored state and the counters; listens for changes. Idempotent. Settles
   * when the first page is in (or could not be had); the rest follows.
   */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  stop(): void {
    this.flushSave();
    this.stopFns.forEach((f) => f());
    this.stopFns = [];
    this.started = null;
  }

  private begin(): Promise<void> {
    this.stopFns.push(api.on('queue.changed', () => void this.refresh()));
    const timer = setInterval(() => void this.refreshCounters(), COUNTERS_EVERY_MS);
    this.stopFns.push(() => clearInterval(timer));
    const flush = () => this.flushSave();
    window.addEventListener('pagehide', flush);
    this.stopFns.push(() => window.removeEventListener('pagehide', flush));
    const cached = readCache();
    if (cached) this.set({ ui: cached });
    // The first page at once, with the state this window stored, and the core's copy of the state; the
    // counters once the rows are in (see `reload`).
    const epoch = this.newQuery();
    const rows = this.loadFirstPage(epoch);
    void this.loadStoredState();
    void rows.then(() => this.loadCounters(epoch));
    return rows;
  }

  /** The core's copy of the screen's state wins over this window's: a different query loads again. */
  private async loadStoredState(): Promise<void> {
    try {
      const [stored, views] = await Promise.all([
        api.call('queue.state.get', {}),
        api.call('views.list', {}),
      ]);
      const ui = { ...stored, columns: normaliseColumns(stored.columns) };
      const sameQuery = JSON.stringify(viewStateOf(ui)) === JSON.stringify(viewStateOf(this.snapshot.ui));
      this.set({ ui, views });
      writeCache(ui);
      if (!sameQuery) await this.reload();
    } catch {
      // A state that cannot be read is not worth an empty screen: go on with what there is.
    }
  }

  private set(patch: Partial<QueueSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((l) => l());
  }

  private query(): QueueQueryInput {
    const { filter, search, sort } = this.snapshot.ui;
    return { filter, search, sort };
  }

  private pagesFor([from, to]: [number, number]): number[] {
    const first = Math.floor(from / PAGE_SIZE);
    const last = Math.floor(Math.max(from, to) / PAGE_SIZE);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  /** A new query: answers to the previous one are dropped from now on. */
  private newQuery(): number {
    this.requested.clear();
    return ++this.epoch;
  }

  /**
   * A new query: the first page, then the counters; the old rows stay until the page arrives. Counting
   * the whole queue per filter takes the core longer than a page, and asked together the page would
   * wait for it (the core answers one at a time): the rows come first.
   */
  private async reload(): Promise<void> {
    const epoch = this.newQuery();
    await this.loadFirstPage(epoch);
    await this.loadCounters(epoch);
  }

  private async loadFirstPage(epoch: number): Promise<void> {
    try {
      const page = await api.call('queue.page', { query: this.query(), offset: 0, limit: PAGE_SIZE });
      if (epoch !== this.epoch) return;
      syncClock(page.now);
      this.pages = new Map([[0, page.items]]);
      this.requested.add(0);
      this.set({
        status: 'ready',
        message: null,
        total: page.total,
        rowsVersion: this.snapshot.rowsVersion + 1,
        queryVersion: this.snapshot.queryVersion + 1,
      });
    } catch (e) {
      if (epoch === this.epoch) this.set({ status: 'failed', message: messageOf(e) });
    }
  }

  private async loadCounters(epoch: number): Promise<void> {
    try {
      const counters = await api.call('queue.counters', { query: this.query() });
      if (epoch === this.epoch && !sameCounters(this.snapshot.counters, counters)) this.set({ counters });
    } catch {
      // The counters are asked again on the next change and every half-minute.
    }
  }

  /** The table tells which rows it renders; missing pages, and those of the rows just beyond, are fetched. */
  showRange(from: number, to: number): void {
    this.visible = [from, to];
    for (const p of this.pagesFor([Math.max(0, from - AHEAD_ROWS), to + AHEAD_ROWS])) {
      if (this.requested.has(p) || p * PAGE_SIZE >= this.snapshot.total) continue;
      this.requested.add(p);
      void this.fetchPage(p, this.epoch);
    }
  }

  private async fetchPage(p: number, epoch: number): Promise<void> {
    try {
      const page = await api.call('queue.page', {
        query: this.query(),
        offset: p * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (epoch !== this.epoch) return;
      this.pages.set(p, page.items);
      this.set({ total: page.total, rowsVersion: this.snapshot.rowsVersion + 1 });
    } catch {
      this.requested.delete(p);
    }
  }

  /** Something changed in the core: the pages on screen and the counters again, the rest on demand. */
  async refresh(): Promise<void> {
    if (this.snapshot.status === 'loading') return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      const epoch = ++this.epoch;
      const query = this.query();
      const wanted = this.pagesFor(this.visible);
      const [counters, ...pages] = await Promise.all([
        api.call('queue.counters', { query }),
        ...wanted.map((p) => api.call('queue.page', { query, offset: p * PAGE_SIZE, limit: PAGE_SIZE })),
      ]);
      if (epoch !== this.epoch) return;
      this.pages = new Map(wanted.map((p, i) => [p, pages[i]?.items ?? []]));
      this.requested.clear();
      wanted.forEach((p) => this.requested.add(p));
      const total = pages[0]?.total ?? counters.matching;
      if (pages[0]) syncClock(pages[0].now);
      this.set({
        status: 'ready',
        message: null,
        total,
        counters,
        rowsVersion: this.snapshot.rowsVersion + 1,
      });
    } catch (e) {
      this.set({ status: 'failed', message: messageOf(e) });
    } finally {
      this.refreshing = false;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    }
  }

  private async refreshCounters(): Promise<void> {
    if (this.snapshot.status !== 'ready') return;
    const epoch = this.epoch;
    try {
      const counters = await api.call('queue.counters', { query: this.query() });
      // Asked twice a minute, mostly to the same answer: the screen renders again only for a change.
      if (epoch === this.epoch && !sameCounters(this.snapshot.counters, counters)) this.set({ counters });
    } catch {
      // The next change or tick asks again.
    }
  }

  private updateUi(patch: Partial<QueueUiState>, queryChanged: boolean): void {
    this.set({ ui: { ...this.snapshot.ui, ...patch } });
    this.scheduleSave();
    if (queryChanged) void this.reload();
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), SAVE_DELAY_MS);
  }

  private flushSave(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    writeCache(this.snapshot.ui);
    void api.call('queue.state.set', this.snapshot.ui).catch(() => undefined);
  }

  setFilter(filter: QueueFilter): void {
    this.updateUi({ filter }, true);
  }

  setSearch(search: string): void {
    if (search === this.snapshot.ui.search) return;
    this.updateUi({ search }, true);
  }

  setSort(sort: QueueSort): void {
    this.updateUi({ sort }, true);
  }

  setColumns(columns: QueueColumnId[]): void {
    this.updateUi({ columns: normaliseColumns(columns) }, false);
  }

  clearFilters(): void {
    this.updateUi({ filter: EMPTY_FILTER, search: '' }, true);
  }

  /** «Вся очередь»: no filters, no search, the default order; the columns stay as chosen. */
  showAll(): void {
    this.updateUi({ filter: EMPTY_FILTER, search: '', sort: DEFAULT_UI.sort, activeViewId: null }, true);
  }

  applyView(view: SavedView): void {
    this.updateUi(
      { ...view.state, columns: normaliseColumns(view.state.columns), activeViewId: view.id },
      true,
    );
  }

  async saveView(name: string): Promise<SavedView> {
    const view = await api.call('views.save', { name, state: viewStateOf(this.snapshot.ui) });
    this.set({ views: [...this.snapshot.views, view] });
    this.updateUi({ activeViewId: view.id }, false);
    return view;
  }

  async updateView(view: SavedView): Promise<void> {
    const saved = await api.call('views.save', {
      id: view.id,
      name: view.name,
      state: viewStateOf(this.snapshot.ui),
    });
    this.set({ views: this.snapshot.views.map((v) => (v.id === saved.id ? saved : v)) });
  }

  async deleteView(view: SavedView): Promise<void> {
    await api.call('views.delete', { id: view.id });
    this.set({ views: this.snapshot.views.filter((v) => v.id !== view.id) });
    if (this.snapshot.ui.activeViewId === view.id) this.updateUi({ activeViewId: null }, false);
  }
}

function readCache(): QueueUiState | null {
  try {
    const ui = uiStateOf(JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null'));
    return ui ? { ...ui, columns: normaliseColumns(ui.columns) } : null;
  } catch {
    return null;
  }
}

function writeCache(ui: QueueUiState): void {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(ui));
  } catch {
    // Storage full or off: the database keeps the state anyway.
  }
}

let shared: QueueStore | null = null;

/** The app's one queue store. */
export function queueStore(): QueueStore {
  shared ??= new QueueStore();
  return shared;
}
