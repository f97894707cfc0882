/**
 * `npm run web -- --port <p> --data-dir <dir>`: the workstation in a browser (tests, wall TVs).
 */
import { Command, InvalidArgumentError } from 'commander';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/core';
import { defaultDataDir } from '../core/data-dir';
import { startWebHost } from './server';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('порт — целое число от 0 до 65535');
  return n;
}

const program = new Command('otklik-web')
  .description('Отклик в браузере: очередь и API по WebSocket на 127.0.0.1')
  .option('--port <port>', 'порт (0 — любой свободный)', port, 5180)
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
const host = await startWebHost({ core, rendererDir: opts.renderer, port: opts.port });
process.stdout.write(`Отклик: ${host.url}\n`);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void host
    .close()
    .then(() => core.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
