import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { MonthSchema } from '../../../shared/reports';
import { formatOfFile, renderReport } from '../../reports/export';
import { markProduced, monthlyReport, UnknownProfileError } from '../../reports/service';
import { withCore } from './import-export';
import { CliFailure, dataDirOption, printJson } from '../output';

type MonthlyOptions = { month: string; dataDir: string; out?: string; profile?: string; json?: boolean };

/**
 * `report monthly`: the monthly summary to the head (Новороссийск p.20; Ухта p.22) as XLSX or PDF; writing the
 * file marks the month's report as produced, which stops the reminder in the app.
 */
export function registerReport(program: Command): void {
  const report = program.command('report').description('отчёты / reports');
  report
    .command('monthly')
    .description('ежемесячный отчёт главе в XLSX или PDF / the monthly report to the head')
    .requiredOption('--month <YYYY-MM>', 'отчётный месяц, например 2026-03')
    .addOption(dataDirOption())
    .option('--out <file>', 'файл .xlsx или .pdf')
    .option('--profile <id>', 'регламент (по умолчанию — действующий)')
    .option('--json', 'показатели отчёта в JSON в stdout')
    .action(async (opts: MonthlyOptions) => {
      const month = MonthSchema.safeParse(opts.month);
      if (!month.success) throw new CliFailure(`Месяц «${opts.month}»: укажите ГГГГ-ММ, например 2026-03`, 2);
      if (!opts.out && !opts.json) throw new CliFailure('Укажите --out <файл.xlsx|файл.pdf> или --json', 2);
      const format = opts.out ? formatOfFile(opts.out) : null;
      if (opts.out && !format) throw new CliFailure(`Файл ${opts.out}: расширение .xlsx или .pdf`, 2);
      const result = await withCore(opts.dataDir, async (core) => {
        const now = core.now();
        let data;
        try {
          data = await monthlyReport(core.db, core.organisation(), month.data, now, opts.profile);
        } catch (e) {
          if (e instanceof UnknownProfileError) throw new CliFailure(e.message, 2);
          throw e;
        }
        if (opts.out && format) {
          const rendered = await renderReport(data, format);
          const path = resolve(opts.out);
          try {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, rendered.bytes);
          } catch (e) {
            throw new CliFailure(`Не удалось записать ${path}: ${(e as Error).message}`);
          }
          await markProduced(core.db, month.data, now, null, format);
          return { data, path, bytes: rendered.bytes.length };
        }
        return { data, path: null, bytes: 0 };
      });
      if (opts.json) {
        printJson(result.data);
      } else {
        const t = result.data.total;
        process.stdout.write(
          `Отчёт за ${result.data.monthLabel}: ${result.path} (${result.bytes} байт)\n` +
            `Поступило ${t.received}, ответ в срок ${t.answeredOnTime}, с нарушением срока ${t.answeredLate}, ` +
            `в работе ${t.open}, просрочено сейчас ${t.overdueNow}\n`,
        );
      }
    });
}
