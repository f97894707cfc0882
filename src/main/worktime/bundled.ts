import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseXmlCalendar,
  readXmlCalendarYear,
  XmlCalendarError,
  type CalendarException,
} from '../../shared/worktime';

const DEFAULT_RESOURCES = new URL('../../../resources', import.meta.url);
const FILE = /^ru-(\d{4})?.*\.xml$/i;

/**
 * The production calendars shipped with the app: every `calendars/ru-*.xml` under `resourcesDir`, parsed and
 * concatenated in year order. The year comes from the file name (`ru-2026.xml`), else from the XML's `year`
 * attribute. A broken file throws an XmlCalendarError whose message names the file.
 */
export function loadBundledExceptions(resourcesDir: string | URL = DEFAULT_RESOURCES): CalendarException[] {
  const root = typeof resourcesDir === 'string' ? resourcesDir : fileURLToPath(resourcesDir);
  const dir = join(root, 'calendars');
  const files = readdirSync(dir)
    .filter((name) => FILE.test(name))
    .sort();
  const byYear = new Map<number, CalendarException[]>();
  for (const name of files) {
    const xml = readFileSync(join(dir, name), 'utf8');
    try {
      const fromName = FILE.exec(name)?.[1];
      const year = fromName !== undefined ? Number(fromName) : readXmlCalendarYear(xml);
      if (year === null) {
        throw new XmlCalendarError(
          'bad-year',
          'The year is neither in the file name nor in the year attribute',
          'Год не указан ни в имени файла, ни в атрибуте year',
        );
      }
      if (byYear.has(year)) {
        throw new XmlCalendarError(
          'duplicate-year',
          `Another file already holds the calendar of ${year}`,
          `Календарь на ${year} год уже загружен из другого файла`,
        );
      }
      byYear.set(year, parseXmlCalendar(xml, year));
    } catch (error) {
      if (error instanceof XmlCalendarError) {
        throw new XmlCalendarError(error.code, `${name}: ${error.en}`, `${name}: ${error.ru}`);
      }
      throw error;
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).flatMap(([, exceptions]) => exceptions);
}
