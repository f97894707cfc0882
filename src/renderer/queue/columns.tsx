import { createColumnHelper } from '@tanstack/react-table';
import type { QueueItem } from '../../shared/api/contract';
import { formatDateTime, NETWORK_LABEL, SOURCE_LABEL, STATUS_LABEL } from '../i18n/labels';
import { TimerBar } from './TimerBar';

const column = createColumnHelper<QueueItem>();
const EXCERPT_LENGTH = 140;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

export function queueColumns(timeZone: string) {
  return [
    column.accessor('deadlineAt', {
      id: 'timer',
      header: 'Срок ответа',
      cell: (c) => (
        <TimerBar
          deadlineAt={c.row.original.deadlineAt}
          budgetMinutes={c.row.original.budgetMinutes}
          high={c.row.original.importance === 'high'}
          timeZone={timeZone}
        />
      ),
    }),
    column.accessor('importance', {
      header: 'Важность',
      cell: (c) =>
        c.getValue() === 'high' ? (
          <span className="badge badge--high" title="Повышенной важности">
            ▲ повыш.
          </span>
        ) : (
          <span className="muted">обычная</span>
        ),
    }),
    column.accessor((i) => `${SOURCE_LABEL[i.source]} · ${NETWORK_LABEL[i.network]}`, {
      id: 'source',
      header: 'Источник',
    }),
    column.accessor('detectedAt', {
      header: 'Выявлен',
      cell: (c) => formatDateTime(c.getValue(), timeZone),
    }),
    column.accessor('authorName', { header: 'Автор' }),
    column.accessor('text', {
      header: 'Сообщение',
      cell: (c) => <span title={c.getValue()}>{excerpt(c.getValue())}</span>,
    }),
    column.accessor('topic', { header: 'Тема' }),
    column.accessor('location', { header: 'Место' }),
    column.accessor((i) => i.departmentName ?? '—', { id: 'department', header: 'Подразделение' }),
    column.accessor('status', {
      header: 'Статус',
      cell: (c) => STATUS_LABEL[c.getValue()],
    }),
  ];
}
