import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CoreEvents } from '../../../../src/main/core/events';
import type { Core } from '../../../../src/main/core/core';

type Listener = (...args: unknown[]) => void;
const recorded = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  blockers: new Set<number>(),
  displays: [
    { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  ],
}));

type FakeWindow = {
  options: Record<string, unknown>;
  loaded: string[];
  bounds: unknown;
  fullScreen: boolean;
  closed: boolean;
  handlers: Map<string, (...args: unknown[]) => unknown>;
  sent: unknown[][];
  emit(event: string): void;
};

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly listeners = new Map<string, Listener[]>();
    readonly record: FakeWindow;
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const handlers = new Map<string, (...args: unknown[]) => unknown>();
      const sent: unknown[][] = [];
      this.record = {
        options,
        loaded: [],
        bounds: null,
        fullScreen: false,
        closed: false,
        handlers,
        sent,
        emit: (event) => this.listeners.get(event)?.forEach((l) => l()),
      };
      this.webContents = {
        on: () => undefined,
        setWindowOpenHandler: () => undefined,
        isDestroyed: () => this.record.closed,
        send: (...args: unknown[]) => sent.push(args),
        ipc: { handle: (channel: string, h: (...args: unknown[]) => unknown) => handlers.set(channel, h) },
      };
      recorded.windows.push(this.record);
    }
    once() {}
    on(event: string, l: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    }
    show() {}
    setBounds(b: unknown) {
      this.record.bounds = b;
    }
    setFullScreen(f: boolean) {
      this.record.fullScreen = f;
    }
    setMenuBarVisibility() {}
    close() {
      this.record.closed = true;
      this.record.emit('closed');
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  let next = 1;
  return {
    BrowserWindow,
    shell: { openExternal: () => Promise.resolve() },
    screen: { getAllDisplays: () => recorded.displays },
    powerSaveBlocker: {
      start: () => (recorded.blockers.add(next), next++),
      stop: (id: number) => recorded.blockers.delete(id),
      isStarted: (id: number) => recorded.blockers.has(id),
    },
  };
});

const { manageWallWindow, openWallWindow, pickDisplay, wallDisplayFlag } =
  await import('../../../../src/main/electron/wall');
const { rendererPaths } = await import('../../../../src/main/electron/windows');
const { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } = await import('../../../../src/shared/api/bridge');

const paths = rendererPaths(fileURLToPath(new URL('../../../../out', import.meta.url)));

function fakeCore(display: number | null = null) {
  const events = new CoreEvents();
  const calls: Array<{ method: string; readOnly: boolean }> = [];
  const core = {
    events,
    connect: (o: { readOnly?: boolean } = {}) => ({ user: null, readOnly: o.readOnly ?? false }),
    dispatch: (method: string, _request: unknown, connection?: { readOnly: boolean }) => {
      calls.push({ method, readOnly: connection?.readOnly ?? false });
      return Promise.resolve({
        ok: true,
        value: method === 'wall.config.get' ? { display, pageSeconds: 12, urgentCount: 4 } : {},
      });
    },
  };
  return { core: core as unknown as Core, events, calls };
}

describe('the Electron wall window', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
    recorded.blockers.clear();
  });

  it('reads the display from --wall-display, counting screens from the left', () => {
    expect(wallDisplayFlag(['electron', '.', '--wall-display', '2'])).toBe(2);
    expect(wallDisplayFlag(['electron', '--wall-display=1'])).toBe(1);
    expect(wallDisplayFlag(['electron', '--wall-display', 'x'])).toBeNull();
    expect(wallDisplayFlag(['electron'])).toBeNull();
    expect(pickDisplay(recorded.displays, 1)?.id).toBe(1);
    expect(pickDisplay(recorded.displays, 2)?.id).toBe(2);
    expect(pickDisplay(recorded.displays, 3)).toBeNull();
  });

  it('opens fullscreen on the display, from the same locked-down factory, at the wall route', async () => {
    const { core, calls } = fakeCore();
    openWallWindow(core, paths, recorded.displays[0]!.bounds);
    const w = recorded.windows[0]!;
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(w.loaded[0]).toMatch(/#\/wall$/);
    expect(w.bounds).toEqual(recorded.displays[0]!.bounds);
    expect(w.fullScreen).toBe(true);
    expect(recorded.blockers.size).toBe(1);

    const invoke = w.handlers.get(IPC_INVOKE_CHANNEL)!;
    expect(await invoke({}, 'queue.counters', {})).toMatchObject({ ok: true });
    expect(calls).toEqual([{ method: 'queue.counters', readOnly: true }]);
    expect(await invoke({}, 'views.save', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke({}, 'settings.update', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toHaveLength(1);
  });

  it('hears only the wall events, and lets the display sleep again when closed', () => {
    const { core, events } = fakeCore();
    const window = openWallWindow(core, paths, recorded.displays[0]!.bounds);
    const w = recorded.windows[0]!;
    events.emit('queue.changed', { reason: 'created', ids: ['a'] });
    events.emit('settings.changed', { demoFeed: false, demoFeedIntervalMs: 5000 });
    expect(w.sent).toEqual([[IPC_EVENT_CHANNEL, 'queue.changed', { reason: 'created', ids: ['a'] }]]);
    window.close();
    expect(recorded.blockers.size).toBe(0);
    events.emit('queue.changed', { reason: 'created', ids: ['b'] });
    expect(w.sent).toHaveLength(1);
  });

  it('follows the settings: opens, moves and closes the wall window', async () => {
    const { core, events } = fakeCore(2);
    manageWallWindow(core, paths, null);
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
    expect(recorded.windows[0]!.bounds).toEqual(recorded.displays[0]!.bounds);
    events.emit('wall.changed', { display: 1, pageSeconds: 12, urgentCount: 4 });
    expect(recorded.windows[0]!.closed).toBe(true);
    expect(recorded.windows[1]!.bounds).toEqual(recorded.displays[1]!.bounds);
    events.emit('wall.changed', { display: null, pageSeconds: 12, urgentCount: 4 });
    expect(recorded.windows[1]!.closed).toBe(true);
    expect(recorded.windows).toHaveLength(2);
  });

  it('lets --wall-display win over the settings', () => {
    const { core, events } = fakeCore(null);
    manageWallWindow(core, paths, 1);
    expect(recorded.windows).toHaveLength(1);
    events.emit('wall.changed', { display: null, pageSeconds: 12, urgentCount: 4 });
    expect(recorded.windows[0]!.closed).toBe(false);
  });
});
