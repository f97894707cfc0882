import { existsSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { MonthlyReport } from '../../shared/reports';
import { reportFileName } from './format';

export type ReportFormat = 'xlsx' | 'pdf';

export const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export type RenderedReport = { bytes: Buffer; fileName: string; mime: string };

/**
 * ExcelJS and pdfmake are loaded on the first report, not with the core: they took about a second of every
 * start (the app, the web host, the hub, each CLI command) for a file made once a month.
 */
export async function renderReport(report: MonthlyReport, format: ReportFormat): Promise<RenderedReport> {
  const bytes =
    format === 'xlsx'
      ? await (await import('./xlsx')).writeXlsx(report)
      : await (await import('./pdf')).writePdf(report);
  return { bytes, fileName: reportFileName(report, format), mime: MIME[format] };
}

/** The format a file name asks for, or null. */
export function formatOfFile(file: string): ReportFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.pdf')) return 'pdf';
  return null;
}

export class ReportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFolderError';
  }
}

/**
 * Writes the file into a folder the user chose. Only the core names the file (`otklik-report-YYYY-MM.ext`),
 * so a request cannot write anywhere but into an existing folder, under a report's name.
 */
export function writeIntoFolder(folder: string, rendered: RenderedReport): string {
  if (!isAbsolute(folder)) throw new ReportFolderError('Укажите полный путь к папке');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ReportFolderError(`Папка не найдена: ${folder}`);
  }
  const path = join(folder, rendered.fileName);
  writeFileSync(path, rendered.bytes);
  return path;
}
