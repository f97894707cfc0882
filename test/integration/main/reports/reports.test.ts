import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import { listAuditEvents } from '../../../../src/main/db/audit';
import { PDF_SECTIONS } from '../../../../src/main/reports/pdf';
import { XLSX_SHEETS } from '../../../../src/main/reports/xlsx';
import type { HotspotsView, ReportExportResult } from '../../../../src/shared/api/reports';
import {
  monthOf,
  previousMonth,
  REACTION_ACTION,
  type MonthlyReport,
  type ReportReminder,
} from '../../../../src/shared/reports';
import { runCli } from '../../../support/run-cli';
import { useTempDirs } from '../../../support/temp-dir';
import { EXPECTED, MONTH } from '../../../unit/shared/reports/month-scenario';
import { seedScenario, seedSurge, SURGE_PLACE, SURGE_TOPIC } from './seed-month';

const tempDir = useTempDirs();

async function call<T>(core: Core, method: string, request: unknown): Promise<T> {
  const r = await core.dispatch(method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Pages of a PDF: its page objects (the dictionaries stay readable when the content streams are compressed). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row «${label}» in ${ws.name}`);
  return found;
}

describe('the monthly report of a workstation', () => {
  let dataDir: string;
  let core: Core;
  let ids: Map<string, string>;

  beforeAll(async () => {
    dataDir = tempDir();
    core = await openCore({ dataDir, transport: 'web', demo: true, demoFeed: false });
    ids = await seedScenario(core);
    await seedSurge(core, core.now());
  });
  afterAll(async () => {
    await core?.close();
  });

  it('gives the figures of the hand-built month from the database', async () => {
    const report = await call<MonthlyReport>(core, 'reports.monthly.get', { month: MONTH });
    expect(report.total).toEqual(EXPECTED.total);
    expect(report.previousTotal).toMatchObject(EXPECTED.previous);
    const zhkh = report.departments.find((d) => d.departmentId === 'dep-zhkh');
    expect(zhkh?.figures).toMatchObject({ received: 5, answeredLate: 1, overdueNow: 1 });
    expect(report.breaches.filter((b) => b.primary).map((b) => b.incidentId)).toEqual([
      ids.get('A2'),
      ids.get('A6'),
    ]);
    expect(report.repeats[0]?.earlierIncidentId).toBe(ids.get('B1'));
  });

  it('records an author reaction as an audit event that replicates', async () => {
    const a1 = ids.get('A1')!;
    const audit = await listAuditEvents(core.db, a1);
    expect(audit.filter((e) => e.action === REACTION_ACTION)).toMatchObject([
      { actorRole: 'operator', after: { reaction: 'positive' } },
    ]);
    const op = await core.db
      .selectFrom('sync_outbox')
      .select(['kind', 'entity_id'])
      .where('op_id', '=', audit.find((e) => e.action === REACTION_ACTION)!.id)
      .executeTakeFirst();
    expect(op).toEqual({ kind: 'audit.append', entity_id: a1 });
    const refused = await core.dispatch('reports.reaction.record', {
      incidentId: 'nope',
      reaction: 'positive',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('writes an XLSX with one sheet per section and real numbers', async () => {
    const folder = tempDir();
    const result = await call<ReportExportResult>(core, 'reports.export', {
      month: MONTH,
      format: 'xlsx',
      folder,
    });
    expect(result).toMatchObject({ fileName: 'otklik-report-2026-03.xlsx', bytesBase64: null });
    expect(result.path).toBe(join(folder, 'otklik-report-2026-03.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(result.path!) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...XLSX_SHEETS]);

    const summary = wb.getWorksheet('Сводка')!;
    const received = rowOf(summary, 'Поступило');
    expect([received.getCell(2).value, received.getCell(3).value, received.getCell(4).value]).toEqual([
      4, 11, 7,
    ]);
    const share = rowOf(summary, 'Доля ответов в срок');
    expect(share.getCell(3).value).toBe(0.875);
    expect(share.getCell(3).numFmt).toBe('0.0%');
    expect(rowOf(summary, 'Среднее время до ответа, раб. ч').getCell(3).value).toBe(3);
    expect(rowOf(summary, 'Ответ с нарушением срока').getCell(3).value).toBe(1);

    const deps = wb.getWorksheet('Подразделения')!;
    const zhkh = rowOf(deps, 'Управление жилищно-коммунального хозяйства');
    expect(zhkh.getCell(2).value).toBe(5);
    expect(typeof zhkh.getCell(3).value).toBe('number');
    expect(rowOf(deps, 'Администрация в целом').getCell(2).value).toBe(11);

    const quality = wb.getWorksheet('Качество')!;
    expect(rowOf(quality, 'Обращение к автору').getCell(3).value).toBe(1);

    const breaches = wb.getWorksheet('Нарушения')!;
    const a2 = rowOf(breaches, ids.get('A2')!);
    expect(a2.getCell(2).value).toBeInstanceOf(Date);
    // Written in Moscow wall-clock time: detected Tue 3 March 2026 10:00.
    expect((a2.getCell(2).value as Date).toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(a2.getCell(10).value).toBeCloseTo(100 / 60);
    expect(a2.getCell(13).value).toBe('Кузнецов Дмитрий Олегович');

    const repeats = wb.getWorksheet('Повторные')!;
    expect(rowOf(repeats, ids.get('B1')!).getCell(5).value).toBe('https://vk.com/wall-100_B1?reply=1');
  });

  it('produces a PDF for signing, one page per section', async () => {
    const result = await call<ReportExportResult>(core, 'reports.export', { month: MONTH, format: 'pdf' });
    expect(result.path).toBeNull();
    const pdf = Buffer.from(result.bytesBase64!, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(pageCount(pdf)).toBe(PDF_SECTIONS);
    // The embedded font has Cyrillic (pdfmake's Roboto).
    expect(pdf.toString('latin1')).toMatch(/Roboto/);
  });

  it('shows the synthetic surge among the hot spots now', async () => {
    const hot = await call<HotspotsView>(core, 'reports.hotspots.get', {});
    expect(hot.topics.find((t) => t.key === SURGE_TOPIC)).toMatchObject({
      count: 12,
      median: 2,
      surge: true,
    });
    expect(hot.places.find((p) => p.key === SURGE_PLACE)).toMatchObject({ surge: true });
    // The wall screen (a read-only connection) may read them, but not export.
    const wall = core.connect({ readOnly: true });
    expect(await core.dispatch('reports.hotspots.get', {}, wall)).toMatchObject({ ok: true });
    expect(await core.dispatch('reports.export', { month: MONTH, format: 'pdf' }, wall)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('reminds of the previous month until its report is produced', async () => {
    const due = previousMonth(monthOf(core.now(), core.organisation().schedule.zone));
    const before = await call<ReportReminder>(core, 'reports.reminder.status', {});
    expect(before).toMatchObject({ month: due, due: true });
    await call(core, 'reports.export', { month: due, format: 'xlsx' });
    const after = await call<ReportReminder>(core, 'reports.reminder.status', {});
    expect(after).toMatchObject({ month: due, due: false });
  });

  it('refuses an unknown profile and a folder that does not exist', async () => {
    expect(await core.dispatch('reports.monthly.get', { month: MONTH, profileId: 'moscow' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await core.dispatch('reports.export', {
        month: MONTH,
        format: 'pdf',
        folder: join(dataDir, 'nowhere'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('Папка') } });
    expect(await core.dispatch('reports.monthly.get', { month: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });
});

describe('cli report monthly', () => {
  it('writes the XLSX and the PDF of a month and marks it produced', async () => {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, transport: 'cli', demo: true, demoFeed: false });
    try {
      await seedScenario(core);
    } finally {
      await core.close();
    }
    const xlsx = join(dataDir, 'out', 'март.xlsx');
    const r1 = await runCli(['report', 'monthly', '--month', MONTH, '--data-dir', dataDir, '--out', xlsx]);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toContain('Поступило 11, ответ в срок 7, с нарушением срока 1');
    expect(existsSync(xlsx)).toBe(true);

    const pdf = join(dataDir, 'март.pdf');
    const r2 = await runCli(['report', 'monthly', '--month', MONTH, '--data-dir', dataDir, '--out', pdf]);
    expect(r2.stderr).toBe('');
    expect(r2.code).toBe(0);
    expect(pageCount(readFileSync(pdf))).toBe(PDF_SECTIONS);

    const json = await runCli(['report', 'monthly', '--month', MONTH, '--data-dir', dataDir, '--json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as MonthlyReport).total).toEqual(EXPECTED.total);

    const again = await openCore({ dataDir, transport: 'cli', demo: false, demoFeed: false });
    try {
      const produced = (await again.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'reports.produced')
        .executeTakeFirst())!;
      expect(JSON.parse(produced.value)).toMatchObject({ [MONTH]: { format: 'xlsx' } });
    } finally {
      await again.close();
    }
  });

  it('explains a wrong month, format or profile', async () => {
    const dataDir = tempDir();
    const bad = await runCli([
      'report',
      'monthly',
      '--month',
      'март',
      '--data-dir',
      dataDir,
      '--out',
      'x.xlsx',
    ]);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('ГГГГ-ММ');
    const ext = await runCli([
      'report',
      'monthly',
      '--month',
      MONTH,
      '--data-dir',
      dataDir,
      '--out',
      'x.docx',
    ]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('.xlsx или .pdf');
    const profile = await runCli([
      'report',
      'monthly',
      '--month',
      MONTH,
      '--data-dir',
      dataDir,
      '--json',
      '--profile',
      'moscow',
    ]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('moscow');
  });
});
