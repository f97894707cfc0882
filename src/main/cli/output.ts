import { Option } from 'commander';
import { defaultDataDir } from '../core/data-dir';

/** An expected failure: the message is for the user, no stack trace. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'папка данных рабочего места / data folder').default(
    defaultDataDir(),
  );
}

/**
 * Keeps a long-running command (a server, a watch loop) alive until SIGINT or SIGTERM, then stops it
 * gracefully once, however many signals arrive.
 */
export function runUntilSignal(stop: () => Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void stop().then(
        () => resolve(),
        () => resolve(),
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
