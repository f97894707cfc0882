import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { kyselyOver, migrateToLatest, openSqlite, type Db } from '../../../src/main/db/open';
import { loadIdentity, type Identity } from '../../../src/main/core/identity';
import { CoreEvents } from '../../../src/main/core/events';
import { defaultOrganisation, type Organisation } from '../../../src/main/core/organisation';
import type { CoreContext } from '../../../src/main/core/context';
import { recordChange, SYSTEM_ACTOR } from '../../../src/main/core/changes';
import { createIncidents } from '../../../src/main/core/incidents';
import { executeCommand } from '../../../src/main/core/workflow';
import { readWorkflowState } from '../../../src/main/db/workflow';
import { findUserById } from '../../../src/main/db/users';
import { actorOf } from '../../../src/main/core/session';
import { hashPassword } from '../../../src/main/core/auth/password';
import { startHub, type Hub } from '../../../src/main/hub/hub';
import { silentLogger } from '../../../src/main/hub/log';
import { addWorkstation } from '../../../src/main/hub/admin';
import { SyncClient } from '../../../src/main/sync/client';
import { httpTransport, type Transport } from '../../../src/main/sync/http';
import { syncDb } from '../../../src/main/sync/schema';
import type { Command } from '../../../src/shared/workflow';
import { makeNewIncident } from '../../support/builders';

/**
 * Cheap workstations for the randomized tests: a copy of a migrated template database, the identity and
 * the workflow service of the real core, without the core's start-up (calendars, demo, watchers). A run
 * of the property test costs tens of milliseconds, so CI affords hundreds of them.
 */

let template: { dir: string; file: string } | null = null;
let organisation: Organisation | null = null;
let passwordHash: string | null = null;

