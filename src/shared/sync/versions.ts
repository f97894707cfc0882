import { SYNC_SCHEMA_VERSION } from './op';

/** The protocol versions a hub serves: its own, and the oldest client it still understands. */
export type ProtocolRange = { current: number; min: number };

export const HUB_PROTOCOL: ProtocolRange = { current: SYNC_SCHEMA_VERSION, min: 1 };

export type ProtocolCheck = 'ok' | 'upgrade_client' | 'upgrade_hub';

/**
 * Mixed versions never break silently: a client older than the hub's minimum is told to update itself,
 * a client newer than the hub is told the hub needs updating, and in both cases nothing is written.
 */
export function checkProtocol(client: number, hub: ProtocolRange): ProtocolCheck {
  if (!Number.isInteger(client) || client < hub.min) return 'upgrade_client';
  if (client > hub.current) return 'upgrade_hub';
  return 'ok';
}
