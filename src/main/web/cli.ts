/**
 * `npm run web -- --port <p> --data-dir <dir>`: the workstation in a browser (tests, wall TVs).
 * `--host 0.0.0.0` opens it to the LAN, where only the wall screen is reachable, with a read-only token.
 */
import { Command, InvalidArgumentError } from 'commander';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/core';
import { defaultDataDir } from '../core/data-dir';
import { startWebHost } from './server';
import { runUntilSignal } from '../cli/output';
import { MIN_TOKEN_LENGTH } from './wall-access';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('порт — целое число от 0 до 65535');
  return n;
}

function token(value: string): string {
  if (value.length < MIN_TOKEN_LENGTH || !/^[\w.~-]+$/.test(value))
    throw new InvalidArgumentError(
      `токен — не короче ${MIN_TOKEN_LENGTH} знаков: латинские буквы, цифры, «-», «_», «.», «~»`,
    );
  return value;
}

const program = new Command('otklik-web')
  .description('Отклик в браузере: очередь и API по WebSocket на 127.0.0.1')
  .option('--port <port>', 'порт (0 — любой свободный)', port, 5180)
  .option(
    '--host <address>',
    'адрес, на котором слушать: 127.0.0.1 (только этот компьютер) или 0.0.0.0 (локальная сеть: только экран-стена по токену)',
    '127.0.0.1',
  )
  .option('--wall-token <token>', 'токен экрана-стены в локальной сети (по умолчанию — случайный)', token)
  .option('--data-dir <dir>', 'папка данных', defaultDataDir())
  .option('--no-demo', 'не заполнять пустую базу демонстрационными данными')
  .option('--no-demo-feed', 'не добавлять демонстрационные инциденты каждые несколько секунд')
  .option(
    '--renderer <dir>',
    'собранный интерфейс',
    fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
  )
  .parse();

const opts = program.opts<{
  port: number;
  host: string;
  wallToken?: string;
  dataDir: string;
  demo: boolean;
  demoFeed: boolean;
  renderer: string;
}>();

const core = await openCore({
  dataDir: opts.dataDir,
  transport: 'web',
  demo: opts.demo,
  ...(opts.demoFeed ? {} : { demoFeed: false }),
});
const host = await startWebHost({
  core,
  rendererDir: opts.renderer,
  port: opts.port,
  host: opts.host,
  ...(opts.wallToken ? { wallToken: opts.wallToken } : {}),
});
process.stdout.write(`Отклик: ${host.url}\n`);
for (const url of host.wallUrls) process.stdout.write(`Экран-стена (только просмотр): ${url}\n`);

await runUntilSignal(() => host.close().then(() => core.close()));
// Exit once closed, even if a client's keep-alive socket lingers.
process.exit(0);
