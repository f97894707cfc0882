import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { listAuditEvents } from '../../db/audit';
import { listUsers } from '../../db/users';
import { withCore } from './import-export';
import { CliFailure, dataDirOption, printJson } from '../output';

/** `audit`: the journal of actions, who did what and when (issue #4; Ставрополь p.23, Ухта p.20). */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('журнал действий / the audit trail')
    .addOption(dataDirOption())
    .option('--incident <id>', 'только этот инцидент / only this incident')
    .option('--json', 'JSON-массив в stdout')
    .action(async (opts: { dataDir: string; incident?: string; json?: boolean }) => {
      if (!opts.json) throw new CliFailure('Укажите --json / Use --json', 2);
      const rows = await withCore(opts.dataDir, async (core) => {
        const zone = core.organisation().schedule.zone;
        const names = new Map((await listUsers(core.db)).map((u) => [u.id, u.displayName]));
        return (await listAuditEvents(core.db, opts.incident)).map((e) => ({
          id: e.id,
          at: DateTime.fromMillis(e.at, { zone }).toISO(),
          actorId: e.actorId,
          actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
          actorRole: e.actorRole,
          deviceId: e.deviceId,
          incidentId: e.incidentId,
          action: e.action,
          before: e.before,
          after: e.after,
        }));
      });
      printJson(rows);
    });
}
