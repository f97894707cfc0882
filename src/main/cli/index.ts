/**
 * `npm run -s cli -- <command>`: the administrators' and scripts' entry to a workstation's data.
 * stdout carries only the result; messages go to stderr; a failure exits non-zero.
 */
import { Command, CommanderError } from 'commander';
import { registerImportExport } from './commands/import-export';
import { registerAudit } from './commands/audit';
import { registerReport } from './commands/report';
import { registerReview } from './commands/review';
import { registerSchedule, registerWorktime } from './commands/worktime';
import { registerHub } from './commands/hub';
import { registerSync } from './commands/sync';
import { CliFailure } from './output';

const program = new Command('otklik')
  .description('Отклик: командная строка рабочего места')
  .showHelpAfterError()
  .exitOverride();

registerImportExport(program);
registerAudit(program);
registerReport(program);
registerReview(program);
registerWorktime(program);
registerSchedule(program);
registerHub(program);
registerSync(program);

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (e instanceof CliFailure) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`Ошибка / Error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
