import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { QueueColumnId, QueueRow, QueueSortKey } from '../../shared/api/queue';
import { formatDateTime, originLabel } from '../i18n/labels';
import { statusLabel } from './labels';
import { TimerBar } from './TimerBar';

const column = createColumnHelper<QueueRow>();
const EXCERPT_LENGTH = 160;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

export type ColumnMeta = {
  /** Pixels; null: takes the room the others leave. */
  width: number | null;
  /** The order a click on the header sorts by. */
  sortKey?: QueueSortKey;
};

export const COLUMN_LABEL: Record<QueueColumnId, string> = {
  timer: 'Срок',
  importance: 'Важность',
  source: 'Источник',
  detected: 'Выявлен',
  author: 'Автор',
  text: 'Сообщение',
  topic: 'Тема',
  location: 'Место',
  department: 'Подразделение',
  status: 'Статус',
};

function stageTitle(row: QueueRow): string | null {
  return row.stages.find((s) => s.id === row.currentStage)?.title ?? null;
}

/** The queue's columns; ids are `QueueColumnId`s, what the column chooser and saved views store. */
/** Rows on screen, for the bars: the rest (the overscan) do not tick. */
export type QueueTableMeta = { isLive(rowId: string): boolean };

export function queueColumns(timeZone: string): ColumnDef<QueueRow, unknown>[] {
  const defs = [
    column.accessor('deadlineAt', {
      id: 'timer',
      header: 'Срок',
      meta: { width: 330, sortKey: 'deadline' } satisfies ColumnMeta,
      cell: (c) => {
        const r = c.row.original;
        return (
          <TimerBar
            deadlineAt={r.deadlineAt}
            budgetMinutes={r.budgetMinutes}
            high={r.importance === 'high'}
            timeZone={timeZone}
            stageDeadlineAt={r.stageDeadlineAt}
            stageBudgetMinutes={r.stageBudgetMinutes}
            stageTitle={stageTitle(r)}
            currentStage={r.currentStage}
            stages={r.stages}
            live={(c.table.options.meta as QueueTableMeta | undefined)?.isLive(c.row.id) ?? true}
          />
        );
      },
    }),
    column.accessor('importance', {
      header: 'Важность',
      meta: { width: 100, sortKey: 'importance' } satisfies ColumnMeta,
      cell: (c) =>
        c.getValue() === 'high' ? (
          <span className="badge badge--high" title="Повышенной важности">
            ▲ повыш.
          </span>
        ) : (
          <span className="muted">обычная</span>
        ),
    }),
    column.accessor((i) => originLabel(i.source, i.network), {
      id: 'source',
      header: 'Источник',
      meta: { width: 150 } satisfies ColumnMeta,
    }),
    column.accessor('detectedAt', {
      id: 'detected',
      header: 'Выявлен',
      meta: { width: 110, sortKey: 'detected' } satisfies ColumnMeta,
      cell: (c) => formatDateTime(c.getValue(), timeZone),
    }),
    column.accessor('authorName', {
      id: 'author',
      header: 'Автор',
      meta: { width: 170 } satisfies ColumnMeta,
    }),
    column.accessor('text', {
      header: 'Сообщение',
      meta: { width: null } satisfies ColumnMeta,
      cell: (c) => <span className="clamp">{excerpt(c.getValue())}</span>,
    }),
    column.accessor('topic', { header: 'Тема', meta: { width: 150 } satisfies ColumnMeta }),
    column.accessor('location', { header: 'Место', meta: { width: 180 } satisfies ColumnMeta }),
    column.accessor((i) => i.departmentName ?? '—', {
      id: 'department',
      header: 'Подразделение',
      meta: { width: 180 } satisfies ColumnMeta,
    }),
    column.accessor('status', {
      header: 'Статус',
      meta: { width: 150 } satisfies ColumnMeta,
      cell: (c) => statusLabel(c.getValue()),
    }),
  ];
  return defs as ColumnDef<QueueRow, unknown>[];
}

export function metaOf(def: { meta?: unknown }): ColumnMeta {
  return (def.meta as ColumnMeta | undefined) ?? { width: 140 };
}
