import { Option, type Command } from 'commander';
import {
  addDepartment,
  addUser,
  addWorkstation,
  deactivateUser,
  HubAdminError,
  listWorkstations,
  revokeWorkstation,
} from '../../hub/admin';
import { openHubDatabase, type HubDb } from '../../hub/db/open';
import { startHub } from '../../hub/hub';
import { CliFailure, printJson, runUntilSignal } from '../output';

type DbOptions = { dataDir?: string; databaseUrl?: string };

function databaseOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--data-dir <dir>', 'папка данных хаба (SQLite) / hub data folder'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL: postgres://user:pass@host/db').env(
        'OTKLIK_HUB_DATABASE_URL',
      ),
    );
}

async function withHubDb<T>(opts: DbOptions, run: (db: HubDb) => Promise<T>): Promise<T> {
  if (!opts.dataDir && !opts.databaseUrl) throw new CliFailure('Укажите --data-dir или --database-url', 2);
  const { db } = await openHubDatabase({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
  try {
    return await run(db);
  } catch (e) {
    if (e instanceof HubAdminError) throw new CliFailure(e.message);
    throw e;
  } finally {
    await db.destroy();
  }
}

/** The database options are the `hub` command's: subcommands read them from there. */
function globals(cmd: Command): DbOptions {
  const all = cmd.optsWithGlobals<DbOptions>();
  return { dataDir: all.dataDir, databaseUrl: all.databaseUrl };
}

function departmentsList(value: string | undefined): string[] | null {
  if (value === undefined || value === 'all') return null;
  return value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
}

/** `hub …`: run the sync hub, and enrol workstations, users and departments (docs/sync.md). */
export function registerHub(program: Command): void {
  const hub = databaseOptions(
    program
      .command('hub')
      .description('хаб синхронизации рабочих мест / the sync hub')
      .option('--port <port>', 'порт HTTP', '8420')
      .option('--host <host>', 'адрес (по умолчанию только этот компьютер)', '127.0.0.1')
      .option(
        '--profile <id>',
        'регламент для проверки команд: novorossiysk | stavropol | ukhta',
        'novorossiysk',
      ),
  ).action(async (opts: DbOptions & { port: string; host: string; profile: string }) => {
    if (!opts.dataDir && !opts.databaseUrl) throw new CliFailure('Укажите --data-dir или --database-url', 2);
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliFailure(`Неверный порт: ${opts.port}`, 2);
    const running = await startHub({
      port,
      host: opts.host,
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      profileId: opts.profile,
    });
    await runUntilSignal(() => running.close());
  });

  hub
    .command('add-workstation')
    .description('зарегистрировать рабочее место и выдать токен / enrol a workstation, print its token')
    .argument('<name>', 'имя рабочего места')
    .option('--departments <ids>', 'подразделения через запятую, или all (весь МЦУ)', 'all')
    .option('--json', 'итог в JSON')
    .action(async (name: string, local: { departments: string; json?: boolean }, cmd: Command) => {
      const opts = { ...local, ...globals(cmd) };
      const enrolled = await withHubDb(opts, (db) =>
        addWorkstation(db, name, { departments: departmentsList(opts.departments) }),
      );
      if (opts.json) printJson(enrolled);
      else {
        process.stdout.write(`${enrolled.token}\n`);
        process.stderr.write(
          `Рабочее место «${enrolled.name}» зарегистрировано. Токен показан один раз — сохраните его.\n`,
        );
      }
    });

  hub
    .command('add-intake')
    .description('токен для приёма обращений ИМ/ПОС (POST /v1/intake) / an intake token')
    .argument('<name>', 'имя источника')
    .action(async (name: string, _local: object, cmd: Command) => {
      const opts = globals(cmd);
      const enrolled = await withHubDb(opts, (db) => addWorkstation(db, name, { kind: 'intake' }));
      process.stdout.write(`${enrolled.token}\n`);
    });

  hub
    .command('revoke-workstation')
    .description('отозвать токен рабочего места и все его сессии / revoke a workstation')
    .argument('<name>', 'имя рабочего места')
    .action(async (name: string, _local: object, cmd: Command) => {
      const opts = globals(cmd);
      await withHubDb(opts, (db) => revokeWorkstation(db, name));
      process.stderr.write(`Доступ рабочего места «${name}» отозван.\n`);
    });

  hub
    .command('list-workstations')
    .description('рабочие места хаба / enrolled workstations')
    .action(async (_local: object, cmd: Command) => {
      const opts = globals(cmd);
      printJson(await withHubDb(opts, (db) => listWorkstations(db)));
    });

  hub
    .command('add-department')
    .description('добавить подразделение / add a department')
    .argument('<id>', 'код подразделения')
    .argument('<name>', 'название')
    .option('--short-name <name>', 'краткое название')
    .action(async (id: string, name: string, local: { shortName?: string }, cmd: Command) => {
      const opts = { ...local, ...globals(cmd) };
      await withHubDb(opts, (db) => addDepartment(db, { id, name, shortName: opts.shortName }));
    });

  hub
    .command('add-user')
    .description('добавить пользователя хаба / add a user (password from --password or stdin)')
    .argument('<login>', 'логин')
    .requiredOption(
      '--role <role>',
      'operator | controller | executor | department-head | supervisor | admin | wall',
    )
    .option('--department <id>', 'подразделение (для исполнителя и руководителя подразделения)')
    .option('--name <displayName>', 'ФИО')
    .option('--password <password>', 'пароль (иначе читается из stdin)')
    .option('--json', 'итог в JSON')
    .action(
      async (
        login: string,
        local: { role: string; department?: string; name?: string; password?: string; json?: boolean },
        cmd: Command,
      ) => {
        const opts = { ...local, ...globals(cmd) };
        const password = opts.password ?? (await readStdin()).trim();
        const { id } = await withHubDb(opts, (db) =>
          addUser(db, {
            login,
            role: opts.role,
            departmentId: opts.department ?? null,
            displayName: opts.name,
            password,
          }),
        );
        if (opts.json) printJson({ id, login });
        else process.stderr.write(`Пользователь «${login}» добавлен.\n`);
      },
    );

  hub
    .command('block-user')
    .description('заблокировать пользователя / block a user')
    .argument('<login>', 'логин')
    .action(async (login: string, _local: object, cmd: Command) => {
      const opts = globals(cmd);
      await withHubDb(opts, (db) => deactivateUser(db, login));
    });
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => (text += d));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}
