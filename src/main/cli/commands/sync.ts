import type { Command } from 'commander';
import { SyncClient } from '../../sync/client';
import { SyncError } from '../../sync/http';
import { SyncLoop } from '../../sync/loop';
import { syncDb } from '../../sync/schema';
import { readHubConfig, writeHubConfig, type HubConfig } from '../../sync/state';
import { countPendingOps } from '../../db/outbox';
import { withCore } from './import-export';
import { CliFailure, dataDirOption, printJson, runUntilSignal } from '../output';

type SyncOptions = {
  dataDir: string;
  hub?: string;
  token?: string;
  watch?: boolean;
  login?: string;
  password?: string;
};

function failure(e: unknown): never {
  if (e instanceof SyncError) throw new CliFailure(`Синхронизация не удалась (${e.kind}): ${e.message}`, 3);
  throw e;
}

/** `sync`: one full round with the hub (or `--watch` to keep going), joining it on first use. */
export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('синхронизация рабочего места с хабом / sync this workstation with the hub')
    .addOption(dataDirOption())
    .option('--hub <url>', 'адрес хаба, например http://127.0.0.1:8420 (запоминается)')
    .option('--token <token>', 'токен рабочего места из `hub add-workstation` (запоминается)')
    .option('--login <login>', 'открыть сессию пользователя на хабе (пароль — --password или stdin)')
    .option('--password <password>', 'пароль для --login')
    .option('--watch', 'не завершаться: синхронизировать в фоне до Ctrl+C')
    .action(async (opts: SyncOptions) => {
      await withCore(opts.dataDir, async (core) => {
        const db = syncDb(core.db);
        const stored = await readHubConfig(db);
        let config: HubConfig | null = stored;
        if (opts.hub || opts.token) {
          const url = opts.hub ?? stored?.url;
          const token = opts.token ?? stored?.token;
          if (!url || !token) throw new CliFailure('Укажите и --hub, и --token при первом подключении', 2);
          config = { url, token };
          await writeHubConfig(db, config);
        }
        if (!config) throw new CliFailure('Рабочее место не подключено к хабу: укажите --hub и --token', 2);
        const client = new SyncClient({
          db: core.db,
          identity: core.identity,
          hub: config,
          now: core.now,
          filesDir: core.dataDir.root,
        });
        if (opts.login) {
          const password = opts.password ?? (await readStdin()).trim();
          await client.openSession(opts.login, password).catch(failure);
        }
        if (!opts.watch) {
          const result = await client.syncOnce().catch(failure);
          printJson({ ...result, pending: await countPendingOps(core.db) });
          return;
        }
        const loop = new SyncLoop({
          client,
          pendingCount: () => countPendingOps(core.db),
          onChange: (state, result) =>
            process.stdout.write(
              `${JSON.stringify({ ts: new Date().toISOString(), ...state, ...(result ? { result } : {}) })}\n`,
            ),
        });
        loop.start();
        await runUntilSignal(() => loop.stop());
      });
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
