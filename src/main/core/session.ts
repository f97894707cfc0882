import type { Actor } from '../../shared/workflow';
import type { UserRecord } from '../db/users';

/**
 * One transport connection: an Electron window or a WebSocket. Each has its own signed-in person,
 * so two browsers on one web host are two sessions. `readOnly` connections (the wall screen) may
 * call only read methods.
 */
export type Connection = { user: UserRecord | null; readOnly: boolean };

export function newConnection(options: Partial<Connection> = {}): Connection {
  return { user: null, readOnly: false, ...options };
}

export function actorOf(user: UserRecord): Actor {
  return { userId: user.id, role: user.role, departmentId: user.departmentId };
}
