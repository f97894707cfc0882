import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openCore, type Core } from '../../core/core';
import { createIncidents } from '../../core/incidents';
import { SYSTEM_ACTOR } from '../../core/changes';
import { listAllIncidents } from '../../db/incidents';
import { detectFormat, ImportError, parseImportFile, toExportRecord } from '../../core/import/parse';
import { CliFailure, dataDirOption, printJson } from '../output';

export async function withCore<T>(dataDir: string, run: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir, transport: 'cli', demo: false, demoFeed: false });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

export function registerImportExport(program: Command): void {
  program
    .command('import')
    .description('импорт инцидентов из JSON или CSV (всё или ничего) / import incidents, all or nothing')
    .argument('<file>', 'файл .json или .csv')
    .addOption(dataDirOption())
    .option('--format <format>', 'json | csv (по умолчанию — по расширению)')
    .option('--json', 'итог в JSON')
    .action(async (file: string, opts: { dataDir: string; format?: string; json?: boolean }) => {
      const format = opts.format ?? detectFormat(file);
      if (format !== 'json' && format !== 'csv') {
        throw new CliFailure(
          `Неизвестный формат «${String(format)}»: укажите --format json или csv / Unknown format`,
          2,
        );
      }
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliFailure(`Не удалось прочитать ${file} / Cannot read the file: ${(e as Error).message}`);
      }
      let records;
      try {
        records = parseImportFile(content, format);
      } catch (e) {
        if (e instanceof ImportError) {
          throw new CliFailure(
            [
              `Файл не импортирован, база не изменена / Nothing imported: ${file}`,
              ...e.issues.map((i) => `  ${i.message}`),
            ].join('\n'),
          );
        }
        throw e;
      }
      const result = await withCore(opts.dataDir, (core) =>
        createIncidents(core.db, core.identity, SYSTEM_ACTOR, core.now(), records, 'import'),
      );
      const summary = { imported: result.created.length, skipped: result.skippedExternalIds.length };
      if (opts.json) printJson(summary);
      else process.stdout.write(`Импортировано: ${summary.imported}, уже были: ${summary.skipped}\n`);
    });

  program
    .command('export')
    .description('все инциденты / all incidents')
    .addOption(dataDirOption())
    .option('--json', 'JSON-массив в stdout')
    .action(async (opts: { dataDir: string; json?: boolean }) => {
      if (!opts.json)
        throw new CliFailure('Укажите --json: другие форматы экспорта появятся позже / Use --json', 2);
      const records = await withCore(opts.dataDir, async (core) => {
        const zone = core.organisation().schedule.zone;
        return (await listAllIncidents(core.db)).map((i) => toExportRecord(i, zone));
      });
      printJson(records);
    });
}