async function shared(): Promise<{ file: string; org: Organisation; hash: string }> {
  if (!template) {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-template-'));
    const file = join(dir, 'template.sqlite');
    const db = kyselyOver(openSqlite(file));
    await migrateToLatest(db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    await db.destroy();
    template = { dir, file };
  }
  organisation ??= defaultOrganisation();
  passwordHash ??= await hashPassword('password');
  return { file: template.file, org: organisation, hash: passwordHash };
}

export function disposeTemplate(): void {
  if (template) rmSync(template.dir, { recursive: true, force: true });
  template = null;
}

/** What the fake network does to the next requests of one workstation. */
export type Network = {
  partitioned: boolean;
  dropNextResponse: boolean;
  duplicateNext: boolean;
  /** Push answers as a hub from before the echo filter gives them: without stored clocks or directory version. */
  answerWithoutClocks: boolean;
};

type LightHubOptions = { now?: () => number; maxDriftMs?: number; databaseUrl?: string };
export type HubRef = { hub: Hub; dir: string; options: LightHubOptions };

export const PEOPLE = {
  op1: 'u-op1',
  op2: 'u-op2',
  roadsExec: 'u-roads-exec',
  parksExec: 'u-parks-exec',
  roadsHead: 'u-roads-head',
  controller: 'u-controller',
} as const;

/** A hub on a temp SQLite file with the departments and people the scenarios use (no scrypt per run). */
export async function startLightHub(options: LightHubOptions = {}): Promise<HubRef> {
  const { hash } = await shared();
  const dir = mkdtempSync(join(tmpdir(), 'otklik-hub-'));
  const hub = await startHub({ port: 0, dataDir: dir, logger: silentLogger, ...options });
  const db = hub.context.db;
  const now = Date.now();
  await db
    .insertInto('hub_departments')
    .values([
      { id: 'roads', name: 'Дорожное хозяйство', short_name: '', created_at: now },
      { id: 'parks', name: 'Благоустройство', short_name: '', created_at: now },
    ])
    .execute();
  const user = (id: string, login: string, role: string, department: string | null) => ({
    id,
    login,
    display_name: login,
    role,
    department_id: department,
    password_hash: hash,
    active: 1,
    created_at: now,
  });
  await db
    .insertInto('hub_users')
    .values([
      user(PEOPLE.op1, 'op1', 'operator', null),
      user(PEOPLE.op2, 'op2', 'operator', null),
      user(PEOPLE.roadsExec, 'roads-exec', 'executor', 'roads'),
      user(PEOPLE.parksExec, 'parks-exec', 'executor', 'parks'),
      user(PEOPLE.roadsHead, 'roads-head', 'department-head', 'roads'),
      user(PEOPLE.controller, 'controller', 'controller', null),
    ])
    .execute();
  await db.updateTable('hub_counter').set({ dir_version: 2 }).where('id', '=', 1).execute();
  return { hub, dir, options };
}

export async function restartLightHub(ref: HubRef): Promise<void> {
  await ref.hub.close();
  ref.hub = await startHub({ port: 0, dataDir: ref.dir, logger: silentLogger, ...ref.options });
}

export async function stopLightHub(ref: HubRef): Promise<void> {
  await ref.hub.close();
  rmSync(ref.dir, { recursive: true, force: true });
}

export class LightStation {
  private constructor(
    readonly net: Network,
    readonly name: string,
    readonly dir: string,
    readonly db: Db,
    readonly identity: Identity,
    readonly ctx: CoreContext,
    public client: SyncClient,
    readonly workstationId: string,
    private readonly clientOptions: ConstructorParameters<typeof SyncClient>[0],
  ) {}

  /** The same workstation after an update of the app: another protocol version, the same database. */
  upgrade(protocol: number): void {
    this.client = new SyncClient({ ...this.clientOptions, protocol });
  }

  static async open(
    ref: HubRef,
    name: string,
    options: { now?: () => number; departments?: string[] | null; protocol?: number } = {},
  ): Promise<LightStation> {
    const { file, org } = await shared();
    const dir = mkdtempSync(join(tmpdir(), 'otklik-ws-'));
    const copy = join(dir, 'otklik.sqlite');
    copyFileSync(file, copy);
    const db = kyselyOver(openSqlite(copy));
    const identity = await loadIdentity(db);
    const now = options.now ?? (() => Date.now());
    const ctx: CoreContext = {
      db,
      identity,
      events: new CoreEvents(),
      now,
      logger: { error: () => undefined },
      resourcesDir: undefined,
      organisation: () => org,
      sla: () => {
        throw new Error('not used');
      },
      reloadOrganisation: () => Promise.resolve(org),
    };
    const enrolled = await addWorkstation(ref.hub.context.db, name, {
      departments: options.departments ?? null,
    });
    const net: Network = {
      partitioned: false,
      dropNextResponse: false,
      duplicateNext: false,
      answerWithoutClocks: false,
    };
    const real = httpTransport();
    const fakeTransport: Transport = async (request) => {
      if (net.partitioned) throw new Error('partitioned');
      // The hub may have restarted on another port: always go to the current one.
      const sent = { ...request, url: request.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ref.hub.url) };
      if (net.duplicateNext) {
        net.duplicateNext = false;
        await real(sent);
      }
      const res = await real(sent);
      if (net.dropNextResponse) {
        net.dropNextResponse = false;
        throw new Error('response lost');
      }
      if (net.answerWithoutClocks && sent.url.includes('/v1/push') && res.status === 200) {
        const body = JSON.parse(res.body.toString('utf8')) as {
          results: { hlc?: string }[];
          dirVersion?: number;
        };
        for (const r of body.results) delete r.hlc;
        delete body.dirVersion;
        return { status: res.status, body: Buffer.from(JSON.stringify(body)) };
      }
      return res;
    };
    const clientOptions = {
      db,
      identity,
      hub: { url: ref.hub.url, token: enrolled.token },
      now,
      transport: fakeTransport,
      protocol: options.protocol,
    };
    return new LightStation(
      net,
      name,
      dir,
      db,
      identity,
      ctx,
      new SyncClient(clientOptions),
      enrolled.id,
      clientOptions,
    );
  }

  /** A hub session for `userId` on this workstation, as a sign-in would open (without scrypt). */
  async grantSession(ref: HubRef, userId: string): Promise<void> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    await ref.hub.context.db
      .insertInto('hub_sessions')
      .values({
        id,
        user_id: userId,
        workstation_id: this.workstationId,
        secret,
        created_at: now,
        expires_at: now + 86_400_000 * 30,
        revoked_at: null,
      })
      .execute();
    await syncDb(this.db)
      .insertInto('sync_sessions')
      .values({ user_id: userId, session_id: id, secret, expires_at: now + 86_400_000 * 30, created_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ session_id: id, secret }))
      .execute();
  }

  async create(count: number): Promise<string[]> {
    const items = Array.from({ length: count }, () => makeNewIncident());
    const { created } = await createIncidents(this.db, this.identity, SYSTEM_ACTOR, this.ctx.now(), items);
    return created.map((c) => c.id);
  }

  /** A descriptive edit (LWW field), as an edit form would write it: the row and its op in one transaction. */
  async update(id: string, fields: { text?: string; authorName?: string }): Promise<void> {
    const at = this.ctx.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('incidents')
        .select(['text', 'author_name'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return;
      await trx
        .updateTable('incidents')
        .set({
          ...(fields.text !== undefined ? { text: fields.text } : {}),
          ...(fields.authorName !== undefined ? { author_name: fields.authorName } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      await recordChange(trx, this.identity, SYSTEM_ACTOR, at, {
        action: 'incident.update',
        incidentId: id,
        before: { text: row.text, authorName: row.author_name },
        after: fields,
        op: { kind: 'incident.update', entity: 'incident', entityId: id, payload: { fields } },
      });
    });
  }

  /** Issues a workflow command as `userId` against this workstation's current view; false when refused here. */
  async command(
    userId: string,
    make: (state: { status: string; version: number; routing: string | null }) => Partial<Command> | null,
    incidentId: string,
  ): Promise<boolean> {
    const user = await findUserById(this.db, userId);
    const state = await readWorkflowState(this.db, incidentId);
    if (!user || !state) return false;
    const body = make({
      status: state.status,
      version: state.version,
      routing: 'routing' in state ? state.routing.mainDepartmentId : null,
    });
    if (!body) return false;
    const command = {
      ...body,
      incidentId,
      actor: actorOf(user),
      expectedStatus: state.status,
      expectedVersion: state.version,
    } as Command;
    try {
      await executeCommand(this.ctx, actorOf(user), command);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
