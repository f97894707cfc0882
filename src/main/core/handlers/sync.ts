import { ApiFailure } from '../../../shared/api/envelope';
import { SyncError } from '../../sync/http';
import type { SyncService } from '../../sync/service';
import type { HandlersOf } from '../context';
import type { Db } from '../../db/open';
import { countUsers } from '../../db/users';
import { HUB_JOINERS } from '../../../shared/workflow';

/** Sync with the hub (issue #7): status, joining a hub, and the conflicts to look at. */
export function syncHandlers(
  sync: SyncService,
  db: Db,
): HandlersOf<'sync.status' | 'sync.join' | 'sync.conflicts' | 'sync.dismissConflict'> {
  return {
    'sync.status': () => sync.status(),
    'sync.join': async ({ hubUrl, token }, connection) => {
      // A fresh workstation (nobody set up yet) may join: the hub brings its users. Otherwise HUB_JOINERS.
      const role = connection.user?.role;
      if ((!role || !HUB_JOINERS.includes(role)) && (await countUsers(db)) > 0) {
        throw new ApiFailure(
          'forbidden',
          'Подключить рабочее место к хабу может администратор или руководитель МЦУ',
        );
      }
      try {
        return await sync.join(hubUrl, token);
      } catch (e) {
        if (e instanceof SyncError) {
          const why =
            e.kind === 'offline'
              ? 'хаб не отвечает — проверьте адрес и сеть'
              : e.kind === 'unauthorized' || e.kind === 'revoked' || e.kind === 'forbidden'
                ? 'хаб не принял токен'
                : e.message;
          throw new ApiFailure('bad_request', `Не удалось подключиться к хабу: ${why}`);
        }
        throw e;
      }
    },
    'sync.conflicts': ({ includeSeen }, connection) => sync.conflicts(connection.user, includeSeen),
    'sync.dismissConflict': ({ opId }) => sync.dismissConflict(opId),
  };
}
