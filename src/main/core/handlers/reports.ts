import { ApiFailure } from '../../../shared/api/envelope';
import type { Role } from '../../../shared/workflow';
import { findIncidentById } from '../../db/incidents';
import { renderReport, ReportFolderError, writeIntoFolder } from '../../reports/export';
import {
  hotspotsAt,
  markProduced,
  monthlyReport,
  recordReaction,
  reminderAt,
  UnknownProfileError,
} from '../../reports/service';
import type { CoreContext, HandlersOf } from '../context';
import type { Connection } from '../session';

/** МЦУ staff record what authors said of the answers (Сочи 2.4). */
const REACTION_ROLES: readonly Role[] = ['operator', 'controller', 'supervisor'];

function signedIn(connection: Connection) {
  if (!connection.user) throw new ApiFailure('forbidden', 'Войдите в систему, чтобы сформировать отчёт');
  return connection.user;
}

async function report(ctx: CoreContext, month: string, profileId: string | undefined) {
  try {
    return await monthlyReport(ctx.db, ctx.organisation(), month, ctx.now(), profileId);
  } catch (e) {
    if (e instanceof UnknownProfileError) throw new ApiFailure('not_found', e.message);
    throw e;
  }
}

/** The monthly report, the hot spots, the reminder, export and author reactions (issue #8). */
export function reportsHandlers(
  ctx: CoreContext,
): HandlersOf<
  | 'reports.monthly.get'
  | 'reports.hotspots.get'
  | 'reports.reminder.status'
  | 'reports.export'
  | 'reports.reaction.record'
> {
  return {
    'reports.monthly.get': ({ month, profileId }) => report(ctx, month, profileId),
    'reports.hotspots.get': () => hotspotsAt(ctx.db, ctx.now()),
    'reports.reminder.status': () => reminderAt(ctx.db, ctx.now(), ctx.organisation().schedule.zone),
    'reports.export': async ({ month, profileId, format, folder }, connection) => {
      const user = signedIn(connection);
      const rendered = await renderReport(await report(ctx, month, profileId), format);
      let path: string | null = null;
      if (folder !== undefined) {
        try {
          path = writeIntoFolder(folder, rendered);
        } catch (e) {
          if (e instanceof ReportFolderError) throw new ApiFailure('bad_request', e.message);
          throw new ApiFailure(
            'bad_request',
            `Не удалось записать файл в папку ${folder}: проверьте права доступа`,
          );
        }
      }
      const producedAt = ctx.now();
      await markProduced(ctx.db, month, producedAt, user.id, format);
      return {
        fileName: rendered.fileName,
        mime: rendered.mime,
        path,
        bytesBase64: path === null ? rendered.bytes.toString('base64') : null,
        producedAt,
      };
    },
    'reports.reaction.record': async ({ incidentId, reaction, note }, connection) => {
      const user = signedIn(connection);
      if (!REACTION_ROLES.includes(user.role)) {
        throw new ApiFailure('forbidden', 'Отзыв автора отмечают сотрудники МЦУ');
      }
      if (!(await findIncidentById(ctx.db, incidentId))) {
        throw new ApiFailure('not_found', `Инцидент ${incidentId} не найден`);
      }
      await recordReaction(ctx.db, ctx.identity, { userId: user.id, role: user.role }, ctx.now(), {
        incidentId,
        reaction,
        note,
      });
      return { recorded: true as const };
    },
  };
}
