import { describe, expect, it } from 'vitest';
import { linkText } from '../../../../src/renderer/wall/link';
import type { SyncStatus } from '../../../../src/shared/api/sync';

const joined: SyncStatus = {
  joined: true,
  hubUrl: 'https://hub.example',
  connection: 'online',
  syncing: false,
  pending: 0,
  lastSyncAt: 1,
  error: null,
  waitingForUser: null,
  conflicts: 0,
};

describe('the wall link state', () => {
  it('says «нет связи» when the workstation does not answer, whatever the hub', () => {
    expect(linkText(false, joined)).toEqual({ tone: 'bad', text: '✕ нет связи' });
  });

  it('uses the words of the sync status when joined to a hub', () => {
    expect(linkText(true, joined).text).toBe('● синхронизировано');
    expect(linkText(true, { ...joined, pending: 3 })).toEqual({
      tone: 'wait',
      text: '⟳ ожидают отправки: 3',
    });
    expect(linkText(true, { ...joined, connection: 'offline' }).text).toBe('✕ нет связи с хабом');
    expect(linkText(true, { ...joined, connection: 'error' }).tone).toBe('bad');
  });

  it('on a workstation without a hub only says it is connected', () => {
    expect(linkText(true, null).text).toBe('● на связи');
    expect(linkText(true, { ...joined, joined: false, connection: 'not-joined' }).text).toBe('● на связи');
  });
});
