import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  parseXmlCalendar,
  readXmlCalendarYear,
  WeeklyScheduleSchema,
  XmlCalendarError,
} from '../../../shared/worktime';
import { slaForDetection } from '../../../shared/regulations';
import {
  defaultOrganisation,
  loadOrganisation,
  storeImportedYear,
  storeSchedule,
  type Organisation,
} from '../../core/organisation';
import { prepareDataDir } from '../../core/data-dir';
import { kyselyOver, migrateToLatest, openSqlite, type Db } from '../../db/open';
import { CliFailure, dataDirOption, printJson } from '../output';

/** Settings commands touch only the database: no demo seed, no feed, no watcher. */
async function withDatabase<T>(dataDir: string, run: (db: Db) => Promise<T>): Promise<T> {
  const db = kyselyOver(openSqlite(prepareDataDir(dataDir).database));
  try {
    await migrateToLatest(db);
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** With `--data-dir`, that organisation's settings; without, the defaults (issue #3: default schedule). */
async function organisationFor(dataDir: string | undefined): Promise<Organisation> {
  if (dataDir === undefined) return defaultOrganisation();
  if (!existsSync(dataDir))
    throw new CliFailure(`Папка данных не найдена / Data folder not found: ${dataDir}`, 2);
  return withDatabase(dataDir, (db) => loadOrganisation(db));
}

function instant(zone: string) {
  return (value: string): number => {
    // An ISO instant with its offset; one without is read in the organisation's zone.
    const dt = DateTime.fromISO(value, { zone, setZone: true });
    if (!dt.isValid) {
      throw new InvalidArgumentError(
        `ожидается дата ISO 8601, например 2026-03-02T10:15:00+03:00 / expected an ISO 8601 instant (${dt.invalidExplanation ?? dt.invalidReason})`,
      );
    }
    return dt.toMillis();
  };
}

function minutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('ожидается неотрицательное число минут / expected minutes ≥ 0');
  return n;
}

function iso(ms: number, zone: string): string {
  return (
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString()
  );
}

type Common = { dataDir?: string; json?: boolean };
const optionalDataDir = () =>
  new Option(
    '--data-dir <dir>',
    'настройки организации из этой папки данных / use this organisation’s settings',
  );

/** Parses an option value with a parser that needs the organisation's zone, turning parse errors into CLI failures. */
function parseWith<T>(parser: (v: string) => T, value: string, name: string): T {
  try {
    return parser(value);
  } catch (e) {
    throw new CliFailure(`--${name}: ${(e as Error).message}`, 2);
  }
}

export function registerWorktime(program: Command): void {
  const worktime = program.command('worktime').description('рабочее время / working-time arithmetic');

  worktime
    .command('add')
    .description('момент, когда пройдёт столько рабочих минут / the instant after that many working minutes')
    .requiredOption('--from <iso>', 'начало, ISO 8601')
    .requiredOption('--minutes <n>', 'рабочих минут')
    .addOption(optionalDataDir())
    .option('--json', '{"at": "<ISO>"}')
    .action(async (opts: Common & { from: string; minutes: string }) => {
      const org = await organisationFor(opts.dataDir);
      const zone = org.schedule.zone;
      const at = org.calendar.add(
        parseWith(instant(zone), opts.from, 'from'),
        parseWith(minutes, opts.minutes, 'minutes'),
      );
      if (opts.json) printJson({ at: iso(at, zone) });
      else process.stdout.write(`${iso(at, zone)}\n`);
    });

  worktime
    .command('between')
    .description('рабочих минут в [from, to) / working minutes in [from, to)')
    .requiredOption('--from <iso>', 'начало, ISO 8601')
    .requiredOption('--to <iso>', 'конец, ISO 8601')
    .addOption(optionalDataDir())
    .option('--json', '{"minutes": <n>}')
    .action(async (opts: Common & { from: string; to: string }) => {
      const org = await organisationFor(opts.dataDir);
      const zone = org.schedule.zone;
      const n = org.calendar.between(
        parseWith(instant(zone), opts.from, 'from'),
        parseWith(instant(zone), opts.to, 'to'),
      );
      if (opts.json) printJson({ minutes: n });
      else process.stdout.write(`${n}\n`);
    });

  program
    .command('sla')
    .description(
      'сроки этапов для инцидента, отработанного вовремя / stage deadlines of an incident worked on time',
    )
    .requiredOption('--profile <id>', 'регламент: novorossiysk, stavropol, ukhta или свой')
    .requiredOption('--detected <iso>', 'момент выявления, ISO 8601')
    .addOption(new Option('--importance <level>', 'важность').choices(['normal', 'high']).default('normal'))
    .addOption(optionalDataDir())
    .option('--json', '{"deadline": "<ISO>", "stages": [{"id", "deadline"}]}')
    .action(async (opts: Common & { profile: string; detected: string; importance: 'normal' | 'high' }) => {
      const org = await organisationFor(opts.dataDir);
      const profile = org.profiles.find((p) => p.id === opts.profile);
      if (!profile) {
        throw new CliFailure(
          `Нет регламента «${opts.profile}» / No such profile. Есть / Known: ${org.profiles.map((p) => p.id).join(', ')}`,
          2,
        );
      }
      const zone = org.schedule.zone;
      const sla = slaForDetection(
        profile,
        org.calendar,
        parseWith(instant(zone), opts.detected, 'detected'),
        opts.importance,
      );
      if (opts.json) {
        printJson({
          deadline: iso(sla.deadline, zone),
          stages: sla.stages.map((s) => ({ id: s.id, deadline: iso(s.deadline, zone) })),
        });
        return;
      }
      process.stdout.write(`${profile.name}\nСрок ответа: ${iso(sla.deadline, zone)}\n`);
      for (const s of sla.stages) {
        process.stdout.write(
          `  ${iso(s.deadline, zone)}  ${s.title}${s.optional ? ' (если потребуется)' : ''} — ${s.clause}\n`,
        );
      }
    });

  const calendar = program
    .command('calendar')
    .description('производственный календарь / production calendar');
  calendar
    .command('import')
    .description('загрузить год из файла xmlcalendar / load a year from an xmlcalendar file')
    .argument('<file>', 'calendar.xml')
    .addOption(dataDirOption())
    .option('--year <yyyy>', 'год, если его нет ни в файле, ни в имени файла')
    .option('--json', '{"year": <n>, "days": <n>}')
    .action(async (file: string, opts: { dataDir: string; year?: string; json?: boolean }) => {
      let xml: string;
      try {
        xml = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliFailure(`Не удалось прочитать ${file} / Cannot read the file: ${(e as Error).message}`);
      }
      let year: number;
      let exceptions;
      try {
        const fromName = /(\d{4})/.exec(basename(file))?.[1];
        const found =
          opts.year !== undefined
            ? Number(opts.year)
            : (readXmlCalendarYear(xml) ?? (fromName ? Number(fromName) : null));
        if (found === null) {
          throw new CliFailure(
            'Год не указан в файле: добавьте --year / The year is not in the file: pass --year',
            2,
          );
        }
        year = found;
        exceptions = parseXmlCalendar(xml, year);
      } catch (e) {
        if (e instanceof XmlCalendarError)
          throw new CliFailure(`Календарь не загружен, настройки не изменены / Not loaded: ${e.message}`);
        throw e;
      }
      await withDatabase(opts.dataDir, (db) => storeImportedYear(db, year, exceptions));
      if (opts.json) printJson({ year, days: exceptions.length });
      else process.stdout.write(`Календарь на ${year} год загружен: особых дней — ${exceptions.length}\n`);
    });
}

const ScheduleFile = WeeklyScheduleSchema.extend({ productionCalendar: z.boolean().default(true) });

export function registerSchedule(program: Command): void {
  const schedule = program
    .command('schedule')
    .description('график работы организации / the organisation’s working schedule');
  schedule
    .command('show')
    .description('текущий график / the current schedule')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir: string }) => {
      const org = await organisationFor(opts.dataDir);
      printJson({ ...org.schedule, productionCalendar: org.productionCalendar });
    });
  schedule
    .command('set')
    .description(
      'задать график из JSON-файла (формат — docs/configuration.md) / set the schedule from a JSON file',
    )
    .argument('<file>', 'schedule.json')
    .addOption(dataDirOption())
    .action(async (file: string, opts: { dataDir: string }) => {
      let parsed;
      try {
        parsed = ScheduleFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        throw new CliFailure(`Не удалось прочитать ${file} / Cannot read the file: ${(e as Error).message}`);
      }
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(файл)'}: ${i.message}`);
        throw new CliFailure(['График не изменён / Schedule not changed:', ...issues].join('\n'));
      }
      const { productionCalendar, ...weekly } = parsed.data;
      await withDatabase(opts.dataDir, (db) => storeSchedule(db, weekly, productionCalendar));
      process.stdout.write('График сохранён. Перезапустите приложение, чтобы сроки пересчитались.\n');
    });
}
