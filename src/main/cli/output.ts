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
